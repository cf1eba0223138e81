import type { AspirationChannel, AspirationStatus } from '@ogh/domain';
import { allocate, categoryWeights, daysBetween, dayWeight } from './demo-shape';
import { cumulative, hash32, hashString, Rng } from './demo-random';
import { REJECTION_REASONS, REPLIES, TEXT_CLOSINGS, TEXT_OPENINGS } from './demo-texts';
import { DEMO_TRACKING_PREFIX } from './demo-marker';

const H = 3_600_000;
const DAY = 24 * H;
const WIB = 7 * H;

export interface DemoTemplate {
  no: number;
  text: string;
  /** The redacted copy (the corpus holds no personal data, but the rule is the rule). */
  publicText: string;
}

export interface DemoCalendarDay {
  dueVerifyAt: Date;
  duePlanAt: Date;
  /** autoCloseAt of an aspiration resolved on this day. */
  dueCloseAt: Date;
}

/** Everything a row depends on besides its number: reference data, texts, deadlines, and "now". */
export interface GeneratorContext {
  seed: number;
  now: Date;
  /** WIB days with their number of aspirations, oldest first. */
  days: { date: string; count: number }[];
  kelurahan: { code: string; name: string; kecamatanCode: string }[];
  categories: { code: string; opdId: number }[];
  templates: Record<string, DemoTemplate[]>;
  /** Adopted/implemented policies an aspiration of the category can become. */
  policiesByCategory: Record<string, string[]>;
  /** SLA deadlines by WIB day, from the feedback module's calendar. */
  calendar(date: string): DemoCalendarDay;
  isWorkingDay(date: string): boolean;
  /** A local surge in the last complete week, so the emerging-issue detector has something to find. */
  spike?: { fromDate: string; toDate: string; categoryCode: string; kelurahanCodes: string[] };
  /** From this day the portal campaign of the OKR cycle runs: more portal use, faster replies. */
  boostFrom?: string;
}

/** One demo aspiration with the timeline the feedback workflow would have produced. */
export interface DemoAspirationRow {
  id: string;
  trackingCode: string;
  templateNo: number;
  text: string;
  publicText: string;
  categoryCode: string;
  categorySource: 'citizen' | 'auto';
  kelurahanCode: string;
  kecamatanCode: string;
  latitude: number | null;
  longitude: number | null;
  channel: AspirationChannel;
  status: AspirationStatus;
  opdId: number;
  policyId: string | null;
  submittedAt: Date;
  verifiedAt: Date | null;
  firstReplyAt: Date | null;
  plannedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closeReason: 'confirmed' | 'auto' | 'rejected' | 'adopted' | null;
  dueVerifyAt: Date;
  duePlanAt: Date;
  dueCloseAt: Date | null;
  dueAt: Date | null;
  breachedVerify: boolean;
  breachedPlan: boolean;
  satisfaction: number | null;
  rejectionReason: string | null;
  replyText: string | null;
  updatedAt: Date;
}

/** The WIB calendar day of an instant. */
export function wibDay(t: number): string {
  return new Date(t + WIB).toISOString().slice(0, 10);
}

/** Days since the epoch of an instant's WIB calendar day (cheap; used in the hot loop instead of date strings). */
export function wibDayNumber(t: number): number {
  return Math.floor((t + WIB) / DAY);
}

/** Memoised day number → YYYY-MM-DD and working-day lookups: formatting dates dominated the generator's time. */
function dayCache(isWorkingDay: (d: string) => boolean) {
  const names = new Map<number, string>();
  const working = new Map<number, boolean>();
  const name = (n: number) => {
    let s = names.get(n);
    if (s === undefined) names.set(n, (s = new Date(n * DAY).toISOString().slice(0, 10)));
    return s;
  };
  return {
    name,
    isWorking(n: number): boolean {
      let w = working.get(n);
      if (w === undefined) working.set(n, (w = isWorkingDay(name(n))));
      return w;
    },
  };
}

/**
 * The first office moment (08:00–16:00 WIB on a working day, at the hour
 * picked by u) not before t: ASN act during office hours.
 */
export function officeTime(t: number, u: number, isWorkingDayNumber: (n: number) => boolean): number {
  const offset = (8 + 8 * u) * H;
  let n = wibDayNumber(t);
  if (n * DAY - WIB + offset < t) n++;
  for (let i = 0; i < 30 && !isWorkingDayNumber(n); i++) n++;
  return n * DAY - WIB + offset;
}

/** Per-day counts over the period: weekly rhythm, holidays, growth, with day-to-day noise. */
export function planDays(seed: number, from: string, to: string, total: number, holidays: ReadonlySet<string>, boostFrom?: string): { date: string; count: number }[] {
  const dates = daysBetween(from, to);
  const weights = dates.map((d, i) => {
    const noise = 0.8 + 0.4 * (hash32((hashString(d) ^ hash32(seed)) >>> 0) / 4294967296);
    return dayWeight(d, dates.length > 1 ? i / (dates.length - 1) : 1, holidays.has(d), noise) * (boostFrom && d >= boostFrom ? 1.15 : 1);
  });
  return allocate(weights, total).map((count, i) => ({ date: dates[i], count }));
}

