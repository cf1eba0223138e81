import type { TokenKind } from './tokenize';

/** Words that negate (or, for kurang, weaken to negative) what follows. */
export const NEGATORS: ReadonlySet<string> = new Set(['tidak', 'tak', 'belum', 'bukan', 'tanpa', 'jangan', 'kurang', 'non']);

// A negation's reach ends at a clause boundary, not only at punctuation:
// "tidak ada dokter tapi perawat ramah" must not negate "perawat ramah".
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  'tapi', 'namun', 'melainkan', 'karena', 'sehingga', 'padahal', 'sedangkan', 'sementara', 'dan', 'atau',
  'serta', 'jadi', 'lalu', 'kemudian', 'malah', 'justru', 'sedang', 'yang', 'agar', 'supaya', 'kalau', 'jika',
]);

/** Filler that sits inside a negation without being its target ("tidak pernah ada", "belum juga"). */
export const TRANSPARENT: ReadonlySet<string> = new Set(['juga', 'pernah', 'sama', 'sekali', 'terlalu', 'begitu', 'pula', 'lagi', 'akan', 'bisa', 'mau']);

export const NEGATION_PREFIX = 'NOT_';
export const DEFAULT_NEGATION_WINDOW = 3;

/**
 * Marks the up-to-`window` tokens after a negator, stopping at punctuation,
 * clause breakers or another negator. Returns the index of the negator that
 * governs each token, or -1. Must run before stop-word removal, otherwise
 * "tidak ada dokter" loses "ada" and with it the complaint.
 */
export function markNegation(
  tokens: readonly string[],
  kinds: readonly TokenKind[],
  window = DEFAULT_NEGATION_WINDOW,
): Int32Array {
  const n = tokens.length;
  const neg = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!NEGATORS.has(tokens[i])) continue;
    let left = window;
    for (let j = i + 1; j < n && left > 0; j++) {
      const t = tokens[j];
      if (kinds[j] === 'punct' || kinds[j] === 'emoji' || SCOPE_BREAKERS.has(t) || NEGATORS.has(t)) break;
      neg[j] = i;
      if (!TRANSPARENT.has(t)) left--;
    }
  }
  return neg;
}

/** "ada" under negation becomes "NOT_ada"; the negator itself is kept as is. */
export function negatedForm(token: string): string {
  return NEGATION_PREFIX + token;
}
