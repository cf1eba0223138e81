import { addWorkingDays, isWorkingDay, wibDate, workingDaysBetween } from '../working-days';

const holidays = new Set(['2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-12-24', '2026-12-25']);
/** The deadline's WIB calendar date. */
const due = (iso: string, n: number) => wibDate(addWorkingDays(new Date(iso), n, holidays));

describe('working days (WIB)', () => {
  it('skips weekends', () => {
    // Thursday 2026-01-08 10:00 WIB + 3 working days = Tuesday 2026-01-13
    expect(due('2026-01-08T03:00:00Z', 3)).toBe('2026-01-13');
    // Friday + 1 = Monday
    expect(due('2026-01-09T03:00:00Z', 1)).toBe('2026-01-12');
  });

  it('counts the day by the WIB calendar, not UTC', () => {
    // 2026-01-09 18:30 UTC is already Saturday 01:30 WIB: the next working day is Monday.
    expect(due('2026-01-09T18:30:00Z', 1)).toBe('2026-01-12');
    // 2026-01-08 17:30 UTC is Friday 00:30 WIB: +1 = Monday.
    expect(due('2026-01-08T17:30:00Z', 1)).toBe('2026-01-12');
  });

  it('skips holidays and collective leave (Idul Fitri 2026)', () => {
    // Wednesday 2026-03-18 + 3: 19–24 are holidays/leave, 21–22 weekend → 25, 26, 27
    expect(due('2026-03-18T03:00:00Z', 3)).toBe('2026-03-27');
    // the auto-close clock across Christmas: Tue 2026-12-22 + 10 → skip 24, 25 and two weekends
    expect(due('2026-12-22T03:00:00Z', 10)).toBe('2027-01-07');
  });

  it('ends a deadline at the last millisecond of the day in WIB', () => {
    const d = addWorkingDays(new Date('2026-01-08T03:00:00Z'), 3, holidays);
    expect(d.toISOString()).toBe('2026-01-13T16:59:59.999Z');
  });

  it('recognises working days and counts them between two instants', () => {
    expect(isWorkingDay('2026-01-10', holidays)).toBe(false);
    expect(isWorkingDay('2026-03-23', holidays)).toBe(false);
    expect(isWorkingDay('2026-03-25', holidays)).toBe(true);
    expect(workingDaysBetween(new Date('2026-03-18T03:00:00Z'), new Date('2026-03-27T03:00:00Z'), holidays)).toBe(3);
  });
});
