import { baselineWindow, cycleWindow, effectiveAsOf, MetricContext, MetricDefinition, MetricResult, NOT_STARTED, Query, quarterStart, rateChange, round, Window } from './metric';

/** Aspirations sent through the portal plus citizen satisfaction answers in [from, to). */
export async function portalParticipation(query: Query, w: Window): Promise<number> {
  const [row] = await query(
    `SELECT (SELECT count(*) FROM aspiration WHERE channel = 'portal' AND submitted_at >= $1 AND submitted_at < $2)
          + (SELECT count(*) FROM survey_response WHERE kind = 'citizen_satisfaction' AND created_at >= $1 AND created_at < $2) AS n`,
    [w.from, w.to],
  );
  return Number(row.n);
}

/** Portal participation per day in the elapsed cycle against the baseline period, in percent. */
export const participationGrowth: MetricDefinition = {
  key: 'participation_growth',
  label: 'Pertumbuhan partisipasi warga di portal',
  unit: '%',
  direction: 'increase',
  description: 'Aspirasi lewat portal + jawaban survei kepuasan warga per hari, dibanding periode dasar (%).',
  async compute(ctx: MetricContext): Promise<MetricResult> {
    const w = cycleWindow(ctx);
    if (!w) return { value: null, reason: NOT_STARTED };
    const b = baselineWindow(ctx);
    return rateChange(await portalParticipation(ctx.query, w), w.days, await portalParticipation(ctx.query, b), b.days, 'partisipasi');
  },
};

/** Average hours from submission to the first public reply, for replies given in [from, to). */
async function responseHours(query: Query, w: Window): Promise<{ n: number; avg: number | null }> {
  const [row] = await query(
    `SELECT count(*)::int AS n, avg(extract(epoch FROM first_reply_at - submitted_at) / 3600) AS avg
     FROM aspiration WHERE first_reply_at >= $1 AND first_reply_at < $2`,
    [w.from, w.to],
  );
  return { n: row.n, avg: row.avg === null ? null : Number(row.avg) };
}

/** Change of the average response time (first reply) against the baseline period, in percent (negative is faster). */
export const responseTimeChange: MetricDefinition = {
  key: 'response_time_change',
  label: 'Perubahan rata-rata waktu respons',
  unit: '%',
  direction: 'decrease',
  description: 'Rata-rata jam dari aspirasi masuk sampai balasan pertama, dibanding periode dasar (%).',
  async compute(ctx) {
    const w = cycleWindow(ctx);
    if (!w) return { value: null, reason: NOT_STARTED };
    const current = await responseHours(ctx.query, w);
    const baseline = await responseHours(ctx.query, baselineWindow(ctx));
    const details = { currentAvgHours: current.avg === null ? null : round(current.avg, 2), currentReplies: current.n, baselineAvgHours: baseline.avg === null ? null : round(baseline.avg, 2), baselineReplies: baseline.n };
    if (baseline.avg === null || baseline.avg <= 0) return { value: null, reason: 'Belum ada balasan pada periode dasar', details };
    if (current.avg === null) return { value: null, reason: 'Belum ada balasan dalam siklus ini', details };
    return { value: round((current.avg / baseline.avg - 1) * 100, 1), details };
  },
};

function surveyAverage(key: string, kind: 'citizen_satisfaction' | 'asn_system', label: string, description: string): MetricDefinition {
  return {
    key,
    label,
    unit: 'skor 1-5',
    direction: 'increase',
    description,
    async compute(ctx) {
      const w = cycleWindow(ctx);
      if (!w) return { value: null, reason: NOT_STARTED };
      const [row] = await ctx.query(
        `SELECT count(*)::int AS n, avg(score) AS avg FROM survey_response WHERE kind = $1 AND created_at >= $2 AND created_at < $3`,
        [kind, w.from, w.to],
      );
      if (!row.n) return { value: null, reason: 'Belum ada jawaban survei dalam siklus ini', details: { answers: 0 } };
      return { value: round(Number(row.avg), 2), details: { answers: row.n } };
    },
  };
}

/** Average citizen satisfaction (1–5) of the answers given in the cycle so far. */
export const citizenSatisfaction = surveyAverage('citizen_satisfaction_avg', 'citizen_satisfaction', 'Rata-rata kepuasan warga', 'Rata-rata skor survei kepuasan warga (1–5) dalam siklus.');

/** Average ASN satisfaction with the system (1–5) in the cycle so far. */
export const asnSatisfaction = surveyAverage('asn_satisfaction_avg', 'asn_system', 'Rata-rata kepuasan ASN terhadap sistem', 'Rata-rata skor survei internal ASN (1–5) dalam siklus.');

/**
 * Open reports published in the current quarter (WIB), up to asOf.
 *
 * A report is one document of a report period (reports module): the policy
 * summary, the participation dataset and the final report. A document
 * offered in two formats (JSON and CSV, DOCX and PDF), or published again
 * after a correction, counts once per period, so one quarterly set counts 3.
 */
