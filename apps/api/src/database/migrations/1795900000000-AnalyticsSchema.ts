import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `analytics` schema: the contract with Grafana, Metabase and the report
 * generator. Views only (plus one bookkeeping table), no personal data: no
 * names, contact details, raw texts, addresses, coordinates or user ids.
 *
 * Aggregates that would otherwise scan the aspiration table are materialized
 * at the grain the dashboards filter on (WIB day or week, kecamatan, OPD,
 * category, channel) and refreshed concurrently by the analytics.refresh job;
 * each has a unique index for that. Small tables are read through plain views.
 *
 * The read-only role ogh_bi_reader (NOLOGIN here; the API gives it a login
 * password from BI_READER_PASSWORD) may read this schema and nothing else.
 */
export class AnalyticsSchema1795900000000 implements MigrationInterface {
  name = 'AnalyticsSchema1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA analytics`);
    await q.query(`COMMENT ON SCHEMA analytics IS 'Views for Grafana, Metabase and reports. No personal data. Read by role ogh_bi_reader.'`);

    await q.query(`
      CREATE TABLE analytics.refresh_state (
        view_name varchar(100) PRIMARY KEY,
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL
      )`);

    // --- dimensions (template variables) ----------------------------------
    await q.query(`
      CREATE VIEW analytics.dim_kecamatan AS
      SELECT code AS kecamatan_code, bps_code, name AS kecamatan_name, population FROM public.kecamatan`);
    await q.query(`
      CREATE VIEW analytics.dim_kelurahan AS
      SELECT l.code AS kelurahan_code, l.bps_code, l.name AS kelurahan_name, l.kecamatan_code, k.name AS kecamatan_name, l.population
      FROM public.kelurahan l JOIN public.kecamatan k ON k.code = l.kecamatan_code`);
    await q.query(`
      CREATE VIEW analytics.dim_opd AS
      SELECT code AS opd_code, name AS opd_name, is_active FROM public.opd`);
    await q.query(`
      CREATE VIEW analytics.dim_category AS
      SELECT c.code AS category_code, c.label_id AS category_label, c.label_en AS category_label_en, o.code AS default_opd_code, c.sort_order
      FROM public.category c LEFT JOIN public.opd o ON o.id = c.default_opd_id`);
    await q.query(`
      CREATE VIEW analytics.dim_channel AS
      SELECT * FROM (VALUES ('portal', 'Portal'), ('whatsapp', 'WhatsApp'), ('sms', 'SMS'), ('forum', 'Forum warga'), ('musrenbang', 'Musrenbang'), ('other', 'Lainnya'))
        AS c(channel, channel_label)`);

    // --- aspirations, redacted (row level, for ad-hoc BI) ----------------
    await q.query(`
      CREATE VIEW analytics.aspirations AS
      SELECT a.id, a.tracking_code, a.public_title AS title, a.public_text AS text,
             a.category_code, a.kelurahan_code, a.kecamatan_code, a.channel, a.status, o.code AS opd_code,
             a.policy_id, a.support_count, a.is_anonymous,
             a.submitted_at, (a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS submitted_on,
             a.verified_at, a.first_reply_at, a.planned_at, a.resolved_at, a.closed_at, a.close_reason,
             a.due_verify_at, a.due_plan_at, a.due_close_at, a.breached_verify, a.breached_plan, a.satisfaction,
             an.predicted_category AS topic_code, an.confidence AS topic_confidence, an.sentiment, an.sentiment_score,
             an.duplicate_of, an.needs_review
      FROM public.aspiration a
      LEFT JOIN public.opd o ON o.id = a.opd_id
      LEFT JOIN public.aspiration_analysis an ON an.aspiration_id = a.id`);

