import { parsePeriod, periodContaining, previousPeriod, quarterPeriod, wibDayStart } from '../report-period';

describe('report periods (WIB quarters)', () => {
  it('describes a quarter by its WIB days', () => {
    expect(quarterPeriod(2026, 4)).toEqual({ code: '2026-Q4', year: 2026, quarter: 4, firstDay: '2026-10-01', lastDay: '2026-12-31', nextFirstDay: '2027-01-01', label: 'Triwulan IV 2026' });
    expect(quarterPeriod(2024, 1)).toMatchObject({ firstDay: '2024-01-01', lastDay: '2024-03-31', nextFirstDay: '2024-04-01' });
  });

  it('places instants in WIB: 31 Dec 18:00 UTC is already the next quarter in Madiun', () => {
    expect(periodContaining(new Date('2026-12-31T16:59:59Z')).code).toBe('2026-Q4');
    expect(periodContaining(new Date('2026-12-31T17:00:00Z')).code).toBe('2027-Q1');
    expect(previousPeriod(new Date('2027-01-01T06:00:00+07:00')).code).toBe('2026-Q4');
    expect(previousPeriod(new Date('2026-08-15T00:00:00+07:00')).code).toBe('2026-Q2');
    expect(wibDayStart('2026-10-01').toISOString()).toBe('2026-09-30T17:00:00.000Z');
  });

  it('refuses malformed periods with a field error', () => {
    expect(parsePeriod('2025-Q3').lastDay).toBe('2025-09-30');
    for (const bad of ['2025-Q0', '2025-Q5', '2025Q1', '25-Q1']) expect(() => parsePeriod(bad)).toThrow('period: must be a quarter such as 2026-Q4');
  });
});