export const openReportsPerQuarter: MetricDefinition = {
  key: 'open_reports_per_quarter',
  label: 'Laporan kebijakan terbuka per triwulan',
  unit: 'laporan',
  direction: 'increase',
  description: 'Laporan terbuka (ringkasan kebijakan, data partisipasi per kecamatan, laporan akhir) yang dipublikasikan pada triwulan berjalan; satu laporan per periode dihitung sekali, berapa pun format atau versinya.',
  async compute(ctx) {
    if (!cycleWindow(ctx)) return { value: null, reason: NOT_STARTED };
    const asOf = effectiveAsOf(ctx);
    const from = quarterStart(asOf);
    const [row] = await ctx.query(
      `SELECT count(DISTINCT (period, kind))::int AS n, count(*)::int AS files FROM report WHERE published_at >= $1 AND published_at <= $2`,
      [from, asOf],
    );
    return { value: row.n, details: { quarterStart: from.toISOString(), files: row.files, source: 'report (published)' } };
  },
};

/** Forum attendance per day in the elapsed cycle against the baseline period, in percent. */
export const forumAttendanceChange: MetricDefinition = {
  key: 'forum_attendance_change',
  label: 'Perubahan kehadiran forum konsultasi publik',
  unit: '%',
  direction: 'increase',
  description: 'Jumlah kehadiran forum konsultasi per hari dalam siklus, dibanding periode dasar (%).',
  async compute(ctx) {
    const w = cycleWindow(ctx);
    if (!w) return { value: null, reason: NOT_STARTED };
    const b = baselineWindow(ctx);
    const sum = async (x: { from: Date; to: Date }) => {
      // held_on is a WIB date: compare it with the WIB days of the window.
      const [row] = await ctx.query(
        `SELECT coalesce(sum(attendance), 0)::int AS n FROM forum_event
         WHERE held_on >= ($1::timestamptz AT TIME ZONE 'Asia/Jakarta')::date AND held_on < ($2::timestamptz AT TIME ZONE 'Asia/Jakarta')::date`,
        [x.from, x.to],
      );
      return row.n as number;
    };
    // Whole days: a forum on the current day counts once the day has started.
    const to = new Date(Math.ceil((w.to.getTime() + 7 * 3600_000) / 86_400_000) * 86_400_000 - 7 * 3600_000);
    const days = (to.getTime() - w.from.getTime()) / 86_400_000;
    return rateChange(await sum({ from: w.from, to }), days, await sum(b), b.days, 'kehadiran forum');
  },
};

/** The planning year asked for in the key result's params (`{ "year": 2026 }`), if any. */
function requestedYear(params: Record<string, unknown>): number | null {
  const y = params.year;
  return typeof y === 'number' && Number.isInteger(y) ? y : null;
}

/**
 * Share of Musrenbang proposals that became policy (the blueprint: 65% never
 * do): of the proposals of one planning year imported by the moment
 * measured, those linked to a policy by then, in percent. The year is the
 * key result's `params.year`, or the latest year with proposals up to the
 * year measured. Same count as the collector's funnel (linked to policy).
 */
export const musrenbangAdoptionShare: MetricDefinition = {
  key: 'musrenbang_adoption_share',
  label: 'Usulan Musrenbang yang menjadi kebijakan',
  unit: '%',
  direction: 'increase',
  description: 'Persentase usulan Musrenbang satu tahun perencanaan (params.year, bawaan: tahun terakhir) yang sudah ditautkan ke kebijakan.',
  async compute(ctx) {
    const asOf = effectiveAsOf(ctx);
    const [row] = await ctx.query(
      `WITH y AS (
         SELECT coalesce($1::int, (SELECT max(year) FROM musrenbang_proposal
                                   WHERE created_at <= $2 AND year <= extract(year FROM $2::timestamptz AT TIME ZONE 'Asia/Jakarta'))) AS year)
       SELECT y.year, count(p.id)::int AS proposals,
              count(p.id) FILTER (WHERE EXISTS (
                SELECT 1 FROM musrenbang_proposal_link l WHERE l.proposal_id = p.id AND l.policy_id IS NOT NULL AND l.created_at <= $2))::int AS linked
       FROM y LEFT JOIN musrenbang_proposal p ON p.year = y.year AND p.created_at <= $2
       GROUP BY y.year`,
      [requestedYear(ctx.params), asOf],
    );
    if (!row || row.year === null || row.proposals === 0) {
      const which = row?.year ? ` tahun ${row.year}` : '';
      return { value: null, reason: `Belum ada usulan Musrenbang${which} yang diimpor (unggah ekspor e-Musrenbang ke kolektor, atau npm run cli -- import musrenbang)` };
    }
    return {
      value: round((row.linked / row.proposals) * 100, 1),
      details: { year: row.year, proposals: row.proposals, linkedToPolicy: row.linked, source: 'musrenbang_proposal, musrenbang_proposal_link' },
    };
  },
};
