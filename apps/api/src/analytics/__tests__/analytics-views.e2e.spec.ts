import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { connectAsBiReader } from '../../testing/bi-reader';
import { startTestApp, TestApp } from '../../testing/test-app';
import { AnalyticsRefreshService } from '../analytics-refresh.service';
import { MATERIALIZED_VIEWS } from '../analytics-views';

const NIK = '3577012503850004';
const PHONE = '081234567890';
const EMAIL = 'warga.rahasia@example.id';

describe('analytics schema', () => {
  let t: TestApp;
  let ds: DataSource;
  let bi: Client;
  let asn: string;

  const submit = async (text: string, kelurahanCode: string, categoryCode?: string) => {
    const res = await t.request('POST', '/aspirations', { body: { text, kelurahanCode, ...(categoryCode ? { categoryCode } : {}), contact: { name: 'Budi Santoso', email: EMAIL, phone: PHONE, consent: true } } });
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingCode: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    asn = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    await submit(`Antrean puskesmas panjang sekali, saya NIK ${NIK} hubungi ${PHONE} atau ${EMAIL}.`, '35.77.02.1004', 'kesehatan');
    await submit('Obat di puskesmas sering kosong, mohon ditambah stoknya.', '35.77.02.1004', 'kesehatan');
    await submit('Jalan lingkungan berlubang besar dan membahayakan pengendara motor.', '35.77.01.1001', 'infrastruktur_jalan');
    const replied = await submit('Dokter jaga di puskesmas pembantu sering tidak ada di tempat.', '35.77.03.1001', 'kesehatan');
    expect((await t.request('POST', `/asn/aspirations/${replied.id}/status`, { token: asn, body: { status: 'verified' } })).status).toBe(200);
    expect((await t.request('POST', `/asn/aspirations/${replied.id}/replies`, { token: asn, body: { body: 'Terima kasih, jadwal dokter jaga kami tinjau minggu ini.' } })).status).toBe(201);
    await t.app.get(AnalyticsRefreshService).refresh({ force: true });
    bi = await connectAsBiReader(ds, t.db.url);
  });
  afterAll(async () => {
    await bi?.end();
    await t?.close();
  });

  it('materialized aggregates agree with the raw tables after a refresh', async () => {
    const raw = await ds.query(`SELECT kecamatan_code, category_code, count(*)::int AS n FROM aspiration GROUP BY 1, 2 ORDER BY 1, 2`);
    const { rows } = await bi.query(`SELECT kecamatan_code, category_code, sum(aspirations)::int AS n FROM analytics.participation_daily GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(rows).toEqual(raw);
    expect(raw.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(4);

    const { rows: [times] } = await bi.query(`SELECT sum(submitted)::int AS submitted, sum(verified)::int AS verified, sum(replied)::int AS replied, sum(hours_to_reply_sum) AS hours FROM analytics.response_times_daily WHERE opd_code = 'dinas-kesehatan'`);
    expect(times).toMatchObject({ submitted: 3, verified: 1, replied: 1 });
    expect(times.hours).toBeGreaterThanOrEqual(0);
    expect(times.hours).toBeLessThan(1);

    const { rows: backlog } = await bi.query(`SELECT status, sum(open)::int AS open FROM analytics.sla_backlog WHERE opd_code = 'dinas-kesehatan' GROUP BY status ORDER BY status`);
    expect(backlog).toEqual([{ status: 'received', open: 2 }, { status: 'verified', open: 1 }]);

    const { rows: per1000 } = await bi.query(`SELECT kelurahan_code, aspirations, population, per_1000 FROM analytics.participation_per_1000 WHERE kelurahan_code = '35.77.02.1004'`);
    expect(per1000).toHaveLength(1);
    expect(per1000[0].aspirations).toBe(2);
    if (per1000[0].population) expect(Number(per1000[0].per_1000)).toBeCloseTo((2 * 1000) / per1000[0].population, 2);
  });

  it('records each refresh, skips a scheduled one right after, and runs a forced one', async () => {
    const svc = t.app.get(AnalyticsRefreshService);
    const state = await svc.state();
    expect(state.map((s) => s.view)).toEqual([...MATERIALIZED_VIEWS]);
    expect(state.every((s) => s.refreshedAt !== null)).toBe(true);
    expect(await svc.refresh()).toEqual({ refreshed: [], skipped: 'recent' });

    await submit('Selokan di depan rumah mampet dan banjir setiap hujan deras.', '35.77.01.1001', 'drainase_banjir');
    const forced = await svc.refresh({ force: true });
    expect(forced.refreshed.map((r) => r.view)).toEqual([...MATERIALIZED_VIEWS]);
    const { rows } = await bi.query(`SELECT sum(aspirations)::int AS n FROM analytics.participation_daily`);
    expect(rows[0].n).toBe(5);

    const later = new Date(Date.now() + (t.config.analytics.refreshMinIntervalSeconds + 1) * 1000);
    expect((await svc.refresh({ now: later })).refreshed).toHaveLength(MATERIALIZED_VIEWS.length);
  });

  it('lets the BI role read every analytics relation and no table of the application', async () => {
    const relations: { name: string }[] = await ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'analytics'
       UNION SELECT matviewname FROM pg_matviews WHERE schemaname = 'analytics' ORDER BY 1`,
    );
    expect(relations.length).toBeGreaterThanOrEqual(25);
    for (const { name } of relations) await bi.query(`SELECT * FROM analytics.${name} LIMIT 1`);

    const tables: { name: string }[] = await ds.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['aspiration', 'aspiration_contact', 'app_user', 'fellow_participant', 'notification', 'audit_log']));
    for (const { name } of tables) {
      await expect(bi.query(`SELECT * FROM public.${name} LIMIT 1`)).rejects.toMatchObject({ code: '42501' });
    }
    await expect(bi.query(`INSERT INTO analytics.refresh_state VALUES ('x', now(), 1)`)).rejects.toMatchObject({ code: '42501' });
    await expect(bi.query(`CREATE TABLE analytics.x (id int)`)).rejects.toMatchObject({ code: '42501' });
  });

  it('shows no personal data: no such columns, and redacted texts', async () => {
    const { rows: columns } = await bi.query(
      `SELECT c.relname || '.' || a.attname AS col FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'analytics' AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    const forbidden = columns.map((r: { col: string }) => r.col).filter((c: string) => /\.(.*email.*|.*phone.*|nik|full_name|contact.*|address|latitude|longitude|lat|lng|.*user_id|rater_hash|follow_up.*|proposer)$/.test(c));
    expect(forbidden).toEqual([]);

    const dump = JSON.stringify((await bi.query(`SELECT * FROM analytics.aspirations`)).rows);
    expect(dump).toContain('Antrean puskesmas panjang');
    for (const secret of [NIK, PHONE, EMAIL, 'Budi Santoso']) expect(dump).not.toContain(secret);
  });
});
