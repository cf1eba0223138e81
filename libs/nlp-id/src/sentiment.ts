import { TRANSPARENT } from './negation';
import { DIMINISHERS, EMOJI_WEIGHTS, INTENSIFIERS, PRAISE_WORDS } from './sentiment-lexicon';
import { W_CONTRAST, W_HYPO, W_INFO, W_NEGATOR, W_QUESTION, W_REQUEST, W_SARCASM, lexeme, type Lexeme } from './lexeme';
import type { TokenKind } from './tokenize';

export type SentimentLabel = 'negatif' | 'netral' | 'positif';

export interface SentimentTerm {
  term: string;
  weight: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** -1..1; sign is the polarity, magnitude the confidence. */
  score: number;
  /** The words and phrases that drove the score, with their final weights. */
  terms: SentimentTerm[];
  /** Set when praise was read as sarcasm and turned negative. */
  sarcasm: boolean;
}

/** Raw-sum thresholds between labels; a single clear word is enough either way. */
const LABEL_THRESHOLD = 0.75;

const DURATION = /^(se)?(hari|minggu|bulan|tahun|pekan)$/;

interface Hit {
  i: number;
  term: string;
  w: number;
  praise: boolean;
  hypo: boolean;
}

/**
 * Lexicon scoring with negation, intensifiers, emoji, requests, questions and
 * sarcasm. Works on the slang-expanded token stream, before stop-word
 * removal, with the negation marks from `markNegation`.
 */
export function scoreSentiment(
  tokens: readonly string[],
  kinds: readonly TokenKind[],
  negatedBy: Int32Array,
): SentimentResult {
  const lexemes: Lexeme[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) lexemes[i] = lexeme(tokens[i]);
  return scoreSentimentLexemes(tokens, kinds, negatedBy, lexemes);
}

/**
 * `scoreSentiment` with the tokens' lexeme records already looked up (the
 * pipeline has them), on the first `n` tokens (the pipeline's arrays are reused).
 */
