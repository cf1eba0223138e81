import type { MessageKey, Translate } from './i18n';

export const POLICY_STATUSES = ['draft', 'consultation', 'adopted', 'implemented'] as const;

/** The policy's status in the reader's language (the API's label is Indonesian). */
export function policyStatusLabel(p: { status: string; statusLabel: string }, t: Translate): string {
  return (POLICY_STATUSES as readonly string[]).includes(p.status) ? t(`policyStatus.${p.status}` as MessageKey) : p.statusLabel;
}

export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface PolicyItem {
  id: string;
  title: string;
  summary: string;
  status: string;
  statusLabel: string;
  opd: { code: string; name: string };
  consultationStart: string | null;
  consultationEnd: string | null;
  consultationOpen: boolean;
  publishedAt: string | null;
  aspirationCount: number;
  rating: { count: number; average: number | null };
}

export interface PolicyDetail extends PolicyItem {
  aspirations: { id: string; trackingCode: string; title: string | null; text: string; statusLabel: string }[];
  rating: RatingSummary;
}

export interface PublicRating {
  id: string;
  score: number;
  comment: string | null;
  createdAt: string;
}