    // --- participation ----------------------------------------------------
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.participation_daily AS
      SELECT (a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS day,
             a.kecamatan_code, a.channel, a.category_code, coalesce(o.code, '-') AS opd_code,
             count(*)::int AS aspirations,
             count(*) FILTER (WHERE a.status IN ('resolved', 'adopted'))::int AS resolved,
             sum(a.support_count)::int AS supports
      FROM public.aspiration a LEFT JOIN public.opd o ON o.id = a.opd_id
      GROUP BY 1, 2, 3, 4, 5`);
    await q.query(`CREATE UNIQUE INDEX participation_daily_key ON analytics.participation_daily (day, kecamatan_code, channel, category_code, opd_code)`);
    await q.query(`COMMENT ON MATERIALIZED VIEW analytics.participation_daily IS 'Aspirations per WIB day, kecamatan, channel, category and OPD.'`);

    await q.query(`
      CREATE MATERIALIZED VIEW analytics.participation_kelurahan_monthly AS
      SELECT date_trunc('month', a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS month,
             a.kelurahan_code, a.kecamatan_code, a.category_code, count(*)::int AS aspirations
      FROM public.aspiration a
      GROUP BY 1, 2, 3, 4`);
    await q.query(`CREATE UNIQUE INDEX participation_kelurahan_monthly_key ON analytics.participation_kelurahan_monthly (month, kelurahan_code, category_code)`);

    await q.query(`
      CREATE VIEW analytics.participation_per_1000 AS
      SELECT p.month, p.kelurahan_code, l.name AS kelurahan_name, p.kecamatan_code, k.name AS kecamatan_name,
             sum(p.aspirations)::int AS aspirations, l.population,
             CASE WHEN l.population > 0 THEN round(sum(p.aspirations) * 1000.0 / l.population, 3) END AS per_1000
      FROM analytics.participation_kelurahan_monthly p
      JOIN public.kelurahan l ON l.code = p.kelurahan_code
      JOIN public.kecamatan k ON k.code = p.kecamatan_code
      GROUP BY p.month, p.kelurahan_code, l.name, p.kecamatan_code, k.name, l.population`);

    // --- response times and SLA ---------------------------------------------
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.response_times_daily AS
      SELECT (a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS day,
             coalesce(o.code, '-') AS opd_code, a.category_code, a.kecamatan_code,
             count(*)::int AS submitted,
             count(a.verified_at)::int AS verified,
             coalesce(sum(extract(epoch FROM a.verified_at - a.submitted_at) / 3600), 0)::float8 AS hours_to_verify_sum,
             count(a.first_reply_at)::int AS replied,
             coalesce(sum(extract(epoch FROM a.first_reply_at - a.submitted_at) / 3600), 0)::float8 AS hours_to_reply_sum,
             count(a.resolved_at)::int AS resolved,
             coalesce(sum(extract(epoch FROM a.resolved_at - a.submitted_at) / 3600), 0)::float8 AS hours_to_resolve_sum,
             count(*) FILTER (WHERE a.breached_verify)::int AS breached_verify,
             count(*) FILTER (WHERE a.breached_plan)::int AS breached_plan
      FROM public.aspiration a LEFT JOIN public.opd o ON o.id = a.opd_id
      GROUP BY 1, 2, 3, 4`);
    await q.query(`CREATE UNIQUE INDEX response_times_daily_key ON analytics.response_times_daily (day, opd_code, category_code, kecamatan_code)`);
    await q.query(`COMMENT ON MATERIALIZED VIEW analytics.response_times_daily IS 'Per WIB day of submission: counts and summed hours, so any range gives exact averages (sum / count).'`);

    await q.query(`
      CREATE MATERIALIZED VIEW analytics.response_times_monthly AS
      SELECT date_trunc('month', a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS month, coalesce(o.code, '-') AS opd_code,
             count(*)::int AS submitted,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.verified_at - a.submitted_at) / 3600) AS median_hours_to_verify,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.first_reply_at - a.submitted_at) / 3600) AS median_hours_to_reply,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.resolved_at - a.submitted_at) / 3600) AS median_hours_to_resolve,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM a.resolved_at - a.submitted_at) / 3600) AS p90_hours_to_resolve,
             count(*) FILTER (WHERE a.breached_verify OR a.breached_plan)::int AS breached
      FROM public.aspiration a LEFT JOIN public.opd o ON o.id = a.opd_id
      GROUP BY 1, 2`);
    await q.query(`CREATE UNIQUE INDEX response_times_monthly_key ON analytics.response_times_monthly (month, opd_code)`);

    // Open work as of the last refresh: "overdue" is relative to computed_at.
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.sla_backlog AS
      SELECT coalesce(o.code, '-') AS opd_code, a.status, a.category_code,
             count(*)::int AS open,
             count(*) FILTER (WHERE a.due_at < now())::int AS overdue,
             count(*) FILTER (WHERE a.due_at >= now() AND a.due_at < now() + interval '2 days')::int AS due_soon,
             min(a.submitted_at) AS oldest_submitted_at,
             now() AS computed_at
      FROM public.aspiration a LEFT JOIN public.opd o ON o.id = a.opd_id
      WHERE a.status IN ('received', 'verified', 'in_progress')
      GROUP BY 1, 2, 3`);
    await q.query(`CREATE UNIQUE INDEX sla_backlog_key ON analytics.sla_backlog (opd_code, status, category_code)`);

    // --- satisfaction and policy ratings ------------------------------------
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.satisfaction_daily AS
      SELECT (s.created_at AT TIME ZONE 'Asia/Jakarta')::date AS day, s.kind, coalesce(o.code, '-') AS opd_code,
             count(*)::int AS responses, sum(s.score)::int AS score_sum,
             count(*) FILTER (WHERE s.score = 1)::int AS score_1, count(*) FILTER (WHERE s.score = 2)::int AS score_2,
             count(*) FILTER (WHERE s.score = 3)::int AS score_3, count(*) FILTER (WHERE s.score = 4)::int AS score_4,
             count(*) FILTER (WHERE s.score = 5)::int AS score_5
      FROM public.survey_response s
      LEFT JOIN public.aspiration a ON a.id = s.aspiration_id
      LEFT JOIN public.opd o ON o.id = coalesce(s.opd_id, a.opd_id)
      GROUP BY 1, 2, 3`);
    await q.query(`CREATE UNIQUE INDEX satisfaction_daily_key ON analytics.satisfaction_daily (day, kind, opd_code)`);

