import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxService } from '../../outbox/outbox.service';
import { startTestApp, TestApp } from '../../testing/test-app';
import { AnalysisService } from '../analysis.service';
import { TrendsService } from '../trends.service';

async function until<T>(probe: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('insight engine in the API (real Postgres)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let asnPu: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
    admin = await t.tokenFor('admin');
    asnPu = await t.tokenFor('asn', { opdCode: 'dinas-pekerjaan-umum-dan-penataan-ruang' });
  });
  afterAll(() => t.close());

  const analysisOf = (id: string) => until(async () => (await ds.query('SELECT * FROM aspiration_analysis WHERE aspiration_id = $1', [id]))[0]);

  it('classifies a new aspiration at intake and analyses it through the outbox within seconds', async () => {
    const res = await t.request('POST', '/aspirations', { body: { text: 'Got di depan rumah mampet, tiap hujan air meluap sampai masuk rumah warga. Tolong dikeruk.', kelurahanCode: '35.77.03.1002' } });
    expect(res.status).toBe(201);
    expect(res.body.category).toEqual({ code: 'drainase_banjir', assigned: true });
    const started = Date.now();
    const row = await analysisOf(res.body.id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(row.predicted_category).toBe('drainase_banjir');
    expect(row.sentiment).toBe('negatif');
    expect(row.reasons.length).toBeGreaterThan(0);
    expect(row.model_version).toBeTruthy();

    const view = await t.request('GET', `/insight/aspirations/${res.body.id}`, { token: asnPu });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ predictedCategory: 'drainase_banjir', sentiment: 'negatif' });
    expect(typeof view.body.confidence).toBe('number');
    expect((await t.request('GET', `/insight/aspirations/${res.body.id}`, { token: await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' }) })).status).toBe(404);
  });

  it('analyses the redacted text: personal data never enters the analysis', async () => {
    const res = await t.request('POST', '/aspirations', { body: { text: 'Lampu jalan mati, hubungi saya 081234567890 atau budi@example.id, NIK 3577014506890002.', kelurahanCode: '35.77.03.1002' } });
    const row = await analysisOf(res.body.id);
    const stored = JSON.stringify(row);
    for (const secret of ['081234567890', 'budi@example.id', '3577014506890002', 'budi']) expect(stored).not.toContain(secret);
  });

  it('flags a near-duplicate in the same kelurahan and suggests it at intake', async () => {
    const first = await t.request('POST', '/aspirations', { body: { text: 'Jalan Serayu depan SD Winongo berlubang besar, sudah dua motor jatuh minggu ini.', kelurahanCode: '35.77.02.1005', categoryCode: 'infrastruktur_jalan' } });
    await analysisOf(first.body.id);
    const second = await t.request('POST', '/aspirations', { body: { text: 'jln serayu dpn SD winongo lubangnya besar bgt, motor sdh 2 kali jatuh', kelurahanCode: '35.77.02.1005', categoryCode: 'infrastruktur_jalan' } });
    const row = await analysisOf(second.body.id);
    expect(row.duplicate_of).toBe(first.body.id);
    const elsewhere = await t.request('POST', '/aspirations', { body: { text: 'Jalan Serayu depan SD berlubang besar, sudah dua motor jatuh minggu ini.', kelurahanCode: '35.77.01.1001', categoryCode: 'infrastruktur_jalan' } });
    expect((await analysisOf(elsewhere.body.id)).duplicate_of).toBeNull();

    const similar = await t.request('GET', `/aspirations/similar?text=${encodeURIComponent('jalan serayu berlubang depan SD motor jatuh')}&kelurahan=35.77.02.1005`);
    expect(similar.body.map((a: { id: string }) => a.id)).toContain(first.body.id);
  });

  it('flags an aspiration that asks for what a Musrenbang proposal of the same kelurahan already asks', async () => {
    const csv = readFileSync(join(__dirname, '../../../../../../shared/data/musrenbang-sample.csv'), 'utf8').split('\n').slice(0, 3).join('\n');
    const imported = await t.request('POST', '/collector/imports/musrenbang', { token: admin, body: { csv } });
    expect(imported.status).toBeLessThan(300);
    const match = await t.request('POST', '/aspirations', { body: { text: 'Jalan lingkungan di RT 09 RW 04 berlubang dan rawan kecelakaan, mohon segera diaspal.', kelurahanCode: '35.77.01.1001' } });
    const row = await analysisOf(match.body.id);
    expect(row.musrenbang_proposal_id).not.toBeNull();
    const view = await t.request('GET', `/insight/aspirations/${match.body.id}`, { token: admin });
    expect(view.body.musrenbangMatch).toMatchObject({ year: 2025, proposal: 'Pengaspalan jalan lingkungan' });
    const elsewhere = await t.request('POST', '/aspirations', { body: { text: 'Jalan lingkungan di RT 02 berlubang dan rawan kecelakaan, mohon segera diaspal.', kelurahanCode: '35.77.03.1004' } });
    expect((await analysisOf(elsewhere.body.id)).musrenbang_proposal_id).toBeNull();
  });

  it('keeps ASN corrections as labels and retrains: a new version with cross-validated metrics', async () => {
    const res = await t.request('POST', '/aspirations', { body: { text: 'Mohon informasi jadwal kegiatan di balai kota minggu depan.', kelurahanCode: '35.77.03.1002' } });
    await analysisOf(res.body.id);
    const [{ category_code: assigned }] = await ds.query('SELECT category_code FROM aspiration WHERE id = $1', [res.body.id]);
    const corrected = assigned === 'lainnya' ? 'layanan_digital' : 'lainnya';
    expect((await t.request('POST', `/asn/aspirations/${res.body.id}/category`, { token: admin, body: { categoryCode: corrected } })).status).toBe(200);
    const label = await until(async () => (await ds.query('SELECT category_code FROM insight_label WHERE aspiration_id = $1', [res.body.id]))[0]);
    expect(label.category_code).toBe(corrected);

    const before = await t.request('GET', '/insight/models', { token: admin });
    expect(before.body.filter((m: { isActive: boolean }) => m.isActive)).toHaveLength(1);
    const retrain = await t.request('POST', '/insight/models/retrain', { token: admin });
    expect(retrain.status).toBe(200);
    expect(retrain.body.candidate.correctionExamples).toBeGreaterThanOrEqual(1);
    expect(retrain.body.candidate.metrics.macroF1).toBeGreaterThan(0.7);
    expect(retrain.body.promoted).toBe(true);
    const after = await t.request('GET', '/insight/models', { token: admin });
    expect(after.body.length).toBe(before.body.length + 1);
    expect(after.body.find((m: { isActive: boolean }) => m.isActive).version).toBe(retrain.body.candidate.version);
    expect((await t.request('POST', '/insight/models/retrain', { token: asnPu })).status).toBe(403);
  }, 120_000);

  it('computes weekly trends, flags an emerging issue with its keywords, and forecasts participation', async () => {
    // Ten quiet weeks of one flood report a week, then a week with twelve.
    const now = new Date();
    const [{ monday }] = await ds.query(`SELECT to_char(date_trunc('week', now() AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS monday`);
    const inserts: Promise<unknown>[] = [];
    const add = (daysBeforeMonday: number, text: string) =>
      inserts.push(
        ds.query(
          `INSERT INTO aspiration (tracking_code, follow_up_key_hash, text, public_text, category_code, category_source, kelurahan_code, kecamatan_code,
             channel, status, opd_id, is_anonymous, submitted_at, due_verify_at, due_plan_at, due_at)
           SELECT 'MDN-T' || substr(md5(random()::text), 1, 3) || '-' || substr(md5(random()::text), 1, 4), repeat('0', 64), $2, $2, 'drainase_banjir', 'citizen',
             '35.77.03.1002', '35.77.03', 'portal', 'received', c.default_opd_id, true, ($1::date - make_interval(days => $3)) + interval '3 hours', now(), now(), now()
           FROM category c WHERE c.code = 'drainase_banjir'`,
          [monday, text, daysBeforeMonday],
        ),
      );
    for (let w = 2; w <= 11; w++) add(w * 7 - 2, `Genangan air di gang RT ${w} setelah hujan.`);
    for (let i = 0; i < 12; i++) add(4, `Banjir rob setinggi lutut di Jl. Pandean nomor ${i}, saluran meluap.`);
    await Promise.all(inserts);
    const analysis = t.app.get(AnalysisService);
    const ids: { id: string }[] = await ds.query(`SELECT id FROM aspiration WHERE id NOT IN (SELECT aspiration_id FROM aspiration_analysis)`);
    for (const { id } of ids) await analysis.analyze(id);

    const result = await t.app.get(TrendsService).recompute(now);
    expect(result.forecasts).toBe(4);
    const emerging = await t.request('GET', '/insight/emerging');
    const flood = emerging.body.find((e: { category: { code: string }; kecamatan: unknown }) => e.category.code === 'drainase_banjir' && e.kecamatan === null);
    expect(flood).toBeDefined();
    expect(flood.count).toBe(12);
    expect(flood.pValue).toBeLessThan(0.01);
    expect(flood.keywords.length).toBeGreaterThan(0);

    const trends = await t.request('GET', '/insight/trends?weeks=12&category=drainase_banjir&kecamatan=35.77.03');
    expect(trends.body.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBeGreaterThanOrEqual(22);
    const forecast = await t.request('GET', '/insight/forecast');
    expect(forecast.body.weeks).toHaveLength(12);
    expect(forecast.body.weeks.every((w: { predicted: number }) => w.predicted >= 0)).toBe(true);
    expect(typeof forecast.body.method).toBe('string');
    // The cycle starts four weeks ago: the ten quiet weeks are its baseline, the spike is in it.
    const [{ start }] = await ds.query(`SELECT to_char($1::date - 28, 'YYYY-MM-DD') AS start`, [monday]);
    const scenarios = await t.request('GET', `/insight/scenarios?cycleStart=${start}`);
    expect(scenarios.status).toBe(200);
    expect(scenarios.body.comparable).toBe(true);
    expect(scenarios.body.closest).toBe('optimistic');
    const empty = await t.request('GET', '/insight/scenarios?cycleStart=2020-01-06');
    expect(empty.body.comparable).toBe(false);
    expect((await t.request('GET', '/insight/scenarios?cycleStart=besok')).status).toBe(400);
  });

  it('lists low-confidence predictions for review, scoped to the OPD', async () => {
    await t.app.get(OutboxService).dispatch();
    const res = await t.request('GET', '/insight/review', { token: admin });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    for (const item of res.body) expect(item.confidence).toBeLessThan(0.5);
  });
});
