import { binomialUpperTail, detectEmerging, per1000, poissonUpperTail, topKeywords, weekStart, weeklySeries } from '../trends';

/** Seeded LCG so the noise tests are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function poisson(lambda: number, r: () => number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

describe('weekStart (ISO week, WIB)', () => {
  it('maps Sunday late evening WIB to the Monday before, Monday 00:10 WIB to that Monday', () => {
    // Sunday 2024-03-10 23:30 WIB = 16:30 UTC → week of Monday 2024-03-04 00:00 WIB = 03-03 17:00 UTC.
    expect(weekStart(new Date('2024-03-10T16:30:00Z')).toISOString()).toBe('2024-03-03T17:00:00.000Z');
    // Monday 2024-03-11 00:10 WIB = Sunday 17:10 UTC → its own week.
    expect(weekStart(new Date('2024-03-10T17:10:00Z')).toISOString()).toBe('2024-03-10T17:00:00.000Z');
    expect(weekStart(new Date('2024-03-13T05:00:00Z')).toISOString()).toBe('2024-03-10T17:00:00.000Z');
    // Year boundary: Wednesday 2025-01-01 is in the week of Monday 2024-12-30.
    expect(weekStart(new Date('2025-01-01T02:00:00Z')).toISOString()).toBe('2024-12-29T17:00:00.000Z');
  });
});

describe('weeklySeries', () => {
  it('returns dense weekly counts per key, zeros filled, out-of-range ignored', () => {
    const ev = (iso: string, key: string) => ({ at: new Date(iso), key });
    const { weeks, counts } = weeklySeries(
      [
        ev('2024-03-05T03:00:00Z', 'jalan'),
        ev('2024-03-06T03:00:00Z', 'jalan'),
        ev('2024-03-20T03:00:00Z', 'jalan'),
        ev('2024-03-19T03:00:00Z', '__proto__'),
        ev('2024-02-01T03:00:00Z', 'jalan'),
        ev('2024-05-01T03:00:00Z', 'banjir'),
      ],
      new Date('2024-03-04T03:00:00Z'),
      new Date('2024-03-25T03:00:00Z'),
    );
    expect(weeks).toHaveLength(4);
    expect(counts.jalan).toEqual([2, 0, 1, 0]);
    expect(counts['__proto__']).toEqual([0, 0, 1, 0]);
    expect(Object.keys(counts).sort()).toEqual(['__proto__', 'jalan']);
  });
});

describe('binomialUpperTail', () => {
  it('matches closed forms', () => {
    expect(binomialUpperTail(3, 10, 0.5)).toBeCloseTo(968 / 1024, 12);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialUpperTail(0, 5, 0.1)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.1)).toBe(0);
  });
});

describe('poissonUpperTail', () => {
  it('matches closed forms', () => {
    // P(X >= 3 | 0.5) = 1 − e^−0.5 (1 + 0.5 + 0.125)
    expect(poissonUpperTail(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * 1.625, 12);
    expect(poissonUpperTail(0, 4)).toBe(1);
    expect(poissonUpperTail(1, 4)).toBeCloseTo(1 - Math.exp(-4), 12);
    // Deep tail keeps precision: P(X >= 40 | 2) ~ 1e-35.
    const p = poissonUpperTail(40, 2);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-30);
  });
});

describe('detectEmerging', () => {
  it('flags a spike', () => {
    const r = detectEmerging([2, 3, 2, 1, 3, 2, 2, 3, 12]);
    expect(r.emerging).toBe(true);
    expect(r.baseline).toBeCloseTo(2.25);
    expect(r.count).toBe(12);
    expect(r.pValue).toBeLessThan(1e-4);
    expect(r.ratio).toBeCloseTo(12 / 2.25);
  });

  it('does not flag a steady series or a modest rise', () => {
    expect(detectEmerging([5, 6, 4, 5, 6, 5, 4, 5, 6]).emerging).toBe(false);
    // Significant for Poisson but under 2× the baseline: not emerging.
    const r = detectEmerging([40, 42, 38, 41, 39, 40, 43, 40, 60]);
    expect(r.pValue).toBeLessThan(0.01);
    expect(r.emerging).toBe(false);
  });

  it('needs at least 4 weeks of history and 3 reports', () => {
    const short = detectEmerging([0, 0, 10]);
    expect(short.emerging).toBe(false);
    expect(short.pValue).toBe(1);
    expect(short.historyWeeks).toBe(2);
    expect(detectEmerging([0, 0, 0, 0, 0, 0, 2]).emerging).toBe(false);
    expect(detectEmerging([0, 0, 0, 0, 0, 0, 4]).emerging).toBe(true);
  });

  it('uses only the previous 8 weeks as baseline', () => {
    const r = detectEmerging([50, 50, 50, 50, 1, 1, 1, 1, 1, 1, 1, 1, 8]);
    expect(r.historyWeeks).toBe(8);
    expect(r.baseline).toBe(1);
    expect(r.emerging).toBe(true);
  });

  const flaggedShare = (mean: number, amplitude: number, seed: number) => {
    const r = rng(seed);
    const series = Array.from({ length: 400 }, (_, t) => poisson(mean + amplitude * Math.sin((2 * Math.PI * t) / 13), r));
    let flagged = 0;
    let tested = 0;
    for (let end = 9; end <= series.length; end++) {
      tested++;
      if (detectEmerging(series.slice(0, end)).emerging) flagged++;
    }
    return flagged / tested;
  };

  it('rarely flags Poisson noise or seasonal-looking noise', () => {
    expect(flaggedShare(8, 0, 1)).toBeLessThan(0.02);
    expect(flaggedShare(2, 0, 2)).toBeLessThan(0.02);
    // A ±25% 13-week season (measured 1.8% over 4 seeds).
    expect(flaggedShare(8, 2, 42)).toBeLessThan(0.035);
  });

  it('the conditional test is stricter than the plain Poisson test on a shaky baseline', () => {
    const s = [1, 0, 1, 0, 1, 0, 1, 0, 4];
    const cond = detectEmerging(s);
    const pois = detectEmerging(s, { test: 'poisson' });
    expect(pois.pValue).toBeLessThan(cond.pValue);
  });
});

describe('topKeywords', () => {
  it('ranks terms over-represented this week and skips stop-word-like ones', () => {
    const week = [
      ['banjir', 'jalan', 'yang', 'gang'],
      ['banjir', 'jalan', 'rumah'],
      ['banjir', 'saluran', 'jalan', 'mampet'],
      ['banjir', 'saluran', 'mampet'],
      ['banjir', 'jalan'],
      ['lampu', 'mati', 'jalan'],
      ['sampah', 'jalan'],
      ['banjir', 'banjir', 'banjir', 'jalan'],
    ];
    const baseline: string[][] = [];
    for (let i = 0; i < 60; i++) {
      const k = i % 4;
      baseline.push(
        k === 0 ? ['lampu', 'mati', 'jalan'] : k === 1 ? ['sampah', 'jalan', 'tumpuk'] : k === 2 ? ['jalan', 'lubang'] : ['antre', 'lama'],
      );
    }
    baseline.push(['banjir', 'jalan']);
    const top = topKeywords(week, baseline, 5);
    expect(top[0].term).toBe('banjir');
    expect(top[0].count).toBe(6); // document frequency, not 8 occurrences
    expect(top[0].baselineCount).toBe(1);
    expect(top[0].z).toBeGreaterThan(1.96);
    const terms = top.map((k) => k.term);
    expect(terms).not.toContain('jalan'); // in most documents: stop-word-like
    expect(terms).not.toContain('yang');
    expect(terms).not.toContain('lampu'); // as common as usual
    expect(topKeywords([], baseline, 5)).toEqual([]);
  });
});

describe('per1000', () => {
  it('scales by population and refuses unknown populations', () => {
    expect(per1000(5, 2500)).toBe(2);
    expect(per1000(0, 1000)).toBe(0);
    expect(per1000(3, 0)).toBeNaN();
    expect(per1000(3, Number.NaN)).toBeNaN();
  });
});