    await q.query(`
      CREATE VIEW analytics.policy_ratings AS
      SELECT p.id AS policy_id, p.title, p.status, o.code AS opd_code, o.name AS opd_name, p.published_at,
             p.consultation_start, p.consultation_end,
             (SELECT count(*)::int FROM public.policy_rating r WHERE r.policy_id = p.id AND r.hidden_at IS NULL) AS ratings,
             (SELECT round(avg(r.score), 2) FROM public.policy_rating r WHERE r.policy_id = p.id AND r.hidden_at IS NULL) AS average_score,
             (SELECT count(*)::int FROM public.policy_aspiration pa WHERE pa.policy_id = p.id) AS linked_aspirations
      FROM public.policy p LEFT JOIN public.opd o ON o.id = p.opd_id`);

    // --- Musrenbang funnel ---------------------------------------------------
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.musrenbang_funnel AS
      SELECT m.year, m.stage, l.kecamatan_code, coalesce(m.bidang, '-') AS bidang,
             count(*)::int AS proposed,
             count(*) FILTER (WHERE m.status = 'diakomodir')::int AS accommodated,
             count(*) FILTER (WHERE m.status = 'tidak diakomodir')::int AS not_accommodated,
             count(*) FILTER (WHERE m.status IN ('diusulkan', 'menunggu'))::int AS pending,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM public.musrenbang_proposal_link k WHERE k.proposal_id = m.id AND k.policy_id IS NOT NULL))::int AS linked_to_policy,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM public.musrenbang_proposal_link k WHERE k.proposal_id = m.id AND k.aspiration_id IS NOT NULL))::int AS linked_to_aspiration,
             coalesce(sum(m.estimated_budget), 0)::numeric AS budget_proposed,
             coalesce(sum(m.estimated_budget) FILTER (WHERE m.status = 'diakomodir'), 0)::numeric AS budget_accommodated
      FROM public.musrenbang_proposal m JOIN public.kelurahan l ON l.code = m.kelurahan_code
      GROUP BY 1, 2, 3, 4`);
    await q.query(`CREATE UNIQUE INDEX musrenbang_funnel_key ON analytics.musrenbang_funnel (year, stage, kecamatan_code, bidang)`);

    // --- insight -------------------------------------------------------------
    await q.query(`
      CREATE MATERIALIZED VIEW analytics.insight_weekly AS
      SELECT date_trunc('week', a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS week_start,
             a.kecamatan_code, coalesce(an.predicted_category, a.category_code) AS topic_code,
             coalesce(an.sentiment, 'belum dianalisis') AS sentiment,
             count(*)::int AS aspirations,
             coalesce(sum(an.sentiment_score), 0)::float8 AS sentiment_score_sum,
             count(*) FILTER (WHERE an.needs_review)::int AS needs_review,
             count(*) FILTER (WHERE an.duplicate_of IS NOT NULL)::int AS duplicates
      FROM public.aspiration a LEFT JOIN public.aspiration_analysis an ON an.aspiration_id = a.id
      GROUP BY 1, 2, 3, 4`);
    await q.query(`CREATE UNIQUE INDEX insight_weekly_key ON analytics.insight_weekly (week_start, kecamatan_code, topic_code, sentiment)`);

    await q.query(`
      CREATE VIEW analytics.trending_topics AS
      SELECT e.week_start, e.category_code AS topic_code, c.label_id AS topic_label, e.kecamatan_code, k.name AS kecamatan_name,
             e.count AS aspirations, e.baseline, e.p_value, e.keywords, e.detected_at
      FROM public.insight_emerging e
      LEFT JOIN public.category c ON c.code = e.category_code
      LEFT JOIN public.kecamatan k ON k.code = e.kecamatan_code`);

    // Forecast beside actual weekly counts and the blueprint's scenarios
    // (optimistic +40%, moderate +15%, pessimistic flat) over the latest OKR
    // cycle's baseline weeks.
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

    // --- OKR -------------------------------------------------------------------
    await q.query(`
      CREATE VIEW analytics.okr_progress AS
      SELECT c.code AS cycle_code, c.name AS cycle_name, c.start_date, c.end_date,
             ob.code AS objective_code, ob.title AS objective_title, o.code AS owner_opd_code,
             kr.id AS key_result_id, kr.code AS key_result_code, kr.title AS key_result_title, kr.mode, kr.metric_key, kr.unit, kr.direction,
             kr.baseline, kr.target, kr.current_value, kr.progress, kr.status, kr.status_reason, kr.computed_at
      FROM public.okr_key_result kr
      JOIN public.okr_objective ob ON ob.id = kr.objective_id
      JOIN public.okr_cycle c ON c.id = ob.cycle_id
      LEFT JOIN public.opd o ON o.id = ob.owner_opd_id`);
    await q.query(`
      CREATE VIEW analytics.okr_history AS
      SELECT c.code AS cycle_code, kr.code AS key_result_code, kr.title AS key_result_title,
             v.recorded_at, v.value, v.progress, v.status, v.source
      FROM public.okr_key_result_value v
      JOIN public.okr_key_result kr ON kr.id = v.key_result_id
      JOIN public.okr_objective ob ON ob.id = kr.objective_id
      JOIN public.okr_cycle c ON c.id = ob.cycle_id`);

    // --- Citizen Data Fellows (counts per cohort, never names) -----------------
    await q.query(`
      CREATE VIEW analytics.fellows_progress AS
      SELECT co.id AS cohort_id, co.name AS cohort_name, co.starts_on, co.ends_on, co.min_attendance_pct, co.passing_score,
             (SELECT count(*)::int FROM public.fellow_enrolment e WHERE e.cohort_id = co.id) AS participants,
             (SELECT count(*)::int FROM public.fellow_enrolment e JOIN public.fellow_participant p ON p.id = e.participant_id
               WHERE e.cohort_id = co.id AND p.kind = 'asn') AS asn_participants,
             (SELECT count(*)::int FROM public.fellow_session s WHERE s.cohort_id = co.id) AS sessions,
             (SELECT round(100.0 * count(*) FILTER (WHERE at.present) / nullif(count(*), 0), 1)
               FROM public.fellow_attendance at JOIN public.fellow_session s ON s.id = at.session_id WHERE s.cohort_id = co.id) AS attendance_pct,
             (SELECT round(avg(x.score), 1) FROM public.fellow_assessment x WHERE x.cohort_id = co.id) AS average_score,
             (SELECT count(*)::int FROM public.fellow_certificate ce WHERE ce.cohort_id = co.id) AS certified
      FROM public.fellow_cohort co`);
    await q.query(`
      CREATE VIEW analytics.fellows_activity_monthly AS
      SELECT date_trunc('month', a.occurred_on)::date AS month, a.kind, count(*)::int AS activities,
             count(DISTINCT a.participant_id)::int AS active_fellows
      FROM public.fellow_activity a GROUP BY 1, 2`);

    // --- collector and public indicators -----------------------------------------
    await q.query(`
      CREATE VIEW analytics.collector_runs AS
      SELECT r.id AS run_id, s.id AS source_id, s.name AS source_name, s.kind AS source_kind, s.enabled,
             r.trigger, r.status, r.started_at, r.finished_at,
             extract(epoch FROM r.finished_at - r.started_at)::float8 AS duration_s,
             r.rows_read, r.rows_inserted, r.rows_updated, r.rows_unchanged, r.rows_rejected, r.error, r.created_at
      FROM public.sync_run r JOIN public.data_source s ON s.id = r.source_id`);
    await q.query(`
      CREATE VIEW analytics.collector_source_health AS
      SELECT s.id AS source_id, s.name AS source_name, s.kind AS source_kind, s.enabled, s.cron,
             last.status AS last_status, last.finished_at AS last_finished_at, last.error AS last_error,
             (SELECT max(r.finished_at) FROM public.sync_run r WHERE r.source_id = s.id AND r.status IN ('succeeded', 'partial')) AS last_success_at,
             (SELECT count(*)::int FROM public.sync_run r WHERE r.source_id = s.id AND r.created_at > now() - interval '30 days') AS runs_30d,
             (SELECT count(*)::int FROM public.sync_run r WHERE r.source_id = s.id AND r.created_at > now() - interval '30 days' AND r.status = 'failed') AS failed_30d
      FROM public.data_source s
      LEFT JOIN LATERAL (SELECT r.status, r.finished_at, r.error FROM public.sync_run r WHERE r.source_id = s.id ORDER BY r.created_at DESC LIMIT 1) last ON true`);
    await q.query(`
      CREATE VIEW analytics.indicators AS
      SELECT i.source, i.indicator, i.region_code, coalesce(l.name, k.name, ko.name) AS region_name, i.period, i.value, i.unit, i.updated_at
      FROM public.indicator_observation i
      LEFT JOIN public.kelurahan l ON l.code = i.region_code
      LEFT JOIN public.kecamatan k ON k.code = i.region_code
      LEFT JOIN public.kota ko ON ko.code = i.region_code`);

    // --- the BI role --------------------------------------------------------------
    // Roles are cluster-wide; a database user without CREATEROLE (managed
    // PostgreSQL) gets a notice and an administrator creates the role instead.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ogh_bi_reader') THEN
          BEGIN
            CREATE ROLE ogh_bi_reader NOLOGIN;
          EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'Cannot create role ogh_bi_reader here; create it as an administrator and re-run the grants in this migration';
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ogh_bi_reader') THEN
          EXECUTE format('REVOKE ALL ON DATABASE %I FROM ogh_bi_reader', current_database());
          EXECUTE format('GRANT CONNECT ON DATABASE %I TO ogh_bi_reader', current_database());
          REVOKE ALL ON SCHEMA public FROM ogh_bi_reader;
          GRANT USAGE ON SCHEMA analytics TO ogh_bi_reader;
          GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO ogh_bi_reader;
          ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO ogh_bi_reader;
        END IF;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ogh_bi_reader') THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA analytics REVOKE SELECT ON TABLES FROM ogh_bi_reader;
          EXECUTE format('REVOKE ALL ON DATABASE %I FROM ogh_bi_reader', current_database());
        END IF;
      END $$`);
    await q.query(`DROP SCHEMA analytics CASCADE`);
  }
}
