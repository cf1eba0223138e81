/** Count, average and distribution of 1–5 scores (policy ratings, satisfaction surveys). */
export interface ScoreSummary {
  count: number;
  average: number | null;
  /** Number of answers per score, "1" to "5". */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** From rows of `SELECT score, count(*) AS n … GROUP BY score`. */
export function summarizeScores(rows: { score: number; n: number }[]): ScoreSummary {
  const distribution: ScoreSummary['distribution'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const r of rows) {
    distribution[String(r.score) as keyof ScoreSummary['distribution']] = r.n;
    count += r.n;
    sum += r.score * r.n;
  }
  return { count, average: count ? round2(sum / count) : null, distribution };
}
