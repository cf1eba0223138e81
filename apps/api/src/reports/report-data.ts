import type { ReportPeriod } from './report-period';

/** One row of the participation dataset (the JSON/CSV export and the report's first table). */
export interface ParticipationRow {
  period: string;
  kecamatan_code: string;
  kecamatan_name: string;
  population: number | null;
  aspirations: number;
  resolved: number;
  supports: number;
  per_1000: number | null;
  share_pct: number;
  replied: number;
  avg_hours_to_reply: number | null;
}

export interface CategoryRow {
  category_code: string;
  category_label: string;
  aspirations: number;
  resolved: number;
}

export interface ChannelRow {
  channel: string;
  channel_label: string;
  aspirations: number;
}

export interface ServiceRow {
  indicator: string;
  value: number | null;
  unit: string;
}

export interface PolicyRow {
  title: string;
  status: string;
  opd_name: string | null;
  published_on: string;
  ratings: number;
  average_score: number | null;
  linked_aspirations: number;
}

export interface MusrenbangRow {
  stage: string;
  proposed: number;
  accommodated: number;
  linked_to_policy: number;
}

export interface OkrRow {
  cycle_name: string;
  key_result_title: string;
  unit: string | null;
  current_value: number | null;
  target: number | null;
  progress: number | null;
  status: string;
}

export interface FellowsRow {
  cohort_name: string;
  participants: number;
  attendance_pct: number | null;
  certified: number;
}

/** Everything a report set says, read from the analytics schema only (no personal data). */
export interface ReportData {
  period: ReportPeriod;
  generatedAt: Date;
  /** Oldest refresh of the materialized views read; null if never refreshed. */
  dataAsOf: Date | null;
  participation: ParticipationRow[];
  totals: { aspirations: number; resolved: number; supports: number; replied: number };
  categories: CategoryRow[];
  channels: ChannelRow[];
  service: ServiceRow[];
  policies: PolicyRow[];
  musrenbang: { year: number; rows: MusrenbangRow[] };
  okr: OkrRow[];
  fellows: FellowsRow[];
}

/** The analytics relations a report reads: listed in every export as its source. */
export const REPORT_SOURCES = [
  'analytics.participation_daily',
  'analytics.response_times_daily',
  'analytics.satisfaction_daily',
  'analytics.dim_kecamatan',
  'analytics.dim_category',
  'analytics.dim_channel',
  'analytics.policy_ratings',
  'analytics.musrenbang_funnel',
  'analytics.okr_progress',
  'analytics.fellows_progress',
];

export const REPORT_TITLE = 'Blueprint Open Governance Kota Madiun — ASN & Citizen Collaboration Hub';
