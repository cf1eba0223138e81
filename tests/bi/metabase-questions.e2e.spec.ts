import { loadQuestions, Question } from '../../metabase/src/questions';
import { defaultQuestionsDir } from '../../metabase/src/main';
import { AnalyticsDataset, loadAnalyticsDataset } from './support/analytics-dataset';

/**
 * Every Metabase question, run exactly as Metabase runs it: its SQL file's text
 * over a connection as the read-only BI role, on the demo city (two years of
 * aspirations with replies, analyses, surveys, ratings, Musrenbang, fellows,
 * OKR, collector runs and indicators) after the views were refreshed.
 */
const questions = loadQuestions(defaultQuestionsDir());
const byFile = (prefix: string): Question => {
  const q = questions.find((x) => x.file.startsWith(prefix));
  if (!q) throw new Error(`no question file ${prefix}*`);
  return q;
};
const num = (v: unknown) => Number(v);

describe('Metabase questions on a realistic data set, as the BI role', () => {
  let data: AnalyticsDataset;
  const bi = (sql: string) => data.bi.query(sql);
  const raw = (sql: string) => data.ds.query(sql);

  beforeAll(async () => {
    data = await loadAnalyticsDataset({ aspirations: 3000 });
  }, 600_000);
  afterAll(async () => {
    await data?.close();
  });

  it('ships 10 to 14 questions, each reading only the analytics schema', () => {
    expect(questions.length).toBeGreaterThanOrEqual(10);
    expect(questions.length).toBeLessThanOrEqual(14);
    for (const q of questions) {
      expect(q.sql).toMatch(/\banalytics\./);
      expect(q.sql).not.toMatch(/\bpublic\./);
    }
  });

  it.each(questions.map((q) => [q.file, q] as const))('%s runs as the BI role and returns the columns its card needs, with rows', async (_file, q) => {
    const res = await bi(q.sql);
    expect(res.fields.map((f) => f.name)).toEqual(q.columns);
    expect(res.rows.length).toBeGreaterThan(0);
    // A chart needs values in its metric columns, not only NULLs.
    for (const m of q.metrics) expect({ metric: m, values: res.rows.some((r) => r[m] !== null) }).toEqual({ metric: m, values: true });
  });

  it('counts participation as the raw tables do', async () => {
    const wibToday = `(now() AT TIME ZONE 'Asia/Jakarta')::date`;
    const [{ n: last30 }] = await raw(`SELECT count(*)::int AS n FROM aspiration WHERE (submitted_at AT TIME ZONE 'Asia/Jakarta')::date > ${wibToday} - 30`);
    expect(last30).toBeGreaterThan(0);
    expect((await bi(byFile('01-').sql)).rows).toEqual([{ aspirasi: last30 }]);

    const monthly = await raw(
      `SELECT date_trunc('month', a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS bulan, k.name AS kecamatan, count(*)::int AS aspirasi
       FROM aspiration a JOIN kecamatan k ON k.code = a.kecamatan_code
       WHERE (a.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months'
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const q02 = await bi(byFile('02-').sql);
    expect(q02.rows.map((r) => ({ bulan: r.bulan, kecamatan: r.kecamatan, aspirasi: r.aspirasi }))).toEqual(monthly);
    expect(new Set(q02.rows.map((r) => r.kecamatan)).size).toBe(3);

    const q03 = await bi(byFile('03-').sql);
    expect(q03.rows).toHaveLength(27);
    for (const r of q03.rows) expect(num(r.per_1000_penduduk)).toBeCloseTo((r.aspirasi * 1000) / r.penduduk, 2);
    // Sorted from the most to the least participating kelurahan.
    expect(q03.rows.map((r) => num(r.per_1000_penduduk))).toEqual([...q03.rows.map((r) => num(r.per_1000_penduduk))].sort((a, b) => b - a));
  });

  it('measures response times, SLA and backlog as the raw tables do', async () => {
    const [expected] = await raw(
      `SELECT count(*)::int AS submitted, count(*) FILTER (WHERE breached_verify)::int AS breached,
              sum(extract(epoch FROM first_reply_at - submitted_at) / 3600) / nullif(count(first_reply_at), 0) AS reply_hours
       FROM aspiration WHERE (submitted_at AT TIME ZONE 'Asia/Jakarta')::date > (now() AT TIME ZONE 'Asia/Jakarta')::date - 90`,
    );
    const q04 = await bi(byFile('04-').sql);
    expect(q04.rows.reduce((s, r) => s + r.diajukan, 0)).toBe(expected.submitted);
    expect(q04.rows.reduce((s, r) => s + r.langgar_sla_verifikasi, 0)).toBe(expected.breached);
    for (const r of q04.rows) {
      expect(num(r.persen_tepat_waktu)).toBeGreaterThanOrEqual(0);
      expect(num(r.persen_tepat_waktu)).toBeLessThanOrEqual(100);
    }

    const q05 = await bi(byFile('05-').sql);
    for (const r of q05.rows) if (r.persen_patuh_sla !== null) expect(num(r.persen_patuh_sla)).toBeLessThanOrEqual(100);

    const [{ open }] = await raw(`SELECT count(*)::int AS open FROM aspiration WHERE status IN ('received', 'verified', 'in_progress')`);
    const q06 = await bi(byFile('06-').sql);
    expect(q06.rows.reduce((s, r) => s + r.terbuka, 0)).toBe(open);
  });

  it('reports satisfaction, policies, Musrenbang, topics, OKR, fellows, collectors and indicators from the same data', async () => {
    const surveys = await raw(
      `SELECT kind, round(avg(score), 2) AS avg FROM survey_response
       WHERE (created_at AT TIME ZONE 'Asia/Jakarta')::date >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')::date - interval '11 months' GROUP BY kind`,
    );
    const q07 = await bi(byFile('07-').sql);
    expect(new Set(q07.rows.map((r) => r.survei))).toEqual(new Set(['Kepuasan warga', 'Penilaian ASN']));
    for (const s of surveys as { kind: string; avg: string }[]) {
      const label = s.kind === 'citizen_satisfaction' ? 'Kepuasan warga' : 'Penilaian ASN';
      const rows = q07.rows.filter((r) => r.survei === label);
      const weighted = rows.reduce((sum, r) => sum + num(r.skor_rata_rata) * r.responden, 0) / rows.reduce((sum, r) => sum + r.responden, 0);
      expect(weighted).toBeCloseTo(num(s.avg), 1);
      expect(num(rows[0].target)).toBe(label === 'Kepuasan warga' ? 4.5 : 4.2);
    }

    const [{ n: published }] = await raw(`SELECT count(*)::int AS n FROM policy WHERE published_at IS NOT NULL`);
    expect((await bi(byFile('08-').sql)).rows).toHaveLength(published);

    const [{ n: proposals }] = await raw(`SELECT count(*)::int AS n FROM musrenbang_proposal`);
    expect((await bi(byFile('09-').sql)).rows.reduce((s, r) => s + r.diusulkan, 0)).toBe(proposals);

    const [{ n: recent }] = await raw(
      `SELECT count(*)::int AS n FROM aspiration WHERE date_trunc('week', submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= date_trunc('week', now() AT TIME ZONE 'Asia/Jakarta')::date - 77`,
    );
    expect((await bi(byFile('10-').sql)).rows.reduce((s, r) => s + r.aspirasi, 0)).toBe(recent);

    const [{ n: krs }] = await raw(
      `SELECT count(*)::int AS n FROM okr_key_result kr JOIN okr_objective o ON o.id = kr.objective_id
       WHERE o.cycle_id = (SELECT id FROM okr_cycle ORDER BY start_date DESC LIMIT 1)`,
    );
    expect((await bi(byFile('11-').sql)).rows).toHaveLength(krs);

    const enrolments = await raw(`SELECT c.name AS angkatan, count(e.*)::int AS peserta FROM fellow_cohort c LEFT JOIN fellow_enrolment e ON e.cohort_id = c.id GROUP BY 1`);
    const q12 = await bi(byFile('12-').sql);
    expect(q12.rows.map((r) => ({ angkatan: r.angkatan, peserta: r.peserta })).sort((a, b) => a.angkatan.localeCompare(b.angkatan))).toEqual(
      [...enrolments].sort((a: { angkatan: string }, b: { angkatan: string }) => a.angkatan.localeCompare(b.angkatan)),
    );

    const q13 = await bi(byFile('13-').sql);
    expect(q13.rows.find((r) => r.sumber === 'Open Data Jatim — Kemiskinan')).toMatchObject({ status_terakhir: 'failed' });
    expect(q13.rows.find((r) => r.sumber === 'Satu Data Kota Madiun (CKAN)')).toMatchObject({ status_terakhir: 'belum pernah', aktif: false });

    const [{ n: series }] = await raw(`SELECT count(DISTINCT (source, indicator, region_code))::int AS n FROM indicator_observation`);
    expect((await bi(byFile('14-').sql)).rows).toHaveLength(series);
  });
});
