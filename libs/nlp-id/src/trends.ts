/**
 * Weekly counts and emerging issues for the insight engine.
 *
 * Weeks are ISO weeks (Monday first) in WIB (UTC+7, no daylight saving), the
 * clock the city's offices and citizens live by: an aspiration sent on Sunday
 * 23:30 WIB belongs to that week even though it is Sunday 16:30 UTC.
 */
import { NEGATION_PREFIX } from './negation';
import { isStopword } from './stopwords';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** WIB = UTC+7 all year. */
export const WIB_OFFSET_MS = 7 * HOUR_MS;

/** Start of the ISO week (Monday 00:00 WIB) containing `date`, as an instant. */
export function weekStart(date: Date): Date {
  const local = date.getTime() + WIB_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday; shift so Monday = 0.
  const dow = (Math.floor(dayStart / DAY_MS) + 3) % 7;
  const monday = dayStart - ((dow + 7) % 7) * DAY_MS;
  return new Date(monday - WIB_OFFSET_MS);
}

export interface WeeklySeries {
  /** Monday 00:00 WIB of every week from `from` to `to`, both included. */
  weeks: Date[];
  /** Per key, counts aligned with `weeks` (zeros filled). */
  counts: Record<string, number[]>;
}

/**
 * Dense weekly counts per key between the weeks of `from` and `to`. Events
 * outside that range are ignored. Keys with no event in range are absent.
 */
export function weeklySeries(events: readonly { at: Date; key: string }[], from: Date, to: Date): WeeklySeries {
  const first = weekStart(from).getTime();
  const last = weekStart(to).getTime();
  const weeks: Date[] = [];
  for (let t = first; t <= last; t += WEEK_MS) weeks.push(new Date(t));
  // No prototype: a key such as "__proto__" or "constructor" must stay data.
  const counts: Record<string, number[]> = Object.create(null);
  for (const e of events) {
    const w = weekStart(e.at).getTime();
    if (w < first || w > last) continue;
    const i = Math.round((w - first) / WEEK_MS);
    (counts[e.key] ??= new Array<number>(weeks.length).fill(0))[i]++;
  }
  return { weeks, counts };
}

// ---------------------------------------------------------------------------
// Poisson tail

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function logPoissonPmf(k: number, lambda: number): number {
  return -lambda + k * Math.log(lambda) - logGamma(k + 1);
}

/**
 * P(X >= k) for X ~ Poisson(λ). Summed directly from k upward when k is in
 * the upper tail (so tiny p-values keep their precision instead of
 * vanishing in 1 − CDF), otherwise as 1 − P(X <= k − 1).
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  k = Math.ceil(k);
  if (k > lambda) {
    let sum = 0;
    for (let i = k; ; i++) {
      const term = Math.exp(logPoissonPmf(i, lambda));
      sum += term;
      if (term === 0 || term < sum * 1e-16 || i - k > 10_000) break;
    }
    return Math.min(1, sum);
  }
  let cdf = 0;
  for (let i = 0; i < k; i++) cdf += Math.exp(logPoissonPmf(i, lambda));
  return Math.max(0, 1 - cdf);
}

/** P(X >= k) for X ~ Binomial(n, p), summed on the smaller side for precision. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  k = Math.ceil(k);
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const lc = logGamma(n + 1);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const term = (i: number) => Math.exp(lc - logGamma(i + 1) - logGamma(n - i + 1) + i * lp + (n - i) * lq);
  if (k > n * p) {
    let sum = 0;
    for (let i = k; i <= n; i++) {
      const t = term(i);
      sum += t;
      if (t === 0 || t < sum * 1e-16) break;
    }
    return Math.min(1, sum);
  }
  let cdf = 0;
  for (let i = 0; i < k; i++) cdf += term(i);
  return Math.max(0, 1 - cdf);
}

// ---------------------------------------------------------------------------
// Emerging issues

export interface EmergingOptions {
  /** Weeks before the last one that form the baseline (default 8). */
  baselineWeeks?: number;
  /** Fewer weeks of history than this → never emerging (default 4). */
  minHistory?: number;
  /** Poisson upper-tail p-value must be below this (default 0.01). */
  alpha?: number;
  /** The last week needs at least this many reports (default 3). */
  minCount?: number;
  /** … and at least this multiple of the baseline (default 2). */
  minRatio?: number;
  /** Floor of λ, so an empty baseline does not make one report significant (default 0.5; Poisson test only). */
  minLambda?: number;
  /**
   * "conditional" (default): exact test of two Poisson rates, count | total ~
   * Binomial(count + Σhistory, 1/(weeks + 1)); it accounts for the baseline
   * being an estimate from a few weeks. "poisson": P(X >= count) with λ =
   * max(baseline, minLambda), treating the baseline as the known rate.
   */
  test?: 'conditional' | 'poisson';
}

export interface EmergingResult {
  emerging: boolean;
  /** Count of the last week. */
  count: number;
  /** Mean weekly count over the baseline weeks (0 when there is no history). */
  baseline: number;
  /** One-sided p-value of the chosen test (see `EmergingOptions.test`). 1 when the history is too short. */
  pValue: number;
  /** count / max(baseline, minLambda): finite even when the baseline is 0. */
  ratio: number;
  /** Number of weeks the baseline was computed from. */
  historyWeeks: number;
}

