import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';

/** Citizen and ASN satisfaction surveys, summaries against the blueprint targets (4.5 and 4.2). */
describe('surveys (HTTP, real Postgres)', () => {
  let t: TestApp;
  let asnKes: string;
  let asnHub: string;
  let citizen: string;
  let bappeda: string;
  let db: DataSource;

  async function resolvedAspiration(): Promise<{ id: string; trackingCode: string; followUpKey: string }> {
    const res = await t.request('POST', '/aspirations', { body: { text: 'Obat di puskesmas sering kosong, mohon ditindaklanjuti.', kelurahanCode: '35.77.02.1004', categoryCode: 'kesehatan' } });
    expect(res.status).toBe(201);
    for (const status of ['verified', 'in_progress', 'resolved']) {
      const moved = await t.request('POST', `/asn/aspirations/${res.body.id}/status`, { token: asnKes, body: { status } });
      expect(moved.status).toBe(200);
    }
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' } });
    db = t.app.get(DataSource);
    asnKes = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    asnHub = await t.tokenFor('asn', { opdCode: 'dinas-perhubungan' });
    citizen = await t.tokenFor('citizen');
    bappeda = await t.tokenFor('bappeda');
  });
  afterAll(() => t.close());

  it('validates citizen answers: score 1-5, tracking code and key together', async () => {
    expect((await t.request('POST', '/surveys/citizen', { body: { score: 6 } })).status).toBe(400);
    expect((await t.request('POST', '/surveys/citizen', { body: { score: 3.5 } })).status).toBe(400);
    expect((await t.request('POST', '/surveys/citizen', { body: {} })).status).toBe(400);
    const noKey = await t.request('POST', '/surveys/citizen', { body: { score: 4, trackingCode: 'MDN-2345-6789' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.details[0].field).toBe('followUpKey');
    const noCode = await t.request('POST', '/surveys/citizen', { body: { score: 4, followUpKey: 'AAAAA-BBBBB-CCCCC-DDDDD' } });
    expect(noCode.status).toBe(400);
    expect(noCode.body.details[0].field).toBe('trackingCode');
    expect((await t.request('POST', '/surveys/citizen', { body: { score: 4, trackingCode: 'bukan kode', followUpKey: 'AAAAA-BBBBB-CCCCC-DDDDD' } })).status).toBe(400);
    expect((await t.request('POST', '/surveys/citizen', { body: { score: 4, trackingCode: 'MDN-2345-6789', followUpKey: 'AAAAA-BBBBB-CCCCC-DDDDD' } })).status).toBe(404);
    expect((await t.request('POST', '/surveys/citizen', { body: { score: 4, opdCode: 'dinas-tidak-ada' } })).status).toBe(400);
  });

  it('counts general answers, answers tied to an aspiration and confirmations of resolved aspirations', async () => {
    const general = [
      await t.request('POST', '/surveys/citizen', { body: { score: 5 } }),
      await t.request('POST', '/surveys/citizen', { body: { score: 4, comment: 'Pelayanan cepat. Hubungi 0813-1111-2222.' } }),
      await t.request('POST', '/surveys/citizen', { token: citizen, body: { score: 3, opdCode: 'dinas-perhubungan' } }),
    ];
    expect(general.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(general[1].body.comment).toBe('Pelayanan cepat. Hubungi [TELEPON].');

    // Confirming a resolved aspiration writes a citizen answer (AspirationService.confirm).
    const confirmed = await resolvedAspiration();
    const conf = await t.request('POST', `/aspirations/track/${confirmed.trackingCode}/confirm`, { body: { followUpKey: confirmed.followUpKey, satisfaction: 2 } });
    expect(conf.status).toBe(200);
    const dup = await t.request('POST', '/surveys/citizen', { body: { score: 5, trackingCode: confirmed.trackingCode, followUpKey: confirmed.followUpKey } });
    expect(dup.status).toBe(409);

    // An answer tied to another aspiration: the key must match.
    const tied = await resolvedAspiration();
    const wrongKey = await t.request('POST', '/surveys/citizen', { body: { score: 5, trackingCode: tied.trackingCode, followUpKey: confirmed.followUpKey } });
    expect(wrongKey.status).toBe(403);
    const ok = await t.request('POST', '/surveys/citizen', { body: { score: 5, trackingCode: tied.trackingCode.toLowerCase(), followUpKey: tied.followUpKey } });
    expect(ok.status).toBe(201);
    const [row] = await db.query('SELECT aspiration_id, opd_id FROM survey_response WHERE id = $1', [ok.body.id]);
    expect(row.aspiration_id).toBe(tied.id);

    // An older answer outside the range, and an ASN answer that must not be mixed in.
    await db.query(`INSERT INTO survey_response (kind, score, created_at) VALUES ('citizen_satisfaction', 1, '2024-06-15T05:00:00Z')`);
    await db.query(`INSERT INTO survey_response (kind, score) VALUES ('asn_system', 1)`);

    // 5, 4, 3, 2 (confirmation), 5 (tied) → 19 / 5 = 3.8
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const sum = await t.request('GET', `/surveys/summary?from=2025-01-01&to=${today}`);
    expect(sum.status).toBe(200);
    expect(sum.body).toEqual({
      kind: 'citizen_satisfaction',
      from: '2025-01-01',
      to: today,
      opd: null,
      count: 5,
      average: 3.8,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 },
      target: 4.5,
      meetsTarget: false,
      gap: -0.7,
    });

    const all = await t.request('GET', '/surveys/summary');
    expect(all.body).toMatchObject({ count: 6, average: 3.33, from: null, to: null });
    const y2024 = await t.request('GET', '/surveys/summary?from=2024-01-01&to=2024-12-31');
    expect(y2024.body).toMatchObject({ count: 1, average: 1, distribution: { '1': 1 } });
    const kes = await t.request('GET', '/surveys/summary?opd=dinas-kesehatan');
    expect(kes.body).toMatchObject({ count: 2, average: 3.5, opd: { code: 'dinas-kesehatan' } });

    expect((await t.request('GET', '/surveys/summary?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    expect((await t.request('GET', '/surveys/summary?from=2026-13-01')).status).toBe(400);
    expect((await t.request('GET', '/surveys/summary?opd=dinas-tidak-ada')).status).toBe(400);
  });

  it('ASN answer once per calendar month: a second answer that month replaces the first', async () => {
    await db.query(`DELETE FROM survey_response WHERE kind = 'asn_system'`);
    const first = await t.request('POST', '/surveys/asn', { token: asnKes, body: { score: 4, comment: 'Dasbor membantu.' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ result: 'created', kind: 'asn_system', score: 4 });
    const second = await t.request('POST', '/surveys/asn', { token: asnKes, body: { score: 2, comment: 'Sering lambat.' } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ result: 'updated', id: first.body.id, score: 2 });
    expect((await t.request('POST', '/surveys/asn', { token: asnHub, body: { score: 5 } })).status).toBe(201);
    expect((await t.request('POST', '/surveys/asn', { token: asnHub, body: { score: 9 } })).status).toBe(400);

    let sum = await t.request('GET', '/surveys/asn/summary', { token: bappeda });
    expect(sum.status).toBe(200);
    expect(sum.body).toMatchObject({ kind: 'asn_system', count: 2, average: 3.5, target: 4.2, meetsTarget: false, gap: -0.7 });

    // Last month's answer stays; this month gets a new one.
    await db.query(`UPDATE survey_response SET created_at = created_at - interval '40 days' WHERE id = $1`, [first.body.id]);
    const next = await t.request('POST', '/surveys/asn', { token: asnKes, body: { score: 5 } });
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(first.body.id);
    sum = await t.request('GET', '/surveys/asn/summary', { token: asnKes });
    expect(sum.body).toMatchObject({ count: 3, average: 4, distribution: { '2': 1, '5': 2 } });
    const kes = await t.request('GET', '/surveys/asn/summary?opd=dinas-kesehatan', { token: bappeda });
    expect(kes.body).toMatchObject({ count: 2, average: 3.5 });

    // Staff only, and the citizen summary does not mix ASN answers in.
    expect((await t.request('GET', '/surveys/asn/summary', { token: citizen })).status).toBe(403);
    expect((await t.request('GET', '/surveys/asn/summary')).status).toBe(401);
    expect((await t.request('POST', '/surveys/asn', { token: citizen, body: { score: 5 } })).status).toBe(403);
    const citizenSum = await t.request('GET', '/surveys/summary');
    expect(citizenSum.body.kind).toBe('citizen_satisfaction');
    expect(citizenSum.body.count).toBe(6);
  });
});
