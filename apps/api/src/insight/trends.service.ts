import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareScenarios, detectEmerging, forecastWeekly, topKeywords } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { badRequest } from '../common/errors/domain.exception';

const HISTORY_WEEKS = 52;
const EMERGING_WEEKS = 12;
const DAY_MS = 86_400_000;

/** Monday (YYYY-MM-DD, WIB) of the week holding `date`. */
export function wibWeekStart(date: Date): string {
  const wib = new Date(date.getTime() + 7 * 3_600_000);
  const day = (wib.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() - day)).toISOString().slice(0, 10);
}

function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * 7 * DAY_MS).toISOString().slice(0, 10);
}

export interface TrendRow {
  weekStart: string;
  kecamatanCode: string;
  categoryCode: string;
  count: number;
  per1000: number | null;
}

/**
 * Weekly counts per kecamatan and category, emerging issues (a Poisson
 * upper-tail test of the last complete week against the mean of the 8 weeks
 * before it), and 12-week participation forecasts with their backtest error.
 * Results live in tables the analytics views read.
 */
@Injectable()
export class TrendsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recompute(now = new Date()): Promise<{ weeks: number; emerging: number; forecasts: number }> {
    const thisWeek = wibWeekStart(now);
    const lastComplete = addWeeks(thisWeek, -1);
    const from = addWeeks(thisWeek, -HISTORY_WEEKS);
    const weeks = Array.from({ length: HISTORY_WEEKS }, (_, i) => addWeeks(from, i));

    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM insight_trend_week WHERE week_start >= $1', [from]);
      await m.query(
        `INSERT INTO insight_trend_week (week_start, kecamatan_code, category_code, count, per1000)
         SELECT w.week_start, w.kecamatan_code, w.category_code, w.n,
                CASE WHEN k.population > 0 THEN round(w.n * 1000.0 / k.population, 3) END
         FROM (SELECT date_trunc('week', submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS week_start, kecamatan_code, category_code, count(*)::int AS n
               FROM aspiration WHERE submitted_at >= ($1::date - interval '7 hours') GROUP BY 1, 2, 3) w
         JOIN kecamatan k ON k.code = w.kecamatan_code`,
        [from],
      );
    });

    const rows: { week_start: string; kecamatan_code: string; category_code: string; count: number }[] = await this.dataSource.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, kecamatan_code, category_code, count FROM insight_trend_week WHERE week_start >= $1 AND week_start <= $2`,
      [from, lastComplete],
    );
    const series = (filter: (r: (typeof rows)[number]) => boolean) => {
      const byWeek = new Map<string, number>();
      for (const r of rows) if (filter(r)) byWeek.set(r.week_start, (byWeek.get(r.week_start) ?? 0) + r.count);
      return weeks.filter((w) => w <= lastComplete).map((w) => byWeek.get(w) ?? 0);
    };

    // Emerging issues: per category, city-wide ('*') and per kecamatan.
    const categories = [...new Set(rows.map((r) => r.category_code))];
    const kecamatan = [...new Set(rows.map((r) => r.kecamatan_code))];
    let emerging = 0;
    for (const category of categories) {
      for (const kc of ['*', ...kecamatan]) {
        const s = series((r) => r.category_code === category && (kc === '*' || r.kecamatan_code === kc)).slice(-EMERGING_WEEKS);
        const result = detectEmerging(s);
        if (!result.emerging) continue;
        const keywords = await this.keywordsFor(category, kc === '*' ? null : kc, lastComplete);
        await this.dataSource.query(
          `INSERT INTO insight_emerging (week_start, category_code, kecamatan_code, count, baseline, p_value, keywords, detected_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())
           ON CONFLICT (week_start, category_code, kecamatan_code) DO UPDATE SET count = EXCLUDED.count, baseline = EXCLUDED.baseline,
             p_value = EXCLUDED.p_value, keywords = EXCLUDED.keywords, detected_at = now()`,
          [lastComplete, category, kc, result.count, result.baseline, result.pValue, JSON.stringify(keywords)],
        );
        emerging++;
      }
    }

    // Forecasts of total weekly participation, per kecamatan and city-wide.
    let forecasts = 0;
    for (const kc of ['*', ...(await this.allKecamatan())]) {
      const s = series((r) => kc === '*' || r.kecamatan_code === kc);
      const f = forecastWeekly(s, 12);
      await this.dataSource.transaction(async (m) => {
        await m.query('DELETE FROM insight_forecast WHERE kecamatan_code = $1', [kc]);
        for (let i = 0; i < f.forecast.length; i++) {
          await m.query(
            `INSERT INTO insight_forecast (kecamatan_code, week_start, predicted, lower, upper, method, backtest_smape, generated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
            [kc, addWeeks(thisWeek, i), f.forecast[i], f.lower?.[i] ?? null, f.upper?.[i] ?? null, f.method, Number.isFinite(f.backtestSmape) ? f.backtestSmape : null],
          );
        }
      });
      forecasts++;
    }
    return { weeks: weeks.length, emerging, forecasts };
  }

  private async allKecamatan(): Promise<string[]> {
    return (await this.dataSource.query('SELECT code FROM kecamatan ORDER BY code')).map((r: { code: string }) => r.code);
  }

  /** The words over-represented in the week's aspirations of a category versus the 8 weeks before. */
  private async keywordsFor(category: string, kecamatan: string | null, week: string): Promise<string[]> {
    const docs: { week_start: string; terms: string[] }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('week', a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS week_start, x.keywords AS terms
       FROM aspiration a JOIN aspiration_analysis x ON x.aspiration_id = a.id
       WHERE a.category_code = $1 AND ($2::varchar IS NULL OR a.kecamatan_code = $2)
         AND a.submitted_at >= ($3::date - interval '56 days' - interval '7 hours') AND a.submitted_at < ($3::date + interval '7 days' - interval '7 hours')`,
      [category, kecamatan, week],
    );
    const thisWeek = docs.filter((d) => d.week_start === week).map((d) => d.terms);
    const baseline = docs.filter((d) => d.week_start !== week).map((d) => d.terms);
    // A spike week can hold most of the documents: keep words that appear in up to 90% of them.
    const significant = topKeywords(thisWeek, baseline, 8, { maxDocShare: 0.9 }).map((k) => k.term);
    if (significant.length) return significant;
    // Too few documents for any word to stand out significantly: the week's most frequent words.
    const counts = new Map<string, number>();
    for (const doc of thisWeek) for (const term of new Set(doc)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8).map(([term]) => term);
  }

  async trends(q: { weeks?: number; kecamatan?: string; category?: string }): Promise<TrendRow[]> {
    const weeks = Math.min(Math.max(q.weeks ?? 12, 1), HISTORY_WEEKS);
    const from = addWeeks(wibWeekStart(new Date()), -weeks + 1);
    const rows = await this.dataSource.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, kecamatan_code, category_code, count, per1000 FROM insight_trend_week
       WHERE week_start >= $1 AND ($2::varchar IS NULL OR kecamatan_code = $2) AND ($3::varchar IS NULL OR category_code = $3)
       ORDER BY week_start, kecamatan_code, category_code`,
      [from, q.kecamatan ?? null, q.category ?? null],
    );
    return rows.map((r: Record<string, any>) => ({ weekStart: r.week_start, kecamatanCode: r.kecamatan_code, categoryCode: r.category_code, count: r.count, per1000: r.per1000 == null ? null : Number(r.per1000) }));
  }

  async emerging(weeks = 8) {
    const from = addWeeks(wibWeekStart(new Date()), -weeks);
    const rows = await this.dataSource.query(
      `SELECT to_char(e.week_start, 'YYYY-MM-DD') AS week_start, e.category_code, c.label_id, e.kecamatan_code, k.name AS kecamatan_name, e.count, e.baseline, e.p_value, e.keywords
       FROM insight_emerging e JOIN category c ON c.code = e.category_code LEFT JOIN kecamatan k ON k.code = e.kecamatan_code
       WHERE e.week_start >= $1 ORDER BY e.week_start DESC, e.p_value`,
      [from],
    );
    return rows.map((r: Record<string, any>) => ({
      weekStart: r.week_start,
      category: { code: r.category_code, label: r.label_id },
      kecamatan: r.kecamatan_code === '*' ? null : { code: r.kecamatan_code, name: r.kecamatan_name },
      count: r.count,
      baseline: r.baseline,
      pValue: r.p_value,
      keywords: r.keywords,
      statistic: 'Poisson upper tail of the week count against the mean of the previous 8 weeks; flagged when p < 0.01, count >= 3 and count >= 2 x baseline',
    }));
  }

  async forecast(kecamatan = '*') {
    const rows = await this.dataSource.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, predicted, lower, upper, method, backtest_smape FROM insight_forecast WHERE kecamatan_code = $1 ORDER BY week_start`,
      [kecamatan],
    );
    return {
      kecamatanCode: kecamatan === '*' ? null : kecamatan,
      method: rows[0]?.method ?? null,
      backtestSmape: rows[0]?.backtest_smape ?? null,
      weeks: rows.map((r: Record<string, any>) => ({ weekStart: r.week_start, predicted: r.predicted, lower: r.lower, upper: r.upper })),
    };
  }

  /** Actual weekly participation since the cycle start against the blueprint's three scenarios. */
  async scenarios(cycleStart: string, now = new Date()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cycleStart) || Number.isNaN(Date.parse(cycleStart))) throw badRequest('cycleStart must be a date', [{ field: 'cycleStart', problem: 'must be a date such as 2026-01-05' }]);
    const start = wibWeekStart(new Date(`${cycleStart}T12:00:00Z`));
    const current = wibWeekStart(now);
    const counts: { week_start: string; n: number }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('week', submitted_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS week_start, count(*)::int AS n
       FROM aspiration WHERE submitted_at >= ($1::date - interval '91 days' - interval '7 hours') AND submitted_at < ($2::date - interval '7 hours') GROUP BY 1`,
      [start, current],
    );
    const byWeek = new Map(counts.map((c) => [c.week_start, c.n]));
    const baselineWeeks = Array.from({ length: 13 }, (_, i) => addWeeks(start, i - 13));
    const baseline = baselineWeeks.reduce((s, w) => s + (byWeek.get(w) ?? 0), 0) / 13;
    const actual: number[] = [];
    for (let w = start; w < current && actual.length < 13; w = addWeeks(w, 1)) actual.push(byWeek.get(w) ?? 0);
    const head = { cycleStart: start, baselineWeekly: Math.round(baseline * 100) / 100, actual };
    if (baseline <= 0) return { ...head, comparable: false, reason: 'No aspirations in the 13 weeks before the cycle: there is no baseline to grow from' };
    return { ...head, comparable: true, ...compareScenarios(actual, baseline, 13) };
  }
}
