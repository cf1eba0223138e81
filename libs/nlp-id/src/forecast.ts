/**
 * Weekly participation forecasts (per kecamatan) and the blueprint's
 * 90-day scenarios.
 *
 * Method: every applicable candidate (ARIMA from the `arima` package —
 * AutoARIMA and two fixed orders, the airline SARIMA when a season is given —
 * Holt's linear trend, seasonal naive, mean) is backtested on the same hold-out; the one with the lowest
 * sMAPE is refitted on the whole series and forecasts. ARIMA alone is a poor
 * default here: on short, noisy weekly counts its automatic order search
 * often settles on a flat forecast and misses a trend that Holt follows,
 * while on long series it wins. The backtest decides, and the figure is kept.
 * The reported sMAPE is that of the chosen method, so it is slightly
 * optimistic (it was also used to choose).
 */

export type ForecastMethod = 'auto_arima' | 'arima' | 'seasonal_arima' | 'holt_linear' | 'seasonal_naive' | 'mean';

export interface ForecastOptions {
  /** Season length in weeks (e.g. 13 for a quarter, 52 for a year). Enables the seasonal methods. */
  seasonPeriod?: number;
  /** Restrict the candidates (default: all that apply to the series length). */
  methods?: readonly ForecastMethod[];
  /** Central coverage of the prediction interval (default 0.8). */
  level?: 0.8 | 0.9 | 0.95;
}

export interface CandidateScore {
  method: ForecastMethod;
  /** The exact model, e.g. "ARIMA(0,2,2)". */
  model: string;
  /** sMAPE (%) on the hold-out, NaN when the method could not be backtested. */
  backtestSmape: number;
}

export interface WeeklyForecast {
  /** Method used for `forecast`. */
  method: ForecastMethod;
  /** The exact model, e.g. "ARIMA(0,2,2)" or "SARIMA(0,1,1)(0,1,1)13". */
  model: string;
  /** Point forecasts for the next `horizon` weeks, never negative. */
  forecast: number[];
  lower?: number[];
  upper?: number[];
  /** sMAPE (%) of `method` on the last `backtestWeeks` weeks; NaN when the series is too short to hold any out. */
  backtestSmape: number;
  backtestWeeks: number;
  /** Every candidate that was tried, with its backtest error. */
  candidates: CandidateScore[];
  /** Why the preferred ARIMA was not used, when it was not. */
  note?: string;
}

interface Fit {
  forecast: number[];
  /** Forecast standard deviation per step, when the method provides one. */
  sd?: number[];
}

// ---------------------------------------------------------------------------
// sMAPE

/**
 * Symmetric MAPE in percent: mean over t of 2|F−A| / (|A|+|F|), a term being
 * 0 when both are 0 (a quiet week forecast as quiet is a perfect forecast).
 * Range 0–200.
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  const n = Math.min(actual.length, forecast.length);
  if (!n) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const f = forecast[i];
    const d = Math.abs(a) + Math.abs(f);
    s += d === 0 ? 0 : (2 * Math.abs(f - a)) / d;
  }
  return (100 * s) / n;
}

// ---------------------------------------------------------------------------
// Simple methods (ours)

function meanFit(y: readonly number[], h: number): Fit {
  const m = y.reduce((s, v) => s + v, 0) / y.length;
  const sd0 = y.length > 1 ? Math.sqrt(y.reduce((s, v) => s + (v - m) ** 2, 0) / (y.length - 1)) : 0;
  const sd = sd0 * Math.sqrt(1 + 1 / y.length);
  return { forecast: new Array<number>(h).fill(m), sd: new Array<number>(h).fill(sd) };
}

function seasonalNaiveFit(y: readonly number[], h: number, m: number): Fit {
  const n = y.length;
  const forecast: number[] = [];
  for (let i = 0; i < h; i++) forecast.push(y[n - m + (i % m)]);
  let ss = 0;
  let k = 0;
  for (let t = m; t < n; t++) {
    ss += (y[t] - y[t - m]) ** 2;
    k++;
  }
  const s = k ? Math.sqrt(ss / k) : 0;
  // Var grows with the number of whole seasons ahead (Hyndman & Athanasopoulos, FPP3 §5.5).
  const sd = forecast.map((_, i) => s * Math.sqrt(Math.floor(i / m) + 1));
  return { forecast, sd };
}

/**
 * Holt's linear trend, additive errors. α and β* are chosen by grid search on
 * the one-step-ahead squared error (a 19×19 grid is plenty for weekly counts
 * and, unlike a numeric optimiser, cannot wander off).
 */
