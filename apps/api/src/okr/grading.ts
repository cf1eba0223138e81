/**
 * Pure OKR grading: no I/O, so it is tested on its own.
 *
 * Progress (0.0–1.0) is the share of the way from the baseline to the
 * target: (value - baseline) / (target - baseline), clamped. The sign of
 * (target - baseline) carries the direction, so "-30%" works the same as
 * "+40%". Status compares progress with the share of the cycle elapsed
 * (a straight-line pace):
 *   on-track   progress >= elapsed - 0.10  (or the target is reached)
 *   at-risk    progress >= elapsed - 0.30
 *   off-track  otherwise
 *   no-data    no value yet
 */
import type { KrDirection, KrStatus } from './entities/okr-key-result.entity';

export const ON_TRACK_SLACK = 0.1;
export const AT_RISK_SLACK = 0.3;
const DAY_MS = 86_400_000;

export const STATUS_LABELS: Record<KrStatus, string> = {
  'on-track': 'Sesuai jalur',
  'at-risk': 'Berisiko',
  'off-track': 'Tertinggal',
  'no-data': 'Belum ada data',
};

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Start of a WIB calendar day (UTC+7, no daylight saving). */
export function wibStartOfDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The cycle as instants: [start, endExclusive). */
export function cycleBounds(startDate: string, endDate: string): { start: Date; end: Date } {
  return { start: wibStartOfDay(startDate), end: new Date(wibStartOfDay(endDate).getTime() + DAY_MS) };
}

/** Share (0–1) of the cycle that has elapsed at `asOf`. */
export function elapsedShare(startDate: string, endDate: string, asOf: Date): number {
  const { start, end } = cycleBounds(startDate, endDate);
  return round(clamp01((asOf.getTime() - start.getTime()) / (end.getTime() - start.getTime())), 4);
}

/** True when the value reaches the target in the key result's direction. */
export function targetReached(value: number, target: number, direction: KrDirection): boolean {
  return direction === 'increase' ? value >= target : value <= target;
}

/** Progress from baseline to target, 0.0–1.0 (two decimals), or null without a value. */
export function gradeProgress(value: number | null, baseline: number, target: number, direction: KrDirection): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (targetReached(value, target, direction)) return 1;
  const span = target - baseline;
  if (span === 0) return 0;
  return round(clamp01((value - baseline) / span));
}

/** Status of a progress against the elapsed share of the cycle. */
export function gradeStatus(progress: number | null, elapsed: number): KrStatus {
  if (progress === null) return 'no-data';
  if (progress >= 1) return 'on-track';
  const behind = elapsed - progress;
  if (behind <= ON_TRACK_SLACK + 1e-9) return 'on-track';
  if (behind <= AT_RISK_SLACK + 1e-9) return 'at-risk';
  return 'off-track';
}

export interface Grade {
  progress: number | null;
  status: KrStatus;
  elapsed: number;
}

export function grade(kr: { value: number | null; baseline: number; target: number; direction: KrDirection }, cycle: { startDate: string; endDate: string }, asOf: Date): Grade {
  const elapsed = elapsedShare(cycle.startDate, cycle.endDate, asOf);
  const progress = gradeProgress(kr.value, kr.baseline, kr.target, kr.direction);
  return { progress, status: gradeStatus(progress, elapsed), elapsed };
}

/** Week of the cycle (1-based) that contains `asOf`, or null outside the cycle. */
export function cycleWeek(startDate: string, endDate: string, asOf: Date): number | null {
  const { start, end } = cycleBounds(startDate, endDate);
  if (asOf < start || asOf >= end) return null;
  return Math.floor((asOf.getTime() - start.getTime()) / (7 * DAY_MS)) + 1;
}

export const SCENARIOS = [
  { key: 'optimistic', label: 'Optimis', growthPct: 40 },
  { key: 'moderate', label: 'Moderat', growthPct: 15 },
  { key: 'pessimistic', label: 'Pesimis', growthPct: 0 },
] as const;
export type ScenarioKey = (typeof SCENARIOS)[number]['key'];

/** The blueprint scenario (section 4) whose participation growth is nearest the actual growth. */
export function nearestScenario(actualGrowthPct: number | null): ScenarioKey | null {
  if (actualGrowthPct === null || !Number.isFinite(actualGrowthPct)) return null;
  let best: (typeof SCENARIOS)[number] = SCENARIOS[0];
  for (const s of SCENARIOS) if (Math.abs(actualGrowthPct - s.growthPct) < Math.abs(actualGrowthPct - best.growthPct)) best = s;
  return best.key;
}
