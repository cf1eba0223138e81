import type { KrDirection } from '../entities/okr-key-result.entity';
import { cycleBounds, wibStartOfDay } from '../grading';

const DAY_MS = 86_400_000;

export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export interface MetricContext {
  query: Query;
  cycle: { startDate: string; endDate: string; baselineStart: string; baselineEnd: string };
  /** The moment measured; metrics never look past the end of the cycle. */
  asOf: Date;
  params: Record<string, unknown>;
}

export interface MetricResult {
  value: number | null;
  /** Why there is no value (Indonesian, shown to users). */
  reason?: string;
  /** The figures the value was computed from, for review. */
  details?: Record<string, unknown>;
}

export interface MetricDefinition {
  key: string;
  label: string;
  unit: string;
  direction: KrDirection;
  description: string;
  compute(ctx: MetricContext): Promise<MetricResult>;
}

export interface Window {
  from: Date;
  to: Date;
  days: number;
}

const window = (from: Date, to: Date): Window => ({ from, to, days: (to.getTime() - from.getTime()) / DAY_MS });

/** The elapsed part of the cycle, [start, min(asOf, end)); null before the cycle starts. */
export function cycleWindow(ctx: MetricContext): Window | null {
  const { start, end } = cycleBounds(ctx.cycle.startDate, ctx.cycle.endDate);
  const to = new Date(Math.min(ctx.asOf.getTime(), end.getTime()));
  return to > start ? window(start, to) : null;
}

/** The baseline period, whole WIB days [baselineStart, baselineEnd]. */
export function baselineWindow(ctx: MetricContext): Window {
  const { start, end } = cycleBounds(ctx.cycle.baselineStart, ctx.cycle.baselineEnd);
  return window(start, end);
}

/** asOf, clamped to the end of the cycle. */
export function effectiveAsOf(ctx: MetricContext): Date {
  const { end } = cycleBounds(ctx.cycle.startDate, ctx.cycle.endDate);
  return new Date(Math.min(ctx.asOf.getTime(), end.getTime() - 1));
}

/** The WIB calendar day of an instant, as YYYY-MM-DD. */
export function wibDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** First instant of the calendar quarter (WIB) that contains `at`. */
export function quarterStart(at: Date): Date {
  const d = wibDate(at);
  const month = Number(d.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return wibStartOfDay(`${d.slice(0, 4)}-${String(first).padStart(2, '0')}-01`);
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export const NOT_STARTED = 'Siklus belum dimulai';

/** Percentage change of a per-day rate against the baseline, or a reason when it cannot be computed. */
export function rateChange(current: number, currentDays: number, baseline: number, baselineDays: number, what: string): MetricResult {
  const details = { current, currentDays: round(currentDays, 2), baseline, baselineDays: round(baselineDays, 2) };
  if (baseline <= 0 || baselineDays <= 0) return { value: null, reason: `Belum ada ${what} pada periode dasar`, details };
  const currentRate = current / currentDays;
  const baselineRate = baseline / baselineDays;
  return { value: round((currentRate / baselineRate - 1) * 100, 1), details: { ...details, currentPerDay: round(currentRate, 3), baselinePerDay: round(baselineRate, 3) } };
}