function holtFit(y: readonly number[], h: number): Fit {
  const n = y.length;
  let best = { sse: Number.POSITIVE_INFINITY, alpha: 0.5, beta: 0.1, level: y[n - 1], trend: 0 };
  for (let ai = 1; ai <= 19; ai++) {
    const alpha = ai / 20;
    for (let bi = 1; bi <= 19; bi++) {
      const beta = bi / 20;
      let level = y[0];
      let trend = y[1] - y[0];
      let sse = 0;
      for (let t = 1; t < n; t++) {
        const e = y[t] - (level + trend);
        sse += e * e;
        const prev = level;
        level = alpha * y[t] + (1 - alpha) * (level + trend);
        trend = beta * (level - prev) + (1 - beta) * trend;
      }
      if (sse < best.sse) best = { sse, alpha, beta, level, trend };
    }
  }
  const sigma = Math.sqrt(best.sse / Math.max(1, n - 1 - 2));
  // ETS(A,A,N) form: β = α·β*; Var(h) = σ²(1 + Σ_{j<h} (α + jβ)²).
  const b = best.alpha * best.beta;
  const forecast: number[] = [];
  const sd: number[] = [];
  let acc = 0;
  for (let i = 1; i <= h; i++) {
    forecast.push(best.level + i * best.trend);
    sd.push(sigma * Math.sqrt(1 + acc));
    acc += (best.alpha + i * b) ** 2;
  }
  return { forecast, sd };
}

// ---------------------------------------------------------------------------
// ARIMA (lazy, silenced)

interface ArimaModel {
  train(ts: number[]): ArimaModel;
  predict(h: number): [number[], number[]];
  destroy?(): void;
}
type ArimaCtor = new (opts: Record<string, unknown>) => ArimaModel;

let arimaCtor: ArimaCtor | null | undefined;

/**
 * Load `arima` on first use only: it compiles ~1 MB of WASM, which importing
 * this library must not pay for. The C code prints ("Program Exiting as the
 * function returns NaN", "non-stationary AR part") through Emscripten's
 * `print`/`printErr` even with verbose: false, and `require('arima')` binds
 * those to console.log at load time; so the module is instantiated here with
 * silent print functions. If the package layout changes, fall back to the
 * plain entry point (noisy but working), then to no ARIMA at all.
 */
function loadArima(): ArimaCtor | null {
  if (arimaCtor !== undefined) return arimaCtor;
  try {
    const path = require('path') as typeof import('path');
    // Absolute paths: the package's "exports" map does not list these files.
    const dir = path.dirname(require.resolve('arima'));
    const factory = require(path.join(dir, 'wasm', 'native-sync.js')) as (m: Record<string, unknown>) => unknown;
    const wasmBinary = require(path.join(dir, 'wrapper', 'native.bin.js')) as Uint8Array;
    const load = require(path.join(dir, 'load.js')) as (m: unknown) => ArimaCtor;
    const silent = (): void => undefined;
    arimaCtor = load(factory({ wasmBinary, print: silent, printErr: silent }));
  } catch {
    try {
      arimaCtor = require('arima') as ArimaCtor;
    } catch {
      arimaCtor = null;
    }
  }
  return arimaCtor;
}

function arimaFit(y: readonly number[], h: number, order: Record<string, number | boolean>): Fit | undefined {
  const ARIMA = loadArima();
  if (!ARIMA) return undefined;
  const opts: Record<string, unknown> = { ...order, verbose: false };
  let model: ArimaModel | undefined;
  try {
    model = new ARIMA(opts).train(y.slice());
    const [pred, variance] = model.predict(h);
    // A failed optimisation shows up as NaN, ±1e308 or denormal garbage.
    const scale = Math.max(1, ...y.map(Math.abs));
    if (pred.length !== h || pred.some((v) => !Number.isFinite(v) || Math.abs(v) > 100 * scale)) return undefined;
    const sd = variance.map((v) => (Number.isFinite(v) && v >= 0 && v < 1e12 ? Math.sqrt(v) : Number.NaN));
    return { forecast: pred, sd: sd.some(Number.isNaN) ? undefined : sd };
  } catch {
    return undefined;
  } finally {
    // The model lives in WASM memory: free it or it leaks per call.
    model?.destroy?.();
  }
}

// ---------------------------------------------------------------------------

interface CandidateSpec {
  method: ForecastMethod;
  model: string;
  /** Minimum training length (AutoARIMA's own guard is 20; fixed orders need d + sD + max(p+q, 2s, 10)). */
  minLength: number;
  run(y: readonly number[], h: number): Fit | undefined;
}

