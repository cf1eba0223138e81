import { DataSource } from 'typeorm';
import { SlaCalendarService } from '../../feedback/sla/sla-calendar.service';
import { startTestApp, TestApp } from '../../testing/test-app';
import { DemoSeedService } from '../demo-seed.service';

/** `npm run demo:seed` on a fresh copy of the seeded database: shape, consistency, marking, idempotence, removal. */
describe('demo seed (real Postgres)', () => {
  let t: TestApp;
  let db: DataSource;
  let demo: DemoSeedService;
  let realId: string;
  const N = 3000;

  /** Rows in the marked tables that are NOT demo rows: seeding and removal must never change them. */
  const realCounts = async () =>
    (
      await db.query(`
        SELECT (SELECT count(*) FROM aspiration WHERE tracking_code NOT LIKE 'DEMO-%')::int AS aspirations,
               (SELECT count(*) FROM aspiration_event e JOIN aspiration a ON a.id = e.aspiration_id WHERE a.tracking_code NOT LIKE 'DEMO-%')::int AS events,
               (SELECT count(*) FROM policy WHERE title NOT LIKE '[DEMO]%')::int AS policies,
               (SELECT count(*) FROM survey_response WHERE aspiration_id IS NULL AND coalesce(comment, '') NOT LIKE '[DEMO]%')::int AS surveys,
               (SELECT count(*) FROM forum_event WHERE topic NOT LIKE '[DEMO]%')::int AS forums,
               (SELECT count(*) FROM musrenbang_proposal WHERE external_id NOT LIKE 'DEMO-%')::int AS proposals,
               (SELECT count(*) FROM fellow_participant WHERE full_name NOT LIKE '[DEMO]%')::int AS participants,
               (SELECT count(*) FROM okr_check_in WHERE author_name NOT LIKE '[DEMO]%')::int AS check_ins`)
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    demo = t.app.get(DemoSeedService);
    // A real aspiration through the API, and a real forum and survey answer: removal must leave them.
    const res = await t.request('POST', '/aspirations', { body: { text: 'Lampu jalan di depan balai RW 05 mati sejak seminggu, mohon diperbaiki.', kelurahanCode: '35.77.02.1001' } });
    expect(res.status).toBe(201);
    realId = res.body.id;
    await db.query(`INSERT INTO forum_event (kecamatan_code, held_on, topic, attendance) VALUES ('35.77.01', '2026-02-02', 'Forum warga sungguhan', 40)`);
    await db.query(`INSERT INTO survey_response (kind, score, comment) VALUES ('asn_system', 4, 'Sudah membantu')`);
  });
  afterAll(() => t.close());

  it('seeds two years of marked demo data that every dashboard can use', async () => {
    const before = await realCounts();
    const result = await demo.seed({ aspirations: N, seed: 7, chunkSize: 700 });
    expect(result.status).toBe('seeded');
    expect(result.counts).toMatchObject({ aspirations: N, analyses: N, policies: 28, forums: expect.any(Number), fellowCohorts: 2 });
    for (const n of Object.values(result.counts)) expect(n).toBeGreaterThan(0);
    expect(result.counts.events).toBeGreaterThan(4 * N);
    expect(await realCounts()).toEqual(before);

    // Every kelurahan and every category, over two years up to yesterday.
    const [cover] = await db.query(
      `SELECT count(DISTINCT kelurahan_code)::int AS kel, count(DISTINCT category_code)::int AS cat, min(submitted_at) AS first, max(submitted_at) AS last,
              count(*) FILTER (WHERE tracking_code NOT LIKE 'DEMO-%')::int AS unmarked
       FROM aspiration WHERE id <> $1`,
      [realId],
    );
    expect(cover).toMatchObject({ kel: 27, cat: 14, unmarked: 0 });
    expect(Date.now() - cover.first.getTime()).toBeGreaterThan(700 * 86_400_000);
    expect(cover.last.getTime()).toBeLessThan(Date.now());

    // Weekly rhythm: fewer on weekends; seasonal: floods in the rainy season.
    const [shape] = await db.query(`
      SELECT count(*) FILTER (WHERE extract(isodow FROM submitted_at AT TIME ZONE 'Asia/Jakarta') <= 5) / 5.0 AS weekday,
             count(*) FILTER (WHERE extract(isodow FROM submitted_at AT TIME ZONE 'Asia/Jakarta') > 5) / 2.0 AS weekend,
             avg((category_code = 'drainase_banjir')::int) FILTER (WHERE extract(month FROM submitted_at AT TIME ZONE 'Asia/Jakarta') IN (11, 12, 1, 2, 3)) AS rainy,
             avg((category_code = 'drainase_banjir')::int) FILTER (WHERE extract(month FROM submitted_at AT TIME ZONE 'Asia/Jakarta') IN (6, 7, 8, 9)) AS dry
      FROM aspiration WHERE tracking_code LIKE 'DEMO-%'`);
    expect(Number(shape.weekday)).toBeGreaterThan(1.5 * Number(shape.weekend));
    expect(Number(shape.rainy)).toBeGreaterThan(3 * Number(shape.dry));

    // Derived tables are produced by the real jobs, not faked.
    const [derived] = await db.query(`SELECT (SELECT count(*) FROM insight_trend_week)::int AS trends, (SELECT count(*) FROM insight_forecast)::int AS forecasts,
      (SELECT count(*) FROM okr_key_result WHERE current_value IS NOT NULL)::int AS kr_values`);
    expect(derived.trends).toBeGreaterThan(100);
    expect(derived.forecasts).toBeGreaterThan(0);
    expect(derived.kr_values).toBeGreaterThan(3);
  });

  it('keeps status, timestamps and SLA fields consistent with the workflow', async () => {
    const [bad] = await db.query(`
      SELECT count(*) FILTER (WHERE verified_at < submitted_at OR first_reply_at < submitted_at OR planned_at < verified_at
                                OR resolved_at < planned_at OR resolved_at < first_reply_at OR closed_at < resolved_at OR closed_at < submitted_at)::int AS order_bad,
             count(*) FILTER (WHERE greatest(verified_at, first_reply_at, planned_at, resolved_at, closed_at) > now())::int AS future,
             count(*) FILTER (WHERE status = 'received' AND (verified_at IS NOT NULL OR closed_at IS NOT NULL OR due_at IS DISTINCT FROM due_verify_at))::int AS received_bad,
             count(*) FILTER (WHERE status = 'verified' AND (verified_at IS NULL OR planned_at IS NOT NULL OR due_at IS DISTINCT FROM due_plan_at))::int AS verified_bad,
             count(*) FILTER (WHERE status = 'in_progress' AND (planned_at IS NULL OR resolved_at IS NOT NULL OR due_at IS NOT NULL))::int AS progress_bad,
             count(*) FILTER (WHERE status = 'resolved' AND (resolved_at IS NULL OR first_reply_at IS NULL OR due_close_at IS NULL
                                OR (closed_at IS NULL) <> (due_at IS NOT NULL)))::int AS resolved_bad,
             count(*) FILTER (WHERE close_reason = 'confirmed' AND satisfaction IS NULL)::int AS confirmed_bad,
             count(*) FILTER (WHERE status = 'rejected' AND (close_reason <> 'rejected' OR rejection_reason IS NULL OR closed_at IS NULL))::int AS rejected_bad,
             count(*) FILTER (WHERE status = 'adopted' AND (policy_id IS NULL OR NOT EXISTS (SELECT 1 FROM policy_aspiration p WHERE p.aspiration_id = a.id)))::int AS adopted_bad,
             count(*) FILTER (WHERE breached_verify <> (coalesce(verified_at, closed_at, now()) > due_verify_at))::int AS breach_bad,
             count(*) FILTER (WHERE breached_verify)::int AS breached,
             count(*) FILTER (WHERE closed_at IS NULL AND status NOT IN ('rejected', 'adopted'))::int AS open
      FROM aspiration a WHERE tracking_code LIKE 'DEMO-%'`);
    expect(bad).toMatchObject({ order_bad: 0, future: 0, received_bad: 0, verified_bad: 0, progress_bad: 0, resolved_bad: 0, confirmed_bad: 0, rejected_bad: 0, adopted_bad: 0, breach_bad: 0 });
    expect(bad.breached).toBeGreaterThan(0);
    expect(bad.open).toBeGreaterThan(0);
    const statuses = (await db.query(`SELECT DISTINCT status FROM aspiration WHERE tracking_code LIKE 'DEMO-%' ORDER BY 1`)).map((r: { status: string }) => r.status);
    expect(statuses).toEqual(['adopted', 'in_progress', 'received', 'rejected', 'resolved', 'verified']);

    // Deadlines are the feedback module's own working-day deadlines.
    const sample: { submitted_at: Date; due_verify_at: Date; due_plan_at: Date; resolved_at: Date | null; due_close_at: Date | null }[] = await db.query(
      `SELECT submitted_at, due_verify_at, due_plan_at, resolved_at, due_close_at FROM aspiration WHERE tracking_code LIKE 'DEMO-%' ORDER BY tracking_code LIMIT 40`,
    );
    const sla = t.app.get(SlaCalendarService);
    for (const s of sample) {
      expect(await sla.deadlinesFor(s.submitted_at)).toEqual({ dueVerifyAt: s.due_verify_at, duePlanAt: s.due_plan_at });
      if (s.resolved_at) expect(await sla.autoCloseAt(s.resolved_at)).toEqual(s.due_close_at);
    }

    // The public tracking history has the events the workflow writes, in order.
    const [ev] = await db.query(`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM aspiration_event e WHERE e.aspiration_id = a.id AND e.kind = 'submitted'))::int AS no_submitted,
             count(*) FILTER (WHERE status = 'resolved' AND NOT EXISTS (SELECT 1 FROM aspiration_event e WHERE e.aspiration_id = a.id AND e.to_status = 'resolved' AND e.created_at = a.resolved_at))::int AS no_resolved,
             count(*) FILTER (WHERE first_reply_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aspiration_event e WHERE e.aspiration_id = a.id AND e.kind = 'reply'))::int AS no_reply,
             count(*) FILTER (WHERE close_reason = 'confirmed' AND NOT EXISTS (SELECT 1 FROM survey_response s WHERE s.aspiration_id = a.id AND s.score = a.satisfaction))::int AS no_survey
      FROM aspiration a WHERE tracking_code LIKE 'DEMO-%'`);
    expect(ev).toEqual({ no_submitted: 0, no_resolved: 0, no_reply: 0, no_survey: 0 });
    const analyses = await db.query(`SELECT count(*)::int AS n, count(DISTINCT predicted_category)::int AS cats FROM aspiration_analysis x JOIN aspiration a ON a.id = x.aspiration_id WHERE a.tracking_code LIKE 'DEMO-%'`);
    expect(analyses[0]).toEqual({ n: N, cats: 14 });
  });

  it('shows through the public API like any data', async () => {
    const list = await t.request('GET', '/aspirations?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(5);
    const policies = await t.request('GET', '/policies');
    expect(policies.status).toBe(200);
    expect(policies.body.items.every((p: { title: string }) => p.title.startsWith('[DEMO]'))).toBe(true);
  });

  it('does not seed twice: a second run reports the demo data present and changes nothing', async () => {
    const before = await demo.counts();
    const again = await demo.seed({ aspirations: N, seed: 7 });
    expect(again.status).toBe('present');
    expect(await demo.counts()).toEqual(before);
  });

  it('lets anyone follow a demo aspiration by its DEMO- code, like a real one', async () => {
    const [{ tracking_code: code }] = await db.query(`SELECT tracking_code FROM aspiration WHERE tracking_code LIKE 'DEMO-%' ORDER BY tracking_code LIMIT 1`);
    const res = await t.request('GET', `/aspirations/track/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.trackingCode).toBe(code);
  });

  it('removes only demo rows; the real aspiration, forum and survey answer stay', async () => {
    const real = await realCounts();
    const removed = await demo.remove();
    expect(removed.aspirations).toBe(N);
    expect(Object.values(await demo.counts()).every((n) => n === 0)).toBe(true);
    expect(await realCounts()).toEqual(real);
    expect(real.aspirations).toBe(1);
    const track = await db.query(`SELECT tracking_code FROM aspiration WHERE id = $1`, [realId]);
    expect(track).toHaveLength(1);
    expect((await t.request('GET', `/aspirations/track/${track[0].tracking_code}`)).status).toBe(200);
    const leftovers = await db.query(`SELECT (SELECT count(*) FROM survey_response WHERE aspiration_id IS NULL AND kind = 'citizen_satisfaction')::int AS orphans`);
    expect(leftovers[0].orphans).toBe(0);

    // After removal the city can be seeded again (what --reset does).
    const reseeded = await demo.seed({ aspirations: 500, seed: 7 });
    expect(reseeded.counts.aspirations).toBe(500);
  });
});
