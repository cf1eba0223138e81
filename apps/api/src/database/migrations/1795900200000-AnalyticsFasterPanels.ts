import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured at 1,000,000 aspirations (`npm run bench:dashboards`), two panels
 * took more than a tenth of a full scan of the aspirations table:
 * - participation_forecast re-aggregated participation_daily on every read:
 *   it is now materialized (refreshed after insight_weekly, whose weekly
 *   counts it now reads);
 * - policy_ratings ran three correlated subqueries per policy: now one
 *   pre-grouped join each.
 * And the fellows dashboard needs the number of distinct active fellows per
 * month across activity kinds (the blueprint's ">= 50 active fellows").
 */
export class AnalyticsFasterPanels1795900200000 implements MigrationInterface {
  name = 'AnalyticsFasterPanels1795900200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW analytics.participation_forecast`);
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.participation_forecast AS
      WITH weekly AS (
        SELECT week_start, kecamatan_code, sum(aspirations)::int AS n FROM analytics.insight_weekly GROUP BY 1, 2
      ), weekly_all AS (
        SELECT week_start, '*'::varchar AS kecamatan_code, sum(n)::int AS n FROM weekly GROUP BY 1
        UNION ALL SELECT week_start, kecamatan_code, n FROM weekly
      ), cycle AS (
        SELECT baseline_start, baseline_end FROM public.okr_cycle ORDER BY start_date DESC LIMIT 1
      ), baseline AS (
        SELECT w.kecamatan_code, sum(w.n)::float8 / greatest(1, ((c.baseline_end - c.baseline_start) + 1) / 7.0) AS weekly
        FROM weekly_all w CROSS JOIN cycle c
        WHERE w.week_start >= c.baseline_start AND w.week_start <= c.baseline_end
        GROUP BY w.kecamatan_code, c.baseline_start, c.baseline_end
      ), weeks AS (
        SELECT week_start, kecamatan_code FROM weekly_all
        UNION SELECT week_start, kecamatan_code FROM public.insight_forecast
      )
      SELECT w.week_start, w.kecamatan_code, a.n AS actual,
             f.predicted, f.lower, f.upper, f.method, f.backtest_smape,
             b.weekly AS baseline_weekly,
             b.weekly * 1.40 AS scenario_optimistic, b.weekly * 1.15 AS scenario_moderate, b.weekly AS scenario_pessimistic
      FROM weeks w
      LEFT JOIN weekly_all a ON a.week_start = w.week_start AND a.kecamatan_code = w.kecamatan_code
      LEFT JOIN public.insight_forecast f ON f.week_start = w.week_start AND f.kecamatan_code = w.kecamatan_code
      LEFT JOIN baseline b ON b.kecamatan_code = w.kecamatan_code`);
    await q.query(`CREATE UNIQUE INDEX participation_forecast_key ON analytics.participation_forecast (week_start, kecamatan_code)`);

    await q.query(`
      CREATE OR REPLACE VIEW analytics.policy_ratings AS
      SELECT p.id AS policy_id, p.title, p.status, o.code AS opd_code, o.name AS opd_name, p.published_at,
             p.consultation_start, p.consultation_end,
             coalesce(r.ratings, 0)::int AS ratings, r.average_score,
             coalesce(l.linked, 0)::int AS linked_aspirations
      FROM public.policy p
      LEFT JOIN public.opd o ON o.id = p.opd_id
      LEFT JOIN (SELECT policy_id, count(*) AS ratings, round(avg(score), 2) AS average_score
                 FROM public.policy_rating WHERE hidden_at IS NULL GROUP BY policy_id) r ON r.policy_id = p.id
      LEFT JOIN (SELECT policy_id, count(*) AS linked FROM public.policy_aspiration GROUP BY policy_id) l ON l.policy_id = p.id`);

    await q.query(`
      CREATE VIEW analytics.fellows_active_monthly AS
      SELECT date_trunc('month', occurred_on)::date AS month, count(DISTINCT participant_id)::int AS active_fellows, count(*)::int AS activities
      FROM public.fellow_activity GROUP BY 1`);

    // Views created after the AnalyticsSchema migration get the BI role's
    // grant from its default privileges; a materialized view re-created here
    // is granted explicitly in case the role was created by an administrator.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ogh_bi_reader') THEN
          GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO ogh_bi_reader;
        END IF;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW analytics.fellows_active_monthly`);
    await q.query(`DROP MATERIALIZED VIEW analytics.participation_forecast`);
    await q.query(`
      CREATE VIEW analytics.participation_forecast AS
      WITH weekly AS (
        SELECT date_trunc('week', day)::date AS week_start, kecamatan_code, sum(aspirations)::int AS n
        FROM analytics.participation_daily GROUP BY 1, 2
      ), weekly_all AS (
        SELECT week_start, '*'::varchar AS kecamatan_code, sum(n)::int AS n FROM weekly GROUP BY 1
        UNION ALL SELECT week_start, kecamatan_code, n FROM weekly
      ), cycle AS (
        SELECT baseline_start, baseline_end FROM public.okr_cycle ORDER BY start_date DESC LIMIT 1
      ), baseline AS (
        SELECT w.kecamatan_code, sum(w.n)::float8 / greatest(1, ((c.baseline_end - c.baseline_start) + 1) / 7.0) AS weekly
        FROM weekly_all w CROSS JOIN cycle c
        WHERE w.week_start >= c.baseline_start AND w.week_start <= c.baseline_end
        GROUP BY w.kecamatan_code, c.baseline_start, c.baseline_end
      ), weeks AS (
        SELECT week_start, kecamatan_code FROM weekly_all
        UNION SELECT week_start, kecamatan_code FROM public.insight_forecast
      )
      SELECT w.week_start, w.kecamatan_code, a.n AS actual,
             f.predicted, f.lower, f.upper, f.method, f.backtest_smape,
             b.weekly AS baseline_weekly,
             b.weekly * 1.40 AS scenario_optimistic, b.weekly * 1.15 AS scenario_moderate, b.weekly AS scenario_pessimistic
      FROM weeks w
      LEFT JOIN weekly_all a ON a.week_start = w.week_start AND a.kecamatan_code = w.kecamatan_code
      LEFT JOIN public.insight_forecast f ON f.week_start = w.week_start AND f.kecamatan_code = w.kecamatan_code
      LEFT JOIN baseline b ON b.kecamatan_code = w.kecamatan_code`);
    await q.query(`
      CREATE OR REPLACE VIEW analytics.policy_ratings AS
      SELECT p.id AS policy_id, p.title, p.status, o.code AS opd_code, o.name AS opd_name, p.published_at,
             p.consultation_start, p.consultation_end,
             (SELECT count(*)::int FROM public.policy_rating r WHERE r.policy_id = p.id AND r.hidden_at IS NULL) AS ratings,
             (SELECT round(avg(r.score), 2) FROM public.policy_rating r WHERE r.policy_id = p.id AND r.hidden_at IS NULL) AS average_score,
             (SELECT count(*)::int FROM public.policy_aspiration pa WHERE pa.policy_id = p.id) AS linked_aspirations
      FROM public.policy p LEFT JOIN public.opd o ON o.id = p.opd_id`);
  }
}