/**
 * The candidate list. Fixed ARIMA orders sit beside AutoARIMA because the
 * `arima` package's automatic search keeps d = 0 on trending weekly counts
 * (it forecast a flat mean for a clean linear trend in our checks), while
 * ARIMA(0,2,2) ≈ Holt and ARIMA(1,1,1) follow it. With a season, the
 * "airline" SARIMA(0,1,1)(0,1,1)s is the classic robust choice; the package's
 * seasonal AutoARIMA was slower (~150 ms) and worse in the same checks.
 */
function candidateSpecs(season: number): CandidateSpec[] {
  const specs: CandidateSpec[] = [
    { method: 'mean', model: 'mean', minLength: 1, run: meanFit },
    { method: 'holt_linear', model: "Holt's linear trend", minLength: 6, run: holtFit },
    { method: 'arima', model: 'ARIMA(1,1,1)', minLength: 12, run: (y, h) => arimaFit(y, h, { p: 1, d: 1, q: 1 }) },
    { method: 'arima', model: 'ARIMA(0,2,2)', minLength: 12, run: (y, h) => arimaFit(y, h, { p: 0, d: 2, q: 2 }) },
    { method: 'auto_arima', model: 'AutoARIMA', minLength: 20, run: (y, h) => arimaFit(y, h, { auto: true }) },
  ];
  if (season > 1) {
    specs.splice(1, 0, {
      method: 'seasonal_naive', model: `seasonal naive (s=${season})`, minLength: season,
      run: (y, h) => seasonalNaiveFit(y, h, season),
    });
    specs.push({
      method: 'seasonal_arima', model: `SARIMA(0,1,1)(0,1,1)${season}`, minLength: 1 + season + Math.max(2 * season, 10),
      run: (y, h) => arimaFit(y, h, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: season }),
    });
  }
  return specs;
}

/** A more complex model must beat the simplest by more than max(0.5 points, 5%) of sMAPE. */
const SMAPE_TOLERANCE_POINTS = 0.5;
const SMAPE_TOLERANCE_SHARE = 0.05;

const Z: Record<NonNullable<ForecastOptions['level']>, number> = { 0.8: 1.2816, 0.9: 1.6449, 0.95: 1.96 };

/**
 * Forecast the next `horizon` weeks of a weekly count series.
 *
 * Backtest: hold out the last min(12, ⌊n/4⌋) weeks, fit each candidate on the
 * rest, forecast the hold-out, score with sMAPE (see `smape`). The simplest
 * candidate within max(0.5 points, 5%) of the best score is then refitted on
 * all n weeks. Forecasts and interval bounds are clipped at 0: counts cannot be
 * negative, linear trends and ARIMA can go there.
 */
export function forecastWeekly(series: readonly number[], horizon = 12, options: ForecastOptions = {}): WeeklyForecast {
  const y = series.map((v) => (Number.isFinite(v) ? Math.max(0, v) : 0));
  const n = y.length;
  const h = Math.max(0, Math.floor(horizon));
  const season = options.seasonPeriod && options.seasonPeriod > 1 ? Math.floor(options.seasonPeriod) : 0;
  const z = Z[options.level ?? 0.8];
  const allowed = options.methods ? new Set<ForecastMethod>(options.methods) : undefined;
  const specs = candidateSpecs(season).filter((c) => !allowed || allowed.has(c.method));

  if (n === 0) {
    return {
      method: 'mean', model: 'mean', forecast: new Array<number>(h).fill(0), backtestSmape: Number.NaN,
      backtestWeeks: 0, candidates: [], note: 'empty series: forecast 0',
    };
  }

  const hold = Math.min(12, Math.floor(n / 4));
  const train = y.slice(0, n - hold);
  const test = y.slice(n - hold);
  const usable = specs.filter((c) => n >= c.minLength);
  const scoredAll = usable.map((spec) => {
    const fit = hold > 0 && train.length >= spec.minLength ? spec.run(train, hold) : undefined;
    return { spec, score: fit ? smape(test, fit.forecast.map((v) => Math.max(0, v))) : Number.NaN };
  });
  const candidates: CandidateScore[] = scoredAll.map(({ spec, score }) => ({ method: spec.method, model: spec.model, backtestSmape: score }));

  // The simplest candidate within a tolerance of the best backtest wins: a
  // 12-week hold-out is noisy, and on a flat series ARIMA(0,2,2) can edge out
  // the mean by chance and then extrapolate a trend that is not there. With
  // no hold-out possible, the first usable method (mean).
  const scored = scoredAll.filter((c) => Number.isFinite(c.score));
  const bestScore = Math.min(...scored.map((c) => c.score));
  const tolerance = Math.max(SMAPE_TOLERANCE_POINTS, SMAPE_TOLERANCE_SHARE * bestScore);
  const ranked = scored.length
    ? [
        ...scored.filter((c) => c.score <= bestScore + tolerance),
        ...scored.filter((c) => c.score > bestScore + tolerance).sort((a, b) => a.score - b.score),
      ]
    : scoredAll;

  let chosen: { spec: CandidateSpec; score: number } | undefined;
  let fit: Fit | undefined;
  for (const c of ranked) {
    fit = c.spec.run(y, h);
    if (fit) {
      chosen = c;
      break;
    }
  }
  const method = chosen?.spec.method ?? 'mean';
  const model = chosen?.spec.model ?? 'mean';
  if (!fit) fit = meanFit(y, h);
  const backtestSmape = chosen ? chosen.score : Number.NaN;

  let note: string | undefined;
  if (method !== 'auto_arima' && method !== 'arima' && method !== 'seasonal_arima') {
    const arimas = candidates.filter((c) => c.method.includes('arima'));
    if (!specs.some((c) => c.method.includes('arima'))) note = 'ARIMA not among the allowed methods';
    else if (!arimas.length) note = `series too short for ARIMA (${n} weeks)`;
    else if (arimas.every((c) => !Number.isFinite(c.backtestSmape))) {
      note = train.length < 12 ? `series too short to backtest ARIMA (${train.length} training weeks)` : 'ARIMA failed to fit; fell back';
    } else note = `${model} backtested as well as or better than ARIMA (simpler preferred within tolerance)`;
  }

  const out: WeeklyForecast = {
    method,
    model,
    forecast: fit.forecast.map((v) => Math.max(0, v)),
    backtestSmape,
    backtestWeeks: hold,
    candidates,
  };
  const sd = fit.sd;
  if (sd) {
    out.lower = fit.forecast.map((v, i) => Math.max(0, v - z * sd[i]));
    out.upper = fit.forecast.map((v, i) => Math.max(0, v + z * sd[i]));
  }
  if (note) out.note = note;
  return out;
}

