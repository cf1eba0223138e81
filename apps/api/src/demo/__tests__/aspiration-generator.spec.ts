import { addWorkingDays, isWorkingDay, SLA } from '../../feedback/sla/working-days';
import { DemoAspirationRow, DemoCalendarDay, GeneratorContext, generateAspirations, officeTime, planDays, wibDay } from '../aspiration-generator';
import { allocate, daysBetween } from '../demo-shape';
import { Rng } from '../demo-random';

const holidays = new Set(['2026-08-17', '2026-12-25']);
const noon = (d: string) => new Date(Date.parse(`${d}T05:00:00Z`));

function context(seed: number, total: number, now = new Date('2026-11-27T10:00:00Z')): GeneratorContext {
  const calendar = new Map<string, DemoCalendarDay>();
  const from = '2024-11-27';
  const to = '2026-11-26';
  const categories = ['infrastruktur_jalan', 'drainase_banjir', 'kesehatan', 'pendidikan'].map((code, i) => ({ code, opdId: i + 1 }));
  const templates = Object.fromEntries(categories.map((c, i) => [c.code, [0, 1, 2].map((j) => ({ no: i * 3 + j, text: `Teks ${c.code} ${j}`, publicText: `Teks ${c.code} ${j}` }))]));
  return {
    seed,
    now,
    days: planDays(seed, from, to, total, holidays),
    kelurahan: ['35.77.01.1001', '35.77.01.1002', '35.77.03.1009'].map((code) => ({ code, name: `Kel ${code}`, kecamatanCode: code.slice(0, 8) })),
    categories,
    templates,
    policiesByCategory: { infrastruktur_jalan: ['11111111-1111-4111-8111-111111111111'] },
    calendar: (d) => {
      let c = calendar.get(d);
      if (!c) {
        c = { dueVerifyAt: addWorkingDays(noon(d), SLA.verifyDays, holidays), duePlanAt: addWorkingDays(noon(d), SLA.planDays, holidays), dueCloseAt: addWorkingDays(noon(d), SLA.autoCloseDays, holidays) };
        calendar.set(d, c);
      }
      return c;
    },
    isWorkingDay: (d) => isWorkingDay(d, holidays),
  };
}

const all = (ctx: GeneratorContext, total: number, chunk: number) => {
  const rows: DemoAspirationRow[] = [];
  for (let from = 0; from < total; from += chunk) rows.push(...generateAspirations(ctx, from, Math.min(total, from + chunk)));
  return rows;
};

