/**
 * The materialized views of the analytics schema, in refresh order: each
 * after the views it reads (participation_forecast reads insight_weekly).
 */
export const MATERIALIZED_VIEWS = [
  'participation_daily',
  'participation_kelurahan_monthly',
  'response_times_daily',
  'response_times_monthly',
  'sla_backlog',
  'satisfaction_daily',
  'musrenbang_funnel',
  'insight_weekly',
  'participation_forecast',
] as const;

export type MaterializedView = (typeof MATERIALIZED_VIEWS)[number];

/** The read-only database role of Grafana and Metabase (created by the AnalyticsSchema migration). */
export const BI_ROLE = 'ogh_bi_reader';
