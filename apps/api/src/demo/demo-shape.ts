/**
 * The shape of the demo city's activity: how many aspirations arrive on a
 * day (weekly rhythm, holidays, slow growth of participation) and which
 * topics they are about in a month (rainy season, school admissions).
 */

/** Relative volume by ISO weekday (index 0 = Monday): offices and residents write less at weekends. */
export const WEEKDAY_FACTOR = [1.2, 1.15, 1.1, 1.05, 0.95, 0.55, 0.45] as const;
export const HOLIDAY_FACTOR = 0.5;

/** Everyday share of each category (relative). Codes not listed get DEFAULT_CATEGORY_WEIGHT. */
export const BASE_CATEGORY_WEIGHT: Record<string, number> = {
  infrastruktur_jalan: 14,
  drainase_banjir: 8,
  kebersihan_lingkungan: 10,
  penerangan_jalan: 7,
  kesehatan: 8,
  pendidikan: 6,
  umkm_ekonomi: 5,
  ketenagakerjaan: 4,
  transportasi_parkir: 7,
  administrasi_kependudukan: 8,
  sosial_bansos: 8,
  ketertiban_keamanan: 6,
  layanan_digital: 5,
  lainnya: 4,
};
const DEFAULT_CATEGORY_WEIGHT = 4;

/** Rainy season in Madiun: November to March. */
export function isRainyMonth(month: number): boolean {
  return month >= 11 || month <= 3;
}

/**
 * Seasonal multiplier of a category in a month (1–12): floods and drains in
 * the rainy season, potholes after it, dengue early in the year, school
 * admission (PPDB zonasi) complaints in June–July.
 */
export function seasonalFactor(category: string, month: number): number {
  switch (category) {
    case 'drainase_banjir':
      return month === 1 || month === 2 ? 3.5 : isRainyMonth(month) ? 3 : month === 4 || month === 10 ? 1.2 : 0.35;
    case 'infrastruktur_jalan':
      return month === 12 || month <= 3 ? 1.3 : 1;
    case 'kesehatan':
      return month <= 4 ? 1.4 : 1;
    case 'pendidikan':
      return month === 6 || month === 7 ? 2.5 : month === 1 ? 1.2 : 1;
    case 'kebersihan_lingkungan':
      return month >= 11 || month <= 2 ? 1.2 : 1;
    case 'ketertiban_keamanan':
      return month === 12 ? 1.2 : 1;
    default:
      return 1;
  }
}

/** Cumulative category weights for a month, in the order of `codes`. */
export function categoryWeights(codes: readonly string[], month: number): number[] {
  return codes.map((c) => (BASE_CATEGORY_WEIGHT[c] ?? DEFAULT_CATEGORY_WEIGHT) * seasonalFactor(c, month));
}

/** ISO weekday index (0 = Monday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * Relative volume of a day: weekday rhythm, holidays, a little more in the
 * rainy season, and participation growing over the period (t from 0 to 1),
 * times a day-to-day noise factor (around 1).
 */
export function dayWeight(date: string, t: number, isHoliday: boolean, noise: number): number {
  const month = Number(date.slice(5, 7));
  return WEEKDAY_FACTOR[isoWeekday(date)] * (isHoliday ? HOLIDAY_FACTOR : 1) * (isRainyMonth(month) ? 1.1 : 1) * (0.75 + 0.5 * t) * noise;
}

/** Splits `total` over the days in proportion to their weights; the counts add up to `total` exactly. */
export function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let acc = 0;
  let given = 0;
  for (const w of weights) {
    acc += w;
    const upTo = Math.round((acc / sum) * total);
    counts.push(upTo - given);
    given = upTo;
  }
  return counts;
}

const DAY_MS = 86_400_000;

/** The WIB calendar days from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