describe('demo aspiration generator', () => {
  it('allocates exactly the total over the days', () => {
    expect(allocate([1, 2, 3, 0.5], 1000).reduce((a, b) => a + b, 0)).toBe(1000);
    const days = planDays(3, '2024-11-27', '2026-11-26', 12345, holidays);
    expect(days).toHaveLength(730);
    expect(days.reduce((a, d) => a + d.count, 0)).toBe(12345);
  });

  it('is deterministic per seed and independent of the chunking', () => {
    const a = all(context(5, 1500), 1500, 1500);
    const b = all(context(5, 1500), 1500, 400);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = all(context(6, 1500), 1500, 1500);
    expect(c.map((r) => r.text)).not.toEqual(a.map((r) => r.text));
    expect(new Set(a.map((r) => r.id)).size).toBe(1500);
    expect(a.every((r) => /^DEMO-\d{7}$/.test(r.trackingCode))).toBe(true);
  });

  it('produces timelines the workflow allows, with deadlines from the SLA calendar', () => {
    const ctx = context(1, 2500);
    const rows = all(ctx, 2500, 1000);
    const now = ctx.now.getTime();
    // Collected, then asserted once: thousands of expect() calls would dominate the test's time.
    const problems: string[] = [];
    const check = (r: DemoAspirationRow, ok: unknown, what: string) => {
      if (!ok) problems.push(`${r.trackingCode} ${r.status}: ${what}`);
    };
    for (const r of rows) {
      const times = [r.submittedAt, r.verifiedAt, r.plannedAt, r.resolvedAt].filter((d): d is Date => !!d).map((d) => d.getTime());
      check(r, times.every((x, i) => i === 0 || x >= times[i - 1]), 'workflow timestamps out of order');
      check(r, [r.verifiedAt, r.firstReplyAt, r.plannedAt, r.resolvedAt, r.closedAt].every((d) => !d || d.getTime() <= now), 'timestamp in the future');
      check(r, !r.firstReplyAt || r.firstReplyAt >= r.submittedAt, 'reply before submission');
      check(r, !r.resolvedAt || (r.firstReplyAt && r.firstReplyAt <= r.resolvedAt), 'resolved without an earlier reply');
      check(r, !r.closedAt || !r.resolvedAt || r.closedAt >= r.resolvedAt, 'closed before resolved');
      check(r, r.dueVerifyAt.getTime() === ctx.calendar(wibDay(r.submittedAt.getTime())).dueVerifyAt.getTime(), 'verify deadline not from the calendar');
      check(r, r.breachedVerify === (r.verifiedAt ?? r.closedAt ?? ctx.now) > r.dueVerifyAt, 'verify breach flag');
      switch (r.status) {
        case 'received':
          check(r, !r.verifiedAt && !r.closedAt && r.dueAt === r.dueVerifyAt, 'received fields');
          break;
        case 'verified':
          check(r, r.verifiedAt && !r.plannedAt && !r.closedAt && r.dueAt === r.duePlanAt, 'verified fields');
          break;
        case 'in_progress':
          check(r, r.plannedAt && !r.resolvedAt && r.dueAt === null, 'in_progress fields');
          break;
        case 'resolved':
          check(r, !!r.resolvedAt && r.dueCloseAt?.getTime() === ctx.calendar(wibDay(r.resolvedAt.getTime())).dueCloseAt.getTime(), 'auto-close deadline not from the calendar');
          check(r, r.closedAt ? r.dueAt === null && (r.closeReason === 'confirmed' || r.closeReason === 'auto') : r.dueAt === r.dueCloseAt, 'resolved closing fields');
          check(r, r.closeReason !== 'confirmed' || (r.satisfaction ?? 0) >= 1, 'confirmed without satisfaction');
          check(r, r.closeReason !== 'auto' || (!!r.closedAt && !!r.dueCloseAt && r.closedAt > r.dueCloseAt), 'auto-closed before the deadline');
          break;
        case 'rejected':
          check(r, r.closeReason === 'rejected' && !!r.rejectionReason && !!r.closedAt, 'rejected fields');
          break;
        case 'adopted':
          check(r, r.policyId && r.closeReason === 'adopted' && r.verifiedAt, 'adopted fields');
          break;
      }
    }
    expect(problems).toEqual([]);
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['adopted', 'in_progress', 'received', 'rejected', 'resolved', 'verified']);
    expect(rows.some((r) => r.breachedVerify) && rows.some((r) => !r.breachedVerify)).toBe(true);
  });

  it('puts ASN actions in office hours on working days', () => {
    const rng = new Rng(1, 1);
    for (let i = 0; i < 500; i++) {
      const t = Date.parse('2026-08-14T00:00:00Z') + rng.next() * 5 * 86_400_000;
      const o = officeTime(t, rng.next(), (n) => isWorkingDay(new Date(n * 86_400_000).toISOString().slice(0, 10), holidays));
      expect(o).toBeGreaterThanOrEqual(t);
      expect(isWorkingDay(wibDay(o), holidays)).toBe(true);
      const wibHour = new Date(o + 7 * 3_600_000).getUTCHours();
      expect(wibHour).toBeGreaterThanOrEqual(8);
      expect(wibHour).toBeLessThan(16);
    }
  });

  it('has a weekly rhythm and more flood reports in the rainy season', () => {
    const rows = all(context(2, 8000), 8000, 8000);
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const r of rows) byWeekday[(new Date(r.submittedAt.getTime() + 7 * 3_600_000).getUTCDay() + 6) % 7]++;
    expect(Math.min(...byWeekday.slice(0, 5))).toBeGreaterThan(1.4 * Math.max(...byWeekday.slice(5)));
    const share = (months: number[]) => {
      const inMonths = rows.filter((r) => months.includes(Number(wibDay(r.submittedAt.getTime()).slice(5, 7))));
      return inMonths.filter((r) => r.categoryCode === 'drainase_banjir').length / inMonths.length;
    };
    expect(share([12, 1, 2])).toBeGreaterThan(3 * share([6, 7, 8]));
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });
});
