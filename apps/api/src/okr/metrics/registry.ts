import { activeFellows, fellowsCertifiedShare } from './fellows.metrics';
import { asnSatisfaction, citizenSatisfaction, forumAttendanceChange, musrenbangAdoptionShare, openReportsPerQuarter, participationGrowth, responseTimeChange } from './feedback.metrics';
import type { MetricDefinition } from './metric';

/** Every metric a key result can be measured from, by key (blueprint section 9 / Grand Design 7). */
export const METRICS: readonly MetricDefinition[] = [
  participationGrowth,
  responseTimeChange,
  citizenSatisfaction,
  asnSatisfaction,
  openReportsPerQuarter,
  activeFellows,
  fellowsCertifiedShare,
  forumAttendanceChange,
  musrenbangAdoptionShare,
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

export function findMetric(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key);
}

export const METRIC_KEYS = METRICS.map((m) => m.key);
