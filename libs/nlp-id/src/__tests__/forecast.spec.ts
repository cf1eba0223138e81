import { compareScenarios, forecastWeekly, smape } from '../forecast';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('smape', () => {
  it('follows the definition (percent, 0 when both are 0)', () => {
    expect(smape([0, 10], [0, 10])).toBe(0);
    expect(smape([10], [0])).toBe(200);
    expect(smape([100], [110])).toBeCloseTo((100 * 20) / 210, 10);
    expect(smape([], [])).toBeNaN();
  });
});

describe('forecastWeekly', () => {
  it('follows a linear trend (backtest sMAPE < 6%)', () => {
    const r = rng(7);
    const truth = (t: number) => 40 + 1.5 * t;
    const series = Array.from({ length: 60 }, (_, t) => truth(t) + (r() - 0.5) * 8);
    const f = forecastWeekly(series, 12);
    expect(f.forecast).toHaveLength(12);
    expect(f.backtestWeeks).toBe(12);
    expect(f.backtestSmape).toBeLessThan(6);
    expect(['holt_linear', 'arima', 'auto_arima']).toContain(f.method);
    expect(smape(Array.from({ length: 12 }, (_, i) => truth(60 + i)), f.forecast)).toBeLessThan(8);
    const { lower = [], upper = [] } = f;
    expect(lower).toHaveLength(12);
    expect(lower.every((v, i) => v <= f.forecast[i] && f.forecast[i] <= upper[i])).toBe(true);
  });

  it('follows a seasonal series with a trend when told the season (sMAPE < 6%)', () => {
    const r = rng(11);
    const truth = (t: number) => 80 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 13);
    const series = Array.from({ length: 78 }, (_, t) => truth(t) + (r() - 0.5) * 8);
    const f = forecastWeekly(series, 12, { seasonPeriod: 13 });
    expect(f.backtestSmape).toBeLessThan(6);
    expect(['seasonal_arima', 'seasonal_naive']).toContain(f.method);
    expect(smape(Array.from({ length: 12 }, (_, i) => truth(78 + i)), f.forecast)).toBeLessThan(10);
  });

  it('keeps a flat noisy series flat (does not invent a trend)', () => {
    const r = rng(3);
    const series = Array.from({ length: 40 }, () => 30 + (r() - 0.5) * 12);
    const f = forecastWeekly(series, 12);
    expect(Math.abs(f.forecast[11] - f.forecast[0])).toBeLessThan(3);
  });

  it('falls back on short series and says why', () => {
    const f = forecastWeekly([5, 7, 6, 8, 9, 7, 8, 10], 12);
    expect(f.method).not.toMatch(/arima/);
    expect(f.note).toMatch(/too short/);
    expect(f.backtestWeeks).toBe(2);
    expect(Number.isFinite(f.backtestSmape)).toBe(true);
    const one = forecastWeekly([4], 3);
    expect(one).toMatchObject({ method: 'mean', forecast: [4, 4, 4] });
    expect(one.backtestSmape).toBeNaN();
    expect(forecastWeekly([], 2).forecast).toEqual([0, 0]);
  });

  it('never forecasts below zero', () => {
    const r = rng(5);
    const falling = Array.from({ length: 36 }, (_, t) => Math.max(0, 60 - 2 * t + (r() - 0.5) * 4));
    for (const s of [falling, new Array<number>(30).fill(0), Array.from({ length: 40 }, (_, t) => (t % 7 === 0 ? 3 : 0))]) {
      const f = forecastWeekly(s, 12);
      expect(f.forecast.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      if (f.lower) expect(f.lower.every((v) => v >= 0)).toBe(true);
    }
  });

  it('keeps the arima package silent', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = jest.spyOn(process.stdout, 'write');
    try {
      // An all-zero series makes the optimiser bail out with a printf.
      forecastWeekly(new Array<number>(30).fill(0), 4);
      forecastWeekly(Array.from({ length: 30 }, (_, t) => t), 4);
      expect(log).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
      expect(out).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      err.mockRestore();
      out.mockRestore();
    }
  });
});

describe('compareScenarios', () => {
  it('builds linear paths from the baseline to the 90-day targets', () => {
    const c = compareScenarios([], 100);
    expect(c.paths.optimistic).toHaveLength(13);
    expect(c.paths.optimistic[12]).toBeCloseTo(140);
    expect(c.paths.moderate[12]).toBeCloseTo(115);
    expect(c.paths.pessimistic.every((v) => v === 100)).toBe(true);
    expect(c.paths.optimistic[0]).toBeCloseTo(100 * (1 + 0.4 / 13));
    expect(c.closest).toBeNull();
    expect(c.weeksObserved).toBe(0);
  });

  it('classifies constructed series', () => {
    const r = rng(9);
    const along = (g: number, weeks: number) =>
      Array.from({ length: weeks }, (_, i) => 200 * (1 + (g * (i + 1)) / 13) + (r() - 0.5) * 6);
    expect(compareScenarios(along(0.4, 8), 200).closest).toBe('optimistic');
    expect(compareScenarios(along(0.15, 8), 200).closest).toBe('moderate');
    expect(compareScenarios(along(0, 8), 200).closest).toBe('pessimistic');
    expect(compareScenarios(along(-0.2, 8), 200).closest).toBe('pessimistic');
    // Beyond the cycle, only the first 13 weeks are compared.
    const full = compareScenarios(along(0.4, 20), 200);
    expect(full.weeksObserved).toBe(13);
    expect(full.closest).toBe('optimistic');
    expect(full.growthSoFar).toBeGreaterThan(0.3);
  });

  it('reports growth so far from the last 4 weeks', () => {
    const c = compareScenarios([100, 100, 100, 100, 110, 110, 110, 110], 100);
    expect(c.growthSoFar).toBeCloseTo(0.1);
    expect(c.deviation.pessimistic).toBeCloseTo(5);
    expect(() => compareScenarios([1], 0)).toThrow(RangeError);
  });
});
