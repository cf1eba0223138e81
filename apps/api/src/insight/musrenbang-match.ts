import { extractTerms } from '@ogh/nlp-id';

/** Proposals scoring at least this cosine similarity with an aspiration count as the same request. */
export const MUSRENBANG_MATCH_THRESHOLD = 0.3;

function vector(text: string): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of extractTerms(text, { bigrams: false })) if (!t.startsWith('NOT_')) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The proposal (problem + proposal text, same kelurahan, chosen by the caller) closest to the aspiration, if close enough. */
export function bestMusrenbangMatch(
  aspirationText: string,
  proposals: { id: string; text: string }[],
  threshold = MUSRENBANG_MATCH_THRESHOLD,
): { id: string; score: number } | null {
  const a = vector(aspirationText);
  let best: { id: string; score: number } | null = null;
  for (const p of proposals) {
    const score = cosine(a, vector(p.text));
    if (score >= threshold && (!best || score > best.score)) best = { id: p.id, score: Math.round(score * 1000) / 1000 };
  }
  return best;
}