export function scoreSentimentLexemes(
  tokens: readonly string[],
  kinds: readonly TokenKind[],
  negatedBy: Int32Array,
  lexemes: readonly Lexeme[],
  n = tokens.length,
): SentimentResult {
  const hits: Hit[] = [];
  let hasRequest = false;
  let hasInfo = false;
  let hasQuestion = false;
  let hasContrast = false;
  let hasSarcasmCue = false;
  let firstTokenQuestion = false;
  let hypo = false;
  let sentenceStart = 0;
  let openingPraise = false;

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const k = kinds[i];
    if (k === 'emoji') {
      const w = EMOJI_WEIGHTS.get(t);
      if (w) hits.push({ i, term: t, w, praise: false, hypo: false });
      continue;
    }
    if (k === 'punct') {
      if (t === '?') hasQuestion = true;
      if (t === '.' || t === '!' || t === '?') {
        hypo = false;
        sentenceStart = i + 1;
      }
      continue;
    }
    if (k !== 'word') continue;
    const info = lexemes[i];
    const flags = info.flags;
    if (flags !== 0) {
      if (flags & W_REQUEST) hasRequest = true;
      if (flags & W_INFO) hasInfo = true;
      if (flags & W_CONTRAST) hasContrast = true;
      if (flags & W_SARCASM) hasSarcasmCue = true;
      if (flags & W_HYPO) hypo = true;
      if ((flags & W_QUESTION) !== 0 && (i === 0 || kinds[i - 1] === 'punct')) firstTokenQuestion = true;
    }

    if ((t === 'sudah' || t === 'sejak') && i + 2 < n && (kinds[i + 1] === 'number' || tokens[i + 1].startsWith('se'))) {
      // "sudah 3 bulan", "sudah sebulan": waiting time is the complaint
      const unit = kinds[i + 1] === 'number' ? tokens[i + 2] : tokens[i + 1];
      if (DURATION.test(unit)) hits.push({ i, term: t + ' ' + tokens[i + 1] + (kinds[i + 1] === 'number' ? ' ' + unit : ''), w: -1, praise: false, hypo });
    }
    // longest phrase starting here
    let w: number | undefined;
    let span = 1;
    let term = t;
    const phrases = info.phrases;
    if (phrases) {
      for (const p of phrases) {
        const L = p.words.length;
        if (i + L > n) continue;
        let ok = true;
        for (let j = 1; j < L && ok; j++) ok = tokens[i + j] === p.words[j];
        if (ok) {
          w = p.weight;
          span = L;
          term = p.words.join(' ');
          break;
        }
      }
    }
    const isNegator = (flags & W_NEGATOR) !== 0;
    const phraseStartsNegated = span > 1 && isNegator;
    if (phraseStartsNegated && (t === 'tidak' || t === 'belum') && (term === 'tidak ada' || term === 'belum ada')) {
      // "tidak ada sampah" is good news; let the next word's flip speak instead
      const next = i + span < n ? lexemes[i + span].lex : undefined;
      if (next !== undefined && next < 0) w = 0;
    }
    if (w === undefined) {
      if (isNegator) continue;
      w = info.lex;
    }
    const neg = negatedBy[i];
    const firstInScope = neg >= 0 && (i - 1 === neg || (i - 2 === neg && TRANSPARENT.has(tokens[i - 1])));
    if ((w === undefined || w === 0) && firstInScope && !phraseStartsNegated && !TRANSPARENT.has(t)) {
      // An unlisted word right after a negator still reports something missing:
      // "belum jadi", "tidak mendaftarkan", "tanpa pemberitahuan".
      const negator = tokens[neg];
      if (negator === 'belum') w = -1;
      else if (negator === 'tanpa') w = -0.6;
      else if ((negator === 'tidak' || negator === 'tak') && /^(di|ter|me|ber|ke)/.test(t)) w = -0.4;
      if (w !== undefined && w !== 0) {
        hits.push({ i, term: negator + ' ' + t, w, praise: false, hypo });
        continue;
      }
    }
    if (w === undefined || w === 0) {
      i += span - 1;
      continue;
    }

    // modifiers: up to two words before, one after
    let mult = 1;
    let intensifiedInsideNegation = false;
    for (let b = i - 1; b >= 0 && b >= i - 2; b--) {
      const pb = tokens[b];
      if (kinds[b] !== 'word') break;
      const m = INTENSIFIERS.get(pb) ?? DIMINISHERS.get(pb);
      if (m !== undefined) {
        mult *= m;
        if (negatedBy[i] >= 0 && negatedBy[i] < b) intensifiedInsideNegation = true;
        break;
      }
    }
    const after = i + span < n ? tokens[i + span] : '';
    const ma = INTENSIFIERS.get(after);
    if (ma !== undefined && (after !== 'parah' || w < 0)) mult *= ma;
    w *= mult;

    if (!phraseStartsNegated && negatedBy[i] >= 0) {
      const negator = tokens[negatedBy[i]];
      if (negator === 'jangan') w = w < 0 ? 0 : -w * 0.5; // "jangan sampai rusak" is a wish, not a report
      else if (w > 0) {
        // "belum diperbaiki", "tidak menyala": a missing expected action is a complaint
        w = w <= 0.5 ? (firstInScope ? -1.2 : 0) : -w * (negator === 'kurang' ? 0.7 : 0.9);
        if (intensifiedInsideNegation) w *= 0.5; // "tidak terlalu bagus" is mild
      } else w = -w * 0.3; // "tidak rusak" is only mildly good
    }
    const praise = PRAISE_WORDS.has(t) && w > 0;
    if (praise && i - sentenceStart <= 1) {
      // "Mantap, ..." / "Hebat sekali, ...": praise opening a sentence and cut off by a comma
      for (let j = i + span; j < n && j <= i + span + 2; j++) if (tokens[j] === ',' || tokens[j] === '!') openingPraise = true;
    }
    if (w !== 0) hits.push({ i, term: span > 1 ? term : t, w, praise, hypo });
    i += span - 1;
  }

  let negSum = 0;
  let strongNeg = 0;
  let firstNeg = Infinity;
  let firstPraise = Infinity;
  let quotedPraise = false;
  for (const h of hits) {
    if (h.w < 0) {
      negSum -= h.w;
      if (h.w <= -1.2) strongNeg -= h.w;
      if (h.w <= -1 && h.i < firstNeg) firstNeg = h.i;
    }
    if (h.praise) {
      if (h.i < firstPraise) firstPraise = h.i;
      const prev = h.i > 0 ? tokens[h.i - 1] : '';
      if (prev === '"' || prev === "'" || prev.endsWith("'")) quotedPraise = true;
    }
  }

  // Praise beside a clear complaint with no "tapi/cuma" in between reads as irony.
  const sarcasm =
    firstPraise !== Infinity &&
    (((hasSarcasmCue || quotedPraise) && negSum >= 1) ||
      (openingPraise && negSum >= 1.5 && strongNeg >= 1 && firstPraise < firstNeg && !hasContrast));
  let sum = 0;
  const infoLike = hasInfo;
  for (const h of hits) {
    if (h.hypo) h.w *= 0.3;
    else if (h.w > 0 && !h.praise && (hasRequest || infoLike)) h.w *= 0.4; // "gratis", "mudah" in a question describe, not praise
    if (h.praise && sarcasm) h.w = -Math.abs(h.w) * 0.8;
    else if (h.w > 0 && h.praise && (h.term === 'terima kasih' || h.term === 'terima kasih banyak') && (hasRequest || h.i > firstNeg)) {
      // closing thanks after a complaint or a request is politeness, not praise
      h.w *= 0.15;
    }
    sum += h.w;
  }

  void hasQuestion;
  void firstTokenQuestion;
  if (hasRequest && negSum > 0 && !(infoLike && negSum < 2)) sum -= 0.75;
  if (infoLike && sum < 0 && sum > -3.5) sum *= 0.45; // asking how/when with a problem in the background

  const terms: SentimentTerm[] = [];
  for (const h of hits) if (h.w !== 0) terms.push({ term: h.term, weight: Math.round(h.w * 100) / 100 });
  const label: SentimentLabel = sum <= -LABEL_THRESHOLD ? 'negatif' : sum >= LABEL_THRESHOLD ? 'positif' : 'netral';
  const score = Math.round((sum / (Math.abs(sum) + 2)) * 1000) / 1000;
  return {
    label,
    score,
    terms,
    sarcasm,
  };
}