/**
 * Is the last week of `series` an emerging issue?
 *
 * Statistic: baseline = mean of up to `baselineWeeks` (8) weeks before the
 * last one, at least `minHistory` (4) of them. Flagged when p < alpha (0.01)
 * AND count >= minCount (3) AND count >= minRatio (2) × baseline, where p is
 * by default the conditional (binomial) test of "this week's rate equals the
 * baseline rate": given the total N = count + Σhistory over k history weeks,
 * count ~ Binomial(N, 1/(k+1)). The plain Poisson test P(X >= count | λ =
 * baseline) treats an 8-week mean as exact. Share of weeks flagged on
 * simulated Poisson noise (4 × 392 weeks), Poisson vs conditional: mean 2,
 * 1.1% vs 0.45%; mean 8, 0.96% vs 0.89%; mean 8 with a ±25% 13-week season,
 * 2.9% vs 1.8%; ±50%, 7.8% vs 5.6% (a season that strong is, to an 8-week
 * baseline, a real rise; a year-over-year baseline needs a year of data). The ratio and minimum count keep a
 * 40 → 60 wobble or a 0 → 2 blip off the dashboard even when "significant".
 */
export function detectEmerging(series: readonly number[], opts: EmergingOptions = {}): EmergingResult {
  const baselineWeeks = opts.baselineWeeks ?? 8;
  const minHistory = opts.minHistory ?? 4;
  const alpha = opts.alpha ?? 0.01;
  const minCount = opts.minCount ?? 3;
  const minRatio = opts.minRatio ?? 2;
  const minLambda = opts.minLambda ?? 0.5;
  const test = opts.test ?? 'conditional';

  const n = series.length;
  const count = n ? Math.max(0, series[n - 1]) : 0;
  const history = series.slice(Math.max(0, n - 1 - baselineWeeks), Math.max(0, n - 1));
  const baseline = history.length ? history.reduce((s, v) => s + Math.max(0, v), 0) / history.length : 0;
  const lambda = Math.max(baseline, minLambda);
  const ratio = count / lambda;
  if (history.length < minHistory) {
    return { emerging: false, count, baseline, pValue: 1, ratio, historyWeeks: history.length };
  }
  const historyTotal = baseline * history.length;
  const pValue =
    test === 'poisson'
      ? poissonUpperTail(count, lambda)
      : binomialUpperTail(count, Math.round(count + historyTotal), 1 / (history.length + 1));
  const emerging = pValue < alpha && count >= minCount && count >= minRatio * baseline;
  return { emerging, count, baseline, pValue, ratio, historyWeeks: history.length };
}

// ---------------------------------------------------------------------------
// Over-represented keywords

export interface KeywordOptions {
  /** Total mass of the Dirichlet prior (default 100), spread like the pooled term frequencies. */
  priorStrength?: number;
  /** A keyword must appear in at least this many documents of the week (default 2). */
  minDocs?: number;
  /** Terms in more than this share of all documents are stop-word-like (default 0.5). */
  maxDocShare?: number;
  /** Only return terms whose z-score reaches this (default 1.96, ≈ p < 0.05 one-sided 0.025). */
  minZ?: number;
}

export interface Keyword {
  term: string;
  /** Documents of the week containing the term. */
  count: number;
  /** Documents of the baseline containing the term. */
  baselineCount: number;
  /** Log-odds ratio (week vs baseline) with the informative prior. */
  logOdds: number;
  /** logOdds / its standard error. */
  z: number;
}

function stopwordLike(term: string): boolean {
  const base = term.startsWith(NEGATION_PREFIX) ? term.slice(NEGATION_PREFIX.length) : term;
  const parts = base.split('_');
  if (parts.some((p) => p.length < 3 || /^\d+$/.test(p) || isStopword(p))) return true;
  return false;
}

/**
 * Terms most over-represented in this week's documents relative to the
 * baseline: log-odds ratio with an informative Dirichlet prior and its
 * z-score (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). The prior
 * shrinks rare terms, so one document repeating a word cannot top the list;
 * counts are document frequencies for the same reason. Input documents are
 * term lists (e.g. from `extractTerms`).
 */
export function topKeywords(
  weekDocs: readonly (readonly string[])[],
  baselineDocs: readonly (readonly string[])[],
  n = 10,
  opts: KeywordOptions = {},
): Keyword[] {
  const a0 = opts.priorStrength ?? 100;
  const minDocs = opts.minDocs ?? 2;
  const maxShare = opts.maxDocShare ?? 0.5;
  const minZ = opts.minZ ?? 1.96;

  const df = (docs: readonly (readonly string[])[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const d of docs) for (const t of new Set(d)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const yi = df(weekDocs);
  const yj = df(baselineDocs);
  let ni = 0;
  let nj = 0;
  for (const v of yi.values()) ni += v;
  for (const v of yj.values()) nj += v;
  const total = ni + nj;
  const docsTotal = weekDocs.length + baselineDocs.length;
  if (!ni || !docsTotal) return [];

  const out: Keyword[] = [];
  for (const [term, ci] of yi) {
    if (ci < minDocs || stopwordLike(term)) continue;
    const cj = yj.get(term) ?? 0;
    if ((ci + cj) / docsTotal > maxShare) continue;
    const aw = (a0 * (ci + cj)) / total;
    const li = Math.log((ci + aw) / (ni + a0 - ci - aw));
    const lj = Math.log((cj + aw) / (nj + a0 - cj - aw));
    const logOdds = li - lj;
    const z = logOdds / Math.sqrt(1 / (ci + aw) + 1 / (cj + aw));
    if (z >= minZ) out.push({ term, count: ci, baselineCount: cj, logOdds, z });
  }
  return out.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : 1)).slice(0, Math.max(0, n));
}

/**
 * Rate per 1,000 residents, for comparing kelurahan of different sizes.
 * NaN when the population is unknown (<= 0 or not finite), so a missing
 * population never shows up as a rate of 0.
 */
export function per1000(count: number, population: number): number {
  if (!Number.isFinite(population) || population <= 0) return Number.NaN;
  return (count * 1000) / population;
}
