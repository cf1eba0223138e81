import { cycleWeek, elapsedShare, grade, gradeProgress, gradeStatus, nearestScenario } from '../grading';

const CYCLE = { startDate: '2026-01-01', endDate: '2026-03-31' };
const at = (isoWib: string) => new Date(`${isoWib}+07:00`);

describe('OKR grading (pure)', () => {
  describe('progress from baseline to target, 0.0–1.0', () => {
    it('increasing key results', () => {
      expect(gradeProgress(20, 0, 40, 'increase')).toBe(0.5);
      expect(gradeProgress(40, 0, 40, 'increase')).toBe(1);
      expect(gradeProgress(55, 0, 40, 'increase')).toBe(1);
      expect(gradeProgress(-5, 0, 40, 'increase')).toBe(0);
      // Satisfaction from the bottom of the scale: (4 - 1) / (4.5 - 1)
      expect(gradeProgress(4, 1, 4.5, 'increase')).toBe(0.86);
    });

    it('decreasing key results (response time -30%)', () => {
      expect(gradeProgress(-15, 0, -30, 'decrease')).toBe(0.5);
      expect(gradeProgress(-30, 0, -30, 'decrease')).toBe(1);
      expect(gradeProgress(-42, 0, -30, 'decrease')).toBe(1);
      expect(gradeProgress(10, 0, -30, 'decrease')).toBe(0);
    });

    it('no value, no progress', () => {
      expect(gradeProgress(null, 0, 40, 'increase')).toBeNull();
      expect(gradeProgress(Number.NaN, 0, 40, 'increase')).toBeNull();
    });
  });

  describe('elapsed share of the cycle (WIB days)', () => {
    it('is 0 before, 1 after, and linear between', () => {
      expect(elapsedShare(CYCLE.startDate, CYCLE.endDate, at('2025-12-31T23:00:00'))).toBe(0);
      expect(elapsedShare(CYCLE.startDate, CYCLE.endDate, at('2026-01-01T00:00:00'))).toBe(0);
      expect(elapsedShare(CYCLE.startDate, CYCLE.endDate, at('2026-02-15T00:00:00'))).toBe(0.5); // 45 of 90 days
      expect(elapsedShare(CYCLE.startDate, CYCLE.endDate, at('2026-04-01T00:00:00'))).toBe(1);
      expect(elapsedShare(CYCLE.startDate, CYCLE.endDate, at('2026-07-01T00:00:00'))).toBe(1);
    });

    it('weeks of the cycle: Build 1–4, Empower 5–8, Deploy & Measure 9–12', () => {
      expect(cycleWeek(CYCLE.startDate, CYCLE.endDate, at('2026-01-01T08:00:00'))).toBe(1);
      expect(cycleWeek(CYCLE.startDate, CYCLE.endDate, at('2026-01-29T00:00:00'))).toBe(5);
      expect(cycleWeek(CYCLE.startDate, CYCLE.endDate, at('2026-03-31T23:59:00'))).toBe(13);
      expect(cycleWeek(CYCLE.startDate, CYCLE.endDate, at('2026-04-01T00:00:00'))).toBeNull();
    });
  });

  describe('status against the time elapsed', () => {
    it('on-track within 0.10 of the pace, at-risk within 0.30, off-track beyond', () => {
      expect(gradeStatus(0.5, 0.5)).toBe('on-track');
      expect(gradeStatus(0.4, 0.5)).toBe('on-track');
      expect(gradeStatus(0.39, 0.5)).toBe('at-risk');
      expect(gradeStatus(0.2, 0.5)).toBe('at-risk');
      expect(gradeStatus(0.19, 0.5)).toBe('off-track');
      expect(gradeStatus(0, 1)).toBe('off-track');
      expect(gradeStatus(null, 0.5)).toBe('no-data');
    });

    it('a reached target is on-track whenever; nothing is late at the start', () => {
      expect(gradeStatus(1, 0.1)).toBe('on-track');
      expect(gradeStatus(0, 0)).toBe('on-track');
      expect(gradeStatus(0, 0.1)).toBe('on-track');
    });

    it('the same value grades differently as the cycle goes on', () => {
      const kr = { value: 12, baseline: 0, target: 40, direction: 'increase' as const }; // progress 0.3
      expect(grade(kr, CYCLE, at('2026-01-19T00:00:00'))).toEqual({ progress: 0.3, status: 'on-track', elapsed: 0.2 });
      expect(grade(kr, CYCLE, at('2026-02-15T00:00:00'))).toEqual({ progress: 0.3, status: 'at-risk', elapsed: 0.5 });
      expect(grade(kr, CYCLE, at('2026-03-19T00:00:00'))).toMatchObject({ progress: 0.3, status: 'off-track' });
      expect(grade({ ...kr, value: null }, CYCLE, at('2026-02-15T00:00:00'))).toEqual({ progress: null, status: 'no-data', elapsed: 0.5 });
    });
  });

  it('names the blueprint scenario nearest the actual growth', () => {
    expect(nearestScenario(38.7)).toBe('optimistic');
    expect(nearestScenario(28)).toBe('optimistic');
    expect(nearestScenario(20)).toBe('moderate');
    expect(nearestScenario(8)).toBe('moderate');
    expect(nearestScenario(5)).toBe('pessimistic');
    expect(nearestScenario(-12)).toBe('pessimistic');
    expect(nearestScenario(null)).toBeNull();
  });
});