const SATISFACTION = (t: number) => cumulative([0.04, 0.06, 0.15, 0.42 - 0.1 * t, 0.33 + 0.1 * t]);
const SLOW_CATEGORIES = new Set(['infrastruktur_jalan', 'drainase_banjir', 'penerangan_jalan']);

/** A stable UUID per (seed, row): the seed's hash, then the row number. */
export function demoId(seed: number, row: number): string {
  return `${hash32(seed >>> 0).toString(16).padStart(8, '0')}-de00-4000-8000-${row.toString(16).padStart(12, '0')}`;
}

export function demoTrackingCode(row: number): string {
  return `${DEMO_TRACKING_PREFIX}${String(row).padStart(7, '0')}`;
}

/**
 * Generates the aspirations of rows [from, to) (row numbers start at 1 in
 * tracking codes). Deterministic: a row depends only on the seed, its number
 * and the context, never on the chunking.
 */
export function* generateAspirations(ctx: GeneratorContext, from: number, to: number): Generator<DemoAspirationRow> {
  const now = ctx.now.getTime();
  const kelCum = cumulative(ctx.kelurahan.map((k) => 0.6 + (hash32((hashString(k.code) ^ hash32(ctx.seed)) >>> 0) / 4294967296)));
  const monthCum = Array.from({ length: 12 }, (_, m) => cumulative(categoryWeights(ctx.categories.map((c) => c.code), m + 1)));
  const fallback = Object.values(ctx.templates).find((t) => t.length) ?? [];
  const kelByCode = new Map(ctx.kelurahan.map((k) => [k.code, k]));
  const catByCode = new Map(ctx.categories.map((c) => [c.code, c]));
  const nDays = ctx.days.length;
  const days = dayCache(ctx.isWorkingDay);

  let dayIndex = 0;
  let dayStart = 0;
  while (dayIndex < nDays && dayStart + ctx.days[dayIndex].count <= from) dayStart += ctx.days[dayIndex++].count;

  for (let i = from; i < to && dayIndex < nDays; i++) {
    while (dayIndex < nDays && i >= dayStart + ctx.days[dayIndex].count) dayStart += ctx.days[dayIndex++].count;
    if (dayIndex >= nDays) break;
    const date = ctx.days[dayIndex].date;
    const t = nDays > 1 ? dayIndex / (nDays - 1) : 1;
    const r = new Rng(ctx.seed, i);
    const boosted = !!ctx.boostFrom && date >= ctx.boostFrom;
    const speed = (1.25 - 0.5 * t) * (boosted ? 0.7 : 1);
    const office = (x: number) => officeTime(x, r.next(), days.isWorking);

    // When: mostly daytime, some evening, a few at night.
    const band = r.next();
    const hour = band < 0.6 ? 7 + 10 * r.next() : band < 0.9 ? 17 + 5 * r.next() : (22 + 9 * r.next()) % 24;
    const submitted = Date.parse(`${date}T00:00:00Z`) - WIB + Math.floor(hour * H);

    // What and where.
    let category = ctx.categories[r.weighted(monthCum[Number(date.slice(5, 7)) - 1])];
    let kel = ctx.kelurahan[r.weighted(kelCum)];
    const s = ctx.spike;
    if (s && date >= s.fromDate && date <= s.toDate && r.chance(0.35)) {
      category = catByCode.get(s.categoryCode) ?? category;
      kel = kelByCode.get(s.kelurahanCodes[r.int(s.kelurahanCodes.length)]) ?? kel;
    }
    const pool = ctx.templates[category.code]?.length ? ctx.templates[category.code] : fallback;
    const tpl = pool[r.int(pool.length)];
    const opening = r.pick(TEXT_OPENINGS);
    const closing = r.pick(TEXT_CLOSINGS);
    const place = r.chance(0.3) ? ` Lokasi: Kel. ${kel.name}.` : '';
    const hasPoint = r.chance(0.35);
    const lat = hasPoint ? -7.63 + (r.next() - 0.5) * 0.06 : null;
    const lng = hasPoint ? 111.53 + (r.next() - 0.5) * 0.05 : null;
    const c = r.next();
    const portal = 0.45 + 0.2 * t + (boosted ? 0.1 : 0);
    const rest = (c - portal) / (1 - portal);
    const channel: AspirationChannel = c < portal ? 'portal' : rest < 0.45 ? 'whatsapp' : rest < 0.65 ? 'other' : rest < 0.75 ? 'sms' : rest < 0.9 ? 'forum' : 'musrenbang';
    const categorySource = r.chance(0.7) ? 'citizen' : 'auto';

    // The timeline the workflow would produce (received → verified → in_progress → resolved → closed), faster over time.
    const cal = ctx.calendar(date);
    const outcome = r.next();
    const policies = ctx.policiesByCategory[category.code] ?? [];
    const kind =
      outcome < 0.05 ? 'reject' : outcome < 0.065 && policies.length ? 'adopt' : outcome < 0.075 ? 'stall-received' : outcome < 0.095 ? 'stall-verified' : outcome < 0.14 ? 'stall-progress' : 'normal';
    const tV = office(submitted + (r.chance(0.85) ? 2 + r.exp(22) : 70 + r.exp(90)) * H * speed);
    let tReply: number | null = r.chance(0.9) ? office(tV + r.exp(18) * H * speed) : null;
    const tP = office(tV + (r.chance(0.88) ? r.exp(30) : 100 + r.exp(80)) * H * speed);
    const tR = office(tP + (0.5 + r.exp(SLOW_CATEGORIES.has(category.code) ? 18 : 7)) * DAY * speed);
    const tA = office(tV + (3 + r.exp(12)) * DAY);
    const confirms = r.chance(0.35);
    const confirmDelay = (0.2 + r.exp(2.5)) * DAY;
    const closeMinutes = 2 + r.int(13);
    const score = 1 + r.weighted(SATISFACTION(t));
    const replyText = r.pick(REPLIES);
    const rejectionReason = r.pick(REJECTION_REASONS);
    const policyId = policies.length ? policies[r.int(policies.length)] : null;
    const reached = (x: number | null): x is number => x !== null && x <= now;

    const row: DemoAspirationRow = {
      id: demoId(ctx.seed, i + 1),
      trackingCode: demoTrackingCode(i + 1),
      templateNo: tpl.no,
      text: opening + tpl.text + closing + place,
      publicText: opening + tpl.publicText + closing + place,
      categoryCode: category.code,
      categorySource,
      kelurahanCode: kel.code,
      kecamatanCode: kel.kecamatanCode,
      latitude: lat,
      longitude: lng,
      channel,
      status: 'received',
      opdId: category.opdId,
      policyId: null,
      submittedAt: new Date(submitted),
      verifiedAt: null,
      firstReplyAt: null,
      plannedAt: null,
      resolvedAt: null,
      closedAt: null,
      closeReason: null,
      dueVerifyAt: cal.dueVerifyAt,
      duePlanAt: cal.duePlanAt,
      dueCloseAt: null,
      dueAt: null,
      breachedVerify: false,
      breachedPlan: false,
      satisfaction: null,
      rejectionReason: null,
      replyText: null,
      updatedAt: new Date(submitted),
    };

    if (kind === 'reject') {
      if (reached(tV)) {
        row.status = 'rejected';
        row.closedAt = new Date(tV);
        row.closeReason = 'rejected';
        row.rejectionReason = rejectionReason;
        row.firstReplyAt = new Date(tV);
        row.replyText = replyText;
      }
    } else if (kind !== 'stall-received' && reached(tV)) {
      row.status = 'verified';
      row.verifiedAt = new Date(tV);
      if (kind === 'adopt') {
        if (tReply === null || tReply > tA) tReply = tA;
        if (reached(tA)) {
          row.status = 'adopted';
          row.closedAt = new Date(tA);
          row.closeReason = 'adopted';
          row.policyId = policyId;
        }
      } else if (kind !== 'stall-verified' && reached(tP)) {
        row.status = 'in_progress';
        row.plannedAt = new Date(tP);
        if (kind !== 'stall-progress' && reached(tR)) {
          row.status = 'resolved';
          row.resolvedAt = new Date(tR);
          if (tReply === null || tReply > tR) tReply = tR;
          const dueClose = ctx.calendar(days.name(wibDayNumber(tR))).dueCloseAt;
          row.dueCloseAt = dueClose;
          const tConfirm = tR + confirmDelay;
          if (confirms && tConfirm < dueClose.getTime() && reached(tConfirm)) {
            row.closedAt = new Date(tConfirm);
            row.closeReason = 'confirmed';
            row.satisfaction = score;
          } else if (reached(dueClose.getTime() + closeMinutes * 60_000)) {
            row.closedAt = new Date(dueClose.getTime() + closeMinutes * 60_000);
            row.closeReason = 'auto';
          }
        }
      }
      if (reached(tReply)) {
        row.firstReplyAt = new Date(tReply);
        row.replyText = replyText;
      }
    }

    // Breaches as the workflow and the SLA sweep record them: the phase ended (or is still open) after its deadline.
    const endReceived = row.verifiedAt ?? row.closedAt ?? ctx.now;
    const endPlanning = row.plannedAt ?? row.closedAt ?? ctx.now;
    row.breachedVerify = endReceived > row.dueVerifyAt;
    row.breachedPlan = endPlanning > row.duePlanAt;
    row.dueAt = row.closedAt ? null : row.status === 'received' ? row.dueVerifyAt : row.status === 'verified' ? row.duePlanAt : row.status === 'resolved' ? row.dueCloseAt : null;
    row.updatedAt = new Date(Math.max(submitted, ...[row.verifiedAt, row.firstReplyAt, row.plannedAt, row.resolvedAt, row.closedAt].map((d) => d?.getTime() ?? 0)));
    yield row;
  }
}
