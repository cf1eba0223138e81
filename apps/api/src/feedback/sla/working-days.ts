/**
 * Working-day arithmetic for the SLA clock (LAPOR!/SP4N). Days are counted in
 * the city's time zone (WIB, UTC+7, no daylight saving); weekends and the
 * holiday table are skipped. A deadline of n working days ends at the last
 * millisecond of the n-th working day after the day of the event.
 */
export const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant, in WIB. */
export function wibDate(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** End (23:59:59.999 WIB) of the n-th working day after the WIB day of `from`. */
export function addWorkingDays(from: Date, n: number, holidays: ReadonlySet<string>): Date {
  let date = wibDate(from);
  let counted = 0;
  while (counted < n) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) counted++;
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS + DAY_MS - 1);
}

/** Working days between two instants' WIB dates (0 on the same day), for reporting. */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  let date = wibDate(from);
  const end = wibDate(to);
  let n = 0;
  while (date < end) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) n++;
  }
  return n;
}

/** The service levels, in working days. */
export const SLA = { verifyDays: 3, planDays: 5, autoCloseDays: 10 } as const;
