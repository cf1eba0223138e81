import { ScoreSummary, summarizeScores } from '../score-summary';
import { ASPIRATION_STATUS_LABELS_ID, AspirationStatus } from '@ogh/domain';
import { POLICY_STATUSES, PolicyStatus } from './entities/policy.entity';

export const POLICY_STATUS_LABELS_ID: Record<PolicyStatus, string> = {
  draft: 'Rancangan',
  consultation: 'Konsultasi publik',
  adopted: 'Ditetapkan',
  implemented: 'Dilaksanakan',
};

/** Status moves one step forward at a time: draft → consultation → adopted → implemented. */
export function nextPolicyStatuses(from: PolicyStatus): PolicyStatus[] {
  const i = POLICY_STATUSES.indexOf(from);
  return i >= 0 && i < POLICY_STATUSES.length - 1 ? [POLICY_STATUSES[i + 1]] : [];
}

export type RatingSummary = ScoreSummary;

export interface PolicyListItem {
  id: string;
  title: string;
  summary: string;
  status: PolicyStatus;
  statusLabel: string;
  opd: { code: string; name: string };
  consultationStart: string | null;
  consultationEnd: string | null;
  consultationOpen: boolean;
  publishedAt: string | null;
  updatedAt: string;
  aspirationCount: number;
  rating: { count: number; average: number | null };
}

/** A linked aspiration, redacted: never the original text. */
export interface LinkedAspiration {
  id: string;
  trackingCode: string;
  title: string | null;
  text: string;
  status: AspirationStatus;
  statusLabel: string;
}

export interface PublicPolicyDetail extends PolicyListItem {
  aspirations: LinkedAspiration[];
  rating: RatingSummary;
}

export interface StaffPolicyItem extends PolicyListItem {
  published: boolean;
  createdAt: string;
  allowedNext: PolicyStatus[];
}

export interface StaffPolicyDetail extends StaffPolicyItem {
  aspirations: LinkedAspiration[];
  rating: RatingSummary;
}

export interface PolicyRow {
  id: string;
  title: string;
  summary: string;
  status: PolicyStatus;
  opd_code: string;
  opd_name: string;
  consultation_start: string | null;
  consultation_end: string | null;
  consultation_open: boolean;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  aspiration_count: number;
  rating_count: number;
  rating_average: number | null;
  total?: number;
}

/** Dates as text (a DATE column must not become a JS Date shifted by the time zone). */
export const POLICY_SELECT = `
  SELECT p.id, p.title, p.summary, p.status, o.code AS opd_code, o.name AS opd_name,
    to_char(p.consultation_start, 'YYYY-MM-DD') AS consultation_start,
    to_char(p.consultation_end, 'YYYY-MM-DD') AS consultation_end,
    (p.status = 'consultation' AND (now() AT TIME ZONE 'Asia/Jakarta')::date BETWEEN p.consultation_start AND p.consultation_end) AS consultation_open,
    p.published_at, p.created_at, p.updated_at,
    (SELECT count(*)::int FROM policy_aspiration pa WHERE pa.policy_id = p.id) AS aspiration_count,
    r.rating_count, r.rating_average
  FROM policy p
  JOIN opd o ON o.id = p.opd_id
  CROSS JOIN LATERAL (SELECT count(*)::int AS rating_count, round(avg(pr.score)::numeric, 2)::float8 AS rating_average FROM policy_rating pr WHERE pr.policy_id = p.id) r`;

export function toListItem(r: PolicyRow): PolicyListItem {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    status: r.status,
    statusLabel: POLICY_STATUS_LABELS_ID[r.status],
    opd: { code: r.opd_code, name: r.opd_name },
    consultationStart: r.consultation_start,
    consultationEnd: r.consultation_end,
    consultationOpen: !!r.consultation_open,
    publishedAt: r.published_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    aspirationCount: r.aspiration_count,
    rating: { count: r.rating_count, average: r.rating_average },
  };
}

export function toStaffItem(r: PolicyRow): StaffPolicyItem {
  return { ...toListItem(r), published: !!r.published_at, createdAt: r.created_at.toISOString(), allowedNext: nextPolicyStatuses(r.status) };
}

export function toLinkedAspiration(r: { id: string; tracking_code: string; public_title: string | null; public_text: string; status: AspirationStatus }): LinkedAspiration {
  return { id: r.id, trackingCode: r.tracking_code, title: r.public_title, text: r.public_text, status: r.status, statusLabel: ASPIRATION_STATUS_LABELS_ID[r.status] };
}

/** Hidden comments still count in a policy's rating summary. */
export const summarize = summarizeScores;