// ---------------------------------------------------------------------------
// Scenarios (blueprint section 4)

export type ScenarioName = 'optimistic' | 'moderate' | 'pessimistic';

/** Growth over one 90-day cycle relative to the baseline weekly participation. */
export const SCENARIO_GROWTH: Readonly<Record<ScenarioName, number>> = {
  optimistic: 0.4,
  moderate: 0.15,
  pessimistic: 0,
};

export interface ScenarioComparison {
  baseline: number;
  weeksInCycle: number;
  /** Weeks of `actual` compared (at most `weeksInCycle`). */
  weeksObserved: number;
  /** Per scenario, the expected weekly participation for weeks 1..weeksInCycle. */
  paths: Record<ScenarioName, number[]>;
  /** Mean absolute deviation of the observed weeks from each path. */
  deviation: Record<ScenarioName, number>;
  /** Scenario with the smallest deviation; null before the first week. */
  closest: ScenarioName | null;
  /**
   * Growth so far: mean of the last (up to) 4 observed weeks / baseline − 1.
   * Several weeks, because one busy week is not growth.
   */
  growthSoFar: number;
}

/**
 * Compare the weekly participation since the start of a 90-day cycle with
 * the blueprint's scenarios. Each scenario is a straight line from the
 * baseline (week 0, before the cycle) to baseline × (1 + growth) at the last
 * week: week i (1-based) expects baseline × (1 + growth × i / weeksInCycle).
 * `actual[0]` is week 1. Ties go to the less ambitious scenario.
 */
export function compareScenarios(actual: readonly number[], baseline: number, weeksInCycle = 13): ScenarioComparison {
  if (!Number.isFinite(baseline) || baseline <= 0) throw new RangeError('baseline must be a positive number');
  const W = Math.max(1, Math.floor(weeksInCycle));
  const names: ScenarioName[] = ['pessimistic', 'moderate', 'optimistic'];
  const paths = {} as Record<ScenarioName, number[]>;
  for (const s of names) {
    paths[s] = Array.from({ length: W }, (_, i) => baseline * (1 + (SCENARIO_GROWTH[s] * (i + 1)) / W));
  }
  const observed = actual.slice(0, W).map((v) => (Number.isFinite(v) ? v : 0));
  const k = observed.length;
  const deviation = {} as Record<ScenarioName, number>;
  let closest: ScenarioName | null = null;
  for (const s of names) {
    deviation[s] = k ? observed.reduce((acc, v, i) => acc + Math.abs(v - paths[s][i]), 0) / k : Number.NaN;
    if (k && (closest === null || deviation[s] < deviation[closest])) closest = s;
  }
  const tail = observed.slice(Math.max(0, k - 4));
  const growthSoFar = tail.length ? tail.reduce((a, v) => a + v, 0) / tail.length / baseline - 1 : 0;
  return { baseline, weeksInCycle: W, weeksObserved: k, paths, deviation, closest, growthSoFar };
}
