import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';
import { DefaultCycleSeed } from '../default-cycle.seed';
import { OkrProgressService } from '../okr-progress.service';
import { OkrScenarioService } from '../okr-scenario.service';

/** The OKR tracker through HTTP: cycles, objectives, key results, values, check-ins, recompute, scenarios. */
describe('OKR tracker (HTTP, real Postgres)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let asnKominfo: string;
  let asnKes: string;
  let citizen: string;
  let trainer: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await t.tokenFor('admin');
    asnKominfo = await t.tokenFor('asn', { opdCode: 'dinas-komunikasi-dan-informatika' });
    asnKes = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    citizen = await t.tokenFor('citizen');
    trainer = await t.tokenFor('trainer');
  });
  afterAll(() => t.close());

  it('loads the blueprint cycle idempotently, with its seven targets', async () => {
    const seed = t.app.get(DefaultCycleSeed);
    expect(await seed.load()).toEqual({ cycle: 'created', objectivesInserted: 4, keyResultsInserted: 7 });
    expect(await seed.load()).toEqual({ cycle: 'present', objectivesInserted: 0, keyResultsInserted: 0 });
    const list = await t.request('GET', '/okr/cycles', { token: trainer });
    expect(list.status).toBe(200);
    const cycle = list.body.find((c: { code: string }) => c.code === 'okr-2026-q1');
    expect(cycle).toMatchObject({ startDate: '2026-01-01', endDate: '2026-03-31', phases: [{ name: 'Build', startWeek: 1, endWeek: 4 }, { name: 'Empower', startWeek: 5, endWeek: 8 }, { name: 'Deploy & Measure', startWeek: 9, endWeek: 12 }] });
    const detail = await t.request('GET', `/okr/cycles/${cycle.id}`, { token: admin });
    const targets = Object.fromEntries(detail.body.objectives.flatMap((o: { keyResults: { metricKey: string; target: number; direction: string }[] }) => o.keyResults.map((k) => [k.metricKey, [k.direction, k.target]])));
    expect(targets).toEqual({
      participation_growth: ['increase', 40],
      response_time_change: ['decrease', -30],
      citizen_satisfaction_avg: ['increase', 4.5],
      asn_satisfaction_avg: ['increase', 4.2],
      open_reports_per_quarter: ['increase', 3],
      active_fellows: ['increase', 50],
      fellows_certified_share: ['increase', 80],
    });
    // An empty body asks for the blueprint cycle, which now exists.
    expect((await t.request('POST', '/okr/cycles', { token: admin, body: {} })).status).toBe(409);
  });

  it('recomputes every automatic key result, keeps the history and grades against elapsed time', async () => {
    const [cycle] = await db.query(`SELECT id FROM okr_cycle WHERE code = 'okr-2026-q1'`);
    for (const s of [5, 4, 4, 5]) await db.query(`INSERT INTO survey_response (kind, score, created_at) VALUES ('citizen_satisfaction', $1, '2026-01-10T03:00:00Z')`, [s]);
    await db.query(`INSERT INTO survey_response (kind, score, created_at) VALUES ('asn_system', 2, '2026-01-10T03:00:00Z')`);
    const progress = t.app.get(OkrProgressService);
    const summary = await progress.recompute(new Date('2026-02-15T00:00:00+07:00'));
    expect(summary).toMatchObject({ cycles: 1, keyResults: 7 });
    await progress.recompute(new Date('2026-02-16T00:00:00+07:00'));
    const detail = (await t.request('GET', `/okr/cycles/${cycle.id}`, { token: admin })).body;
    const krs = Object.fromEntries(detail.objectives.flatMap((o: { keyResults: { metricKey: string }[] }) => o.keyResults.map((k) => [k.metricKey, k])));
    expect(krs.citizen_satisfaction_avg).toMatchObject({ currentValue: 4.5, progress: 1, status: 'on-track', statusLabel: 'Sesuai jalur' });
    // (2 - 1) / (4.2 - 1) = 0.31 at about half of the cycle: at-risk.
    expect(krs.asn_satisfaction_avg).toMatchObject({ currentValue: 2, progress: 0.31, status: 'at-risk' });
    expect(krs.participation_growth).toMatchObject({ currentValue: null, status: 'no-data', statusReason: 'Belum ada partisipasi pada periode dasar' });
    expect(krs.fellows_certified_share).toMatchObject({ status: 'no-data', statusReason: 'Belum ada peserta terdaftar' });
    const history = await t.request('GET', `/okr/key-results/${krs.citizen_satisfaction_avg.id}`, { token: asnKes });
    expect(history.status).toBe(200);
    expect(history.body.history).toHaveLength(2);
    expect(history.body.history[0]).toMatchObject({ value: 4.5, source: 'auto', status: 'on-track' });

    // The on-demand endpoint (admin only).
    expect((await t.request('POST', '/okr/recompute', { token: asnKominfo, body: {} })).status).toBe(403);
    const now = await t.request('POST', '/okr/recompute', { token: admin, body: { cycleId: cycle.id } });
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ cycles: 1, keyResults: 7 });
  });

  it('admins build a cycle; owners set manual values and check in', async () => {
    const cycle = await t.request('POST', '/okr/cycles', { token: admin, body: { code: 'okr-2026-q2', startDate: '2026-04-01' } });
    expect(cycle.status).toBe(201);
    expect(cycle.body).toMatchObject({ endDate: '2026-06-29', baselineStart: '2026-01-01', baselineEnd: '2026-03-31', phases: [{ name: 'Build' }, { name: 'Empower' }, { name: 'Deploy & Measure' }] });
    expect((await t.request('POST', '/okr/cycles', { token: admin, body: { startDate: '2026-04-01', endDate: '2026-03-01' } })).body.details[0]).toEqual({ field: 'endDate', problem: 'must be after startDate' });
    expect((await t.request('POST', '/okr/cycles', { token: asnKominfo, body: {} })).status).toBe(403);

    const badOpd = await t.request('POST', `/okr/cycles/${cycle.body.id}/objectives`, { token: admin, body: { code: 'layanan', title: 'Layanan lebih cepat', ownerOpdCode: 'dinas-tidak-ada' } });
    expect(badOpd.status).toBe(400);
    const objective = await t.request('POST', `/okr/cycles/${cycle.body.id}/objectives`, { token: admin, body: { code: 'layanan', title: 'Layanan lebih cepat', ownerOpdCode: 'dinas-komunikasi-dan-informatika' } });
    expect(objective.status).toBe(201);
    expect(objective.body.ownerOpd.code).toBe('dinas-komunikasi-dan-informatika');

    const kr = (body: object) => t.request('POST', `/okr/objectives/${objective.body.id}/key-results`, { token: admin, body });
    expect((await kr({ code: 'xx', title: 'Metrik tak dikenal', mode: 'auto', metricKey: 'tidak_ada', target: 1 })).body.details[0].field).toBe('metricKey');
    expect((await kr({ code: 'xx', title: 'Tanpa satuan', mode: 'manual', target: 10 })).body.details[0].field).toBe('unit');
    expect((await kr({ code: 'xx', title: 'Target terbalik', mode: 'manual', unit: 'dokumen', baseline: 5, target: 3 })).body.details[0].field).toBe('target');
    expect((await kr({ code: 'xx', title: 'Opsi salah', mode: 'auto', metricKey: 'active_fellows', target: 50, metricParams: { activeWithinDays: 0 } })).body.details[0].field).toBe('metricParams.activeWithinDays');
    const auto = await kr({ code: 'forum', title: 'Kehadiran forum naik 10%', mode: 'auto', metricKey: 'forum_attendance_change', target: 10 });
    expect(auto.status).toBe(201);
    expect(auto.body).toMatchObject({ unit: '%', direction: 'increase', baseline: 0, status: 'no-data' });
    const manual = await kr({ code: 'sop', title: 'SOP layanan data diterbitkan', mode: 'manual', unit: 'dokumen', target: 4 });
    expect(manual.status).toBe(201);
    expect((await kr({ code: 'sop', title: 'SOP layanan data lagi', mode: 'manual', unit: 'dokumen', target: 4 })).status).toBe(409);

    // Manual values: the owner OPD or an admin; an automatic key result refuses them.
    expect((await t.request('POST', `/okr/key-results/${manual.body.id}/value`, { token: asnKes, body: { value: 2 } })).status).toBe(403);
    const set = await t.request('POST', `/okr/key-results/${manual.body.id}/value`, { token: asnKominfo, body: { value: 2, note: 'Dua SOP terbit' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ currentValue: 2, progress: 0.5 });
    expect((await t.request('POST', `/okr/key-results/${auto.body.id}/value`, { token: admin, body: { value: 5 } })).status).toBe(409);

    // Check-ins: note and confidence 0–10, by the owner.
    expect((await t.request('POST', `/okr/key-results/${manual.body.id}/check-ins`, { token: asnKominfo, body: { note: 'Berjalan', confidence: 11 } })).body.details[0].field).toBe('confidence');
    expect((await t.request('POST', `/okr/key-results/${manual.body.id}/check-ins`, { token: asnKes, body: { note: 'Berjalan', confidence: 7 } })).status).toBe(403);
    const checkIn = await t.request('POST', `/okr/key-results/${manual.body.id}/check-ins`, { token: asnKominfo, body: { note: 'Dua SOP sudah terbit, dua lagi bulan depan.', confidence: 7 } });
    expect(checkIn.status).toBe(201);
    const detail = await t.request('GET', `/okr/key-results/${manual.body.id}`, { token: admin });
    expect(detail.body.checkIns[0]).toMatchObject({ confidence: 7, note: 'Dua SOP sudah terbit, dua lagi bulan depan.' });
    expect(detail.body.history[0]).toMatchObject({ value: 2, source: 'manual', note: 'Dua SOP terbit' });
    const [audit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'okr.%'`, [manual.body.id]);
    expect(audit.n).toBe(3); // created, value set, check-in

    const patched = await t.request('PATCH', `/okr/key-results/${manual.body.id}`, { token: admin, body: { target: 8 } });
    expect(patched.status).toBe(200);
    expect(patched.body.target).toBe(8);
  });

  it('only staff read the OKRs', async () => {
    expect((await t.request('GET', '/okr/cycles', { token: citizen })).status).toBe(403);
    expect((await t.request('GET', '/okr/cycles')).status).toBe(401);
    const metrics = await t.request('GET', '/okr/metrics', { token: trainer });
    expect(metrics.body).toHaveLength(9);
  });

  it('compares actual participation with the three scenarios', async () => {
    await db.query(`TRUNCATE aspiration, survey_response CASCADE`);
    const [cycle] = await db.query(`SELECT id FROM okr_cycle WHERE code = 'okr-2026-q1'`);
    // Baseline 92 a quarter (1 a day); the first 31 days of the cycle 43 (+38.7%).
    await db.query(`INSERT INTO survey_response (kind, score, created_at) SELECT 'citizen_satisfaction', 4, '2025-10-01T03:00:00Z'::timestamptz + make_interval(days => g) FROM generate_series(0, 91) g`);
    await db.query(`INSERT INTO survey_response (kind, score, created_at) SELECT 'citizen_satisfaction', 4, '2026-01-01T03:00:00Z'::timestamptz + make_interval(hours => g * 17) FROM generate_series(0, 42) g`);
    const view = await t.app.get(OkrScenarioService).scenarios(cycle.id, new Date('2026-02-01T00:00:00+07:00'));
    expect(view.baseline).toMatchObject({ participation: 92, perWeek: 7 });
    expect(view.toDate).toMatchObject({ days: 31, actual: 43, optimistic: 43.4, moderate: 35.7, pessimistic: 31 });
    expect(view.actualGrowthPct).toBe(38.7);
    expect(view.tracking).toBe('optimistic');
    expect(view.summary).toContain('skenario Optimis');
    expect(view.weeks).toHaveLength(13);
    expect(view.weeks[0]).toMatchObject({ week: 1, optimistic: 9.8, moderate: 8.1, pessimistic: 7 });
    expect(view.weeks[5].actual).toBeNull();
    const http = await t.request('GET', `/okr/cycles/${cycle.id}/scenarios`, { token: admin });
    expect(http.status).toBe(200);
    expect(http.body.scenarios.map((s: { growthPct: number }) => s.growthPct)).toEqual([40, 15, 0]);
  });
});
