import { fieldError } from '../common/errors/domain.exception';

const WIB_MS = 7 * 3600_000;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** A calendar quarter in WIB, the unit of the open reports. */
export interface ReportPeriod {
  /** e.g. 2026-Q4 */
  code: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First WIB day, YYYY-MM-DD. */
  firstDay: string;
  /** Last WIB day, YYYY-MM-DD. */
  lastDay: string;
  /** First WIB day of the next quarter (exclusive end). */
  nextFirstDay: string;
  /** "Triwulan IV 2026" */
  label: string;
}

export const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const q = quarter as 1 | 2 | 3 | 4;
  const firstMonth = (q - 1) * 3 + 1;
  const next = q === 4 ? { y: year + 1, m: 1 } : { y: year, m: firstMonth + 3 };
  const lastDay = new Date(Date.UTC(next.y, next.m - 1, 1) - 86_400_000).toISOString().slice(0, 10);
  return {
    code: `${year}-Q${q}`,
    year,
    quarter: q,
    firstDay: iso(year, firstMonth, 1),
    lastDay,
    nextFirstDay: iso(next.y, next.m, 1),
    label: `Triwulan ${ROMAN[q - 1]} ${year}`,
  };
}

/** Parses "2026-Q4"; a malformed value is the caller's error (400). */
export function parsePeriod(code: string, field = 'period'): ReportPeriod {
  const m = PERIOD_PATTERN.exec(code);
  if (!m) throw fieldError(field, 'must be a quarter such as 2026-Q4');
  return quarterPeriod(Number(m[1]), Number(m[2]));
}

/** The WIB quarter that contains `at`. */
export function periodContaining(at: Date): ReportPeriod {
  const d = new Date(at.getTime() + WIB_MS);
  return quarterPeriod(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1);
}

/** The last complete WIB quarter before `at`: what the quarterly job reports on. */
export function previousPeriod(at: Date): ReportPeriod {
  const current = periodContaining(at);
  return current.quarter === 1 ? quarterPeriod(current.year - 1, 4) : quarterPeriod(current.year, current.quarter - 1);
}

/** The instant a WIB day starts. */
export function wibDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - WIB_MS);
}
