import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MATERIALIZED_VIEWS } from '../analytics/analytics-views';
import { ReportData } from './report-data';
import { ReportPeriod, wibDayStart } from './report-period';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Reads what a report says from the analytics schema, and only from it: the
 * schema holds no personal data, so neither can a report. Day-grained views
 * are cut at the quarter's WIB days; the plain views (policies, OKR,
 * fellows) are as of generation.
 */
@Injectable()
export class ReportDataService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async collect(period: ReportPeriod, now = new Date()): Promise<ReportData> {
    const range = [period.firstDay, period.nextFirstDay];
    const [participation, categories, channels, service, policies, musrenbang, okr, fellows, dataAsOf] = await Promise.all([
      this.participation(period),
      this.ds.query(
        `SELECT c.category_code, c.category_label, coalesce(sum(p.aspirations), 0)::int AS aspirations, coalesce(sum(p.resolved), 0)::int AS resolved
         FROM analytics.dim_category c
         JOIN analytics.participation_daily p ON p.category_code = c.category_code AND p.day >= $1::date AND p.day < $2::date
         GROUP BY c.category_code, c.category_label, c.sort_order
         ORDER BY aspirations DESC, c.sort_order`,
        range,
      ),
      this.ds.query(
        `SELECT c.channel, c.channel_label, coalesce(sum(p.aspirations), 0)::int AS aspirations
         FROM analytics.dim_channel c
         LEFT JOIN analytics.participation_daily p ON p.channel = c.channel AND p.day >= $1::date AND p.day < $2::date
         GROUP BY c.channel, c.channel_label ORDER BY aspirations DESC, c.channel`,
        range,
      ),
      this.service(range),
      this.ds.query(
        `SELECT title, status, opd_name, to_char(published_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS published_on,
                ratings, average_score, linked_aspirations
         FROM analytics.policy_ratings
         WHERE published_at IS NOT NULL AND published_at < $1
         ORDER BY published_at DESC, title`,
        [wibDayStart(period.nextFirstDay)],
      ),
      this.ds.query(
        `SELECT stage, sum(proposed)::int AS proposed, sum(accommodated)::int AS accommodated, sum(linked_to_policy)::int AS linked_to_policy
         FROM analytics.musrenbang_funnel WHERE year = $1 GROUP BY stage ORDER BY sum(proposed) DESC, stage`,
        [period.year],
      ),
      this.ds.query(
        `SELECT cycle_name, key_result_title, unit, current_value, target, progress, status
         FROM analytics.okr_progress
         WHERE start_date < $2::date AND end_date >= $1::date
         ORDER BY start_date DESC, objective_code, key_result_code`,
        range,
      ),
      this.ds.query(
        `SELECT cohort_name, participants, attendance_pct, certified FROM analytics.fellows_progress
         WHERE (starts_on IS NULL OR starts_on < $1::date) ORDER BY starts_on NULLS LAST, cohort_name`,
        [period.nextFirstDay],
      ),
      this.ds.query(`SELECT min(refreshed_at) AS at, count(*)::int AS n FROM analytics.refresh_state WHERE view_name = ANY($1)`, [[...MATERIALIZED_VIEWS]]),
    ]);
    const totals = participation.reduce(
      (t, r) => ({ aspirations: t.aspirations + r.aspirations, resolved: t.resolved + r.resolved, supports: t.supports + r.supports, replied: t.replied + r.replied }),
      { aspirations: 0, resolved: 0, supports: 0, replied: 0 },
    );
    return {
      period,
      generatedAt: now,
      dataAsOf: dataAsOf[0].n === MATERIALIZED_VIEWS.length ? new Date(dataAsOf[0].at) : null,
      participation,
      totals,
      categories,
      channels,
      service,
      policies: policies.map((p: any) => ({ ...p, average_score: num(p.average_score) })),
      musrenbang: { year: period.year, rows: musrenbang },
      okr: okr.map((r: any) => ({ ...r, current_value: num(r.current_value), target: num(r.target), progress: r.progress === null ? null : round(Number(r.progress), 1) })),
      fellows: fellows.map((r: any) => ({ ...r, attendance_pct: num(r.attendance_pct) })),
    };
  }

  /** Every kecamatan (also those without aspirations), in code order. */
  private async participation(period: ReportPeriod): Promise<ReportData['participation']> {
    const rows: any[] = await this.ds.query(
      `WITH p AS (
         SELECT kecamatan_code, sum(aspirations)::int AS aspirations, sum(resolved)::int AS resolved, sum(supports)::int AS supports
         FROM analytics.participation_daily WHERE day >= $1::date AND day < $2::date GROUP BY kecamatan_code
       ), r AS (
         SELECT kecamatan_code, sum(replied)::int AS replied, sum(hours_to_reply_sum)::float8 AS hours
         FROM analytics.response_times_daily WHERE day >= $1::date AND day < $2::date GROUP BY kecamatan_code
       )
       SELECT k.kecamatan_code, k.kecamatan_name, k.population,
              coalesce(p.aspirations, 0) AS aspirations, coalesce(p.resolved, 0) AS resolved, coalesce(p.supports, 0) AS supports,
              coalesce(r.replied, 0) AS replied, r.hours
       FROM analytics.dim_kecamatan k LEFT JOIN p USING (kecamatan_code) LEFT JOIN r USING (kecamatan_code)
       ORDER BY k.kecamatan_code`,
      [period.firstDay, period.nextFirstDay],
    );
    const total = rows.reduce((s, r) => s + r.aspirations, 0);
    return rows.map((r) => ({
      period: period.code,
      kecamatan_code: r.kecamatan_code,
      kecamatan_name: r.kecamatan_name,
      population: r.population === null ? null : Number(r.population),
      aspirations: r.aspirations,
      resolved: r.resolved,
      supports: r.supports,
      per_1000: r.population > 0 ? round((r.aspirations * 1000) / Number(r.population), 2) : null,
      share_pct: total > 0 ? round((r.aspirations * 100) / total, 1) : 0,
      replied: r.replied,
      avg_hours_to_reply: r.replied > 0 ? round(r.hours / r.replied, 1) : null,
    }));
  }

  /** Response times (exact averages from the summed hours), SLA breaches and survey averages of the quarter. */
  private async service(range: string[]): Promise<ReportData['service']> {
    const [[t], sat] = await Promise.all([
      this.ds.query(
        `SELECT coalesce(sum(submitted), 0)::int AS submitted, coalesce(sum(verified), 0)::int AS verified, sum(hours_to_verify_sum)::float8 AS hv,
                coalesce(sum(replied), 0)::int AS replied, sum(hours_to_reply_sum)::float8 AS hr,
                coalesce(sum(resolved), 0)::int AS resolved, sum(hours_to_resolve_sum)::float8 AS hs,
                coalesce(sum(breached_verify), 0)::int AS bv, coalesce(sum(breached_plan), 0)::int AS bp
         FROM analytics.response_times_daily WHERE day >= $1::date AND day < $2::date`,
        range,
      ),
      this.ds.query(
        `SELECT kind, sum(responses)::int AS n, sum(score_sum)::float8 AS s FROM analytics.satisfaction_daily
         WHERE day >= $1::date AND day < $2::date GROUP BY kind`,
        range,
      ),
    ]);
    const avg = (sum: number | null, n: number) => (n > 0 && sum !== null ? round(sum / n, 1) : null);
    const survey = (kind: string) => sat.find((s: any) => s.kind === kind) ?? { n: 0, s: null };
    const citizen = survey('citizen_satisfaction');
    const asn = survey('asn_system');
    return [
      { indicator: 'Aspirasi masuk', value: t.submitted, unit: 'aspirasi' },
      { indicator: 'Rata-rata waktu verifikasi', value: avg(t.hv, t.verified), unit: 'jam' },
      { indicator: 'Rata-rata waktu balasan pertama', value: avg(t.hr, t.replied), unit: 'jam' },
      { indicator: 'Rata-rata waktu penyelesaian', value: avg(t.hs, t.resolved), unit: 'jam' },
      { indicator: 'Pelanggaran batas verifikasi (3 hari kerja)', value: t.bv, unit: 'aspirasi' },
      { indicator: 'Pelanggaran batas rencana tindak lanjut (5 hari kerja)', value: t.bp, unit: 'aspirasi' },
      { indicator: 'Kepuasan warga (target 4,5)', value: citizen.n ? round(citizen.s / citizen.n, 2) : null, unit: `skor 1-5 (${citizen.n} jawaban)` },
      { indicator: 'Kepuasan ASN terhadap sistem (target 4,2)', value: asn.n ? round(asn.s / asn.n, 2) : null, unit: `skor 1-5 (${asn.n} jawaban)` },
    ];
  }
}
