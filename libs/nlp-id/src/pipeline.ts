import { DEFAULT_NEGATION_WINDOW } from './negation';
import { cleanText, normalizeCleaned } from './normalize';
import { detectPii, redactPii, type PiiMatch } from './pii';
import {
  W_NEGATOR, W_SCOPE_BREAK, W_TRANSPARENT, lexeme, negatedLexeme, negatedStemLexeme, slangLexemes, stemLexeme, type Lexeme,
} from './lexeme';
import { scoreSentimentLexemes, type SentimentResult } from './sentiment';
import { SLANG_RULE_DR, SLANG_RULE_G, SLANG_RULE_KALI, kaliReading } from './slang';
import { WinkTokenizer, type TokenKind, type WinkEntry, type WinkTokenizerOptions } from './tokenize';

export interface TextAnalysis {
  /** Cleaned, lower-cased, slang-expanded text with PII already redacted. */
  normalized: string;
  /** Content tokens: negation marked ("NOT_ada"), stop words removed, PII and punctuation dropped. */
  tokens: string[];
  /** Stems parallel to `tokens`, keeping the "NOT_" mark. */
  stems: string[];
  sentiment: SentimentResult;
  /** PII spans, relative to the cleaned input (see `cleanText`). */
  pii: PiiMatch[];
}

export interface TermOptions {
  /** Add "a_b" pairs of adjacent stems (default true). */
  bigrams?: boolean;
}

// Placeholders left by redaction; they say nothing about the topic.
function isPiiWord(t: string): boolean {
  return t === 'nik' || t === 'telepon' || t === 'email';
}

/**
 * `expandSlangTokens` on the tokenizer's output, appending the expanded
 * tokens, kinds and their lexeme records. A token that is the lone form of a
 * wink entry finds its record on the entry, so the common case costs no lookup.
 */
function expandSlangLexemes(
  rawT: readonly string[],
  rawK: readonly TokenKind[],
  rawE: readonly (WinkEntry | null)[],
  outT: string[],
  outK: TokenKind[],
  outL: Lexeme[],
): void {
  const n = rawT.length;
  for (let i = 0; i < n; i++) {
    const e = rawE[i];
    let l: Lexeme;
    if (e !== null) {
      const d = e.data as Lexeme | undefined;
      l = d !== undefined ? d : (e.data = lexeme(e.out)) as Lexeme;
    } else l = lexeme(rawT[i]);
    const k = rawK[i];
    if (k !== 'word') {
      outT.push(l.text);
      outK.push(k);
      outL.push(l);
      continue;
    }
    const heads = l.slangHeads;
    if (heads !== null && i + 1 < n && rawK[i + 1] === 'word') {
      const bi = heads.get(rawT[i + 1]);
      if (bi) {
        for (const w of bi) pushWord(lexeme(w), outT, outK, outL);
        i++;
        continue;
      }
    }
    const rule = l.slangRule;
    if (rule !== 0) {
      if (rule === SLANG_RULE_KALI) {
        pushWord(lexeme(kaliReading(rawT, rawK, i)), outT, outK, outL);
        continue;
      }
      if (rule === SLANG_RULE_DR && i + 1 < n && rawT[i + 1] === '.') {
        pushWord(lexeme('dokter'), outT, outK, outL);
        i++;
        continue;
      }
      if (rule === SLANG_RULE_G) {
        pushWord(i > 0 && rawK[i - 1] === 'number' ? l : lexeme('tidak'), outT, outK, outL);
        continue;
      }
    }
    const rep = slangLexemes(l);
    if (rep !== null) for (let j = 0; j < rep.length; j++) pushWord(rep[j], outT, outK, outL);
    else {
      outT.push(l.text);
      outK.push(k);
      outL.push(l);
    }
  }
}

function pushWord(l: Lexeme, outT: string[], outK: TokenKind[], outL: Lexeme[]): void {
  outT.push(l.text);
  outK.push('word');
  outL.push(l);
}

/** `markNegation` on lexeme records (the word lists are flags on the records), into `neg` (length = token count). */
function markNegationLexemes(lexemes: readonly Lexeme[], kinds: readonly TokenKind[], neg: Int32Array): void {
  const n = neg.length;
  neg.fill(-1);
  for (let i = 0; i < n; i++) {
    if ((lexemes[i].flags & W_NEGATOR) === 0) continue;
    let left = DEFAULT_NEGATION_WINDOW;
    for (let j = i + 1; j < n && left > 0; j++) {
      const f = lexemes[j].flags;
      if (kinds[j] === 'punct' || kinds[j] === 'emoji' || (f & (W_SCOPE_BREAK | W_NEGATOR)) !== 0) break;
      neg[j] = i;
      if ((f & W_TRANSPARENT) === 0) left--;
    }
  }
}

/**
 * The whole Indonesian pipeline behind one object. Hold one per process (or
 * per worker): it owns the wink-nlp instance and recycles it to keep memory flat.
 */
export class IndonesianTextPipeline {
  readonly tokenizer: WinkTokenizer;
  private readonly rawTokens: string[] = [];
  private readonly rawKinds: TokenKind[] = [];
  private readonly rawEntries: (WinkEntry | null)[] = [];
  private readonly allTokens: string[] = [];
  private readonly allKinds: TokenKind[] = [];
  private readonly allLexemes: Lexeme[] = [];
  private neg = new Int32Array(64);

  constructor(options: WinkTokenizerOptions = {}) {
    this.tokenizer = new WinkTokenizer(options);
  }

  analyze(text: string): TextAnalysis {
    return this.analyzeLexemes(text, undefined, undefined);
  }

  /**
   * @internal `analyze`, also appending to `tokenLexemes` / `stemLexemes`
   * (pass empty arrays) the lexeme records of `tokens` / `stems`, so the
   * insight engine's models need no lookups of their own.
   */
  analyzeLexemes(text: string, tokenLexemes: Lexeme[] | undefined, stemLexemes: Lexeme[] | undefined): TextAnalysis {
    const cleaned = cleanText(text ?? '');
    const pii = detectPii(cleaned);
    const safe = pii.length ? redactPii(cleaned, pii) : cleaned;
    // per-document work arrays, reused (analysis is synchronous and none of them is returned)
    const rawT = this.rawTokens;
    const rawK = this.rawKinds;
    const rawE = this.rawEntries;
    rawT.length = 0;
    rawK.length = 0;
    rawE.length = 0;
    this.tokenizer.tokenizeInto(normalizeCleaned(safe), rawT, rawK, rawE);
    const all = this.allTokens;
    const kinds = this.allKinds;
    const lexemes = this.allLexemes;
    all.length = 0;
    kinds.length = 0;
    lexemes.length = 0;
    expandSlangLexemes(rawT, rawK, rawE, all, kinds, lexemes);
    const n = all.length;
    if (this.neg.length < n) this.neg = new Int32Array(Math.max(n, this.neg.length * 2));
    const neg = this.neg.subarray(0, n);
    markNegationLexemes(lexemes, kinds, neg);
    const sentiment = scoreSentimentLexemes(all, kinds, neg, lexemes);

    const tokens: string[] = [];
    const stems: string[] = [];
    let normalized = '';
    for (let i = 0; i < n; i++) {
      const t = all[i];
      const kind = kinds[i];
      if (t === '[' || t === ']') continue;
      normalized += normalized && kind !== 'punct' ? ' ' + t : t;
      if ((kind !== 'word' && kind !== 'money' && kind !== 'hashtag') || isPiiWord(t)) continue;
      const l = lexemes[i];
      if (neg[i] >= 0) {
        // NOT_token and NOT_stem, kept on the record so they are built once per word
        const nt = negatedLexeme(l);
        const ns = negatedStemLexeme(l);
        tokens.push(nt.text);
        stems.push(ns.text);
        if (tokenLexemes) tokenLexemes.push(nt);
        if (stemLexemes) stemLexemes.push(ns);
      } else if (l.content) {
        tokens.push(t);
        if (tokenLexemes) tokenLexemes.push(l);
        if (kind === 'word') {
          const sl = stemLexeme(l);
          stems.push(sl.text);
          if (stemLexemes) stemLexemes.push(sl);
        } else {
          stems.push(t);
          if (stemLexemes) stemLexemes.push(l);
        }
      }
    }
    return { normalized, tokens, stems, sentiment, pii };
  }

  /** Features for a vectoriser: stems (with NOT_ marks) and, by default, adjacent stem pairs. */
  terms(text: string, options: TermOptions = {}): string[] {
    return termsOf(this.analyze(text), options);
  }
}

export function termsOf(analysis: Pick<TextAnalysis, 'stems'>, options: TermOptions = {}): string[] {
  const stems = analysis.stems;
  if (options.bigrams === false) return stems.slice();
  const out = stems.slice();
  for (let i = 0; i + 1 < stems.length; i++) out.push(stems[i] + '_' + stems[i + 1]);
  return out;
}

let defaultPipeline: IndonesianTextPipeline | undefined;

/** The process-wide pipeline (one wink instance per process or worker thread). */
export function sharedPipeline(): IndonesianTextPipeline {
  if (!defaultPipeline) defaultPipeline = new IndonesianTextPipeline();
  return defaultPipeline;
}

/** Analyse one text with the process-wide pipeline. */
export function analyzeText(text: string): TextAnalysis {
  return sharedPipeline().analyze(text);
}

/** Term list for classification with the process-wide pipeline. */
export function extractTerms(text: string, options: TermOptions = {}): string[] {
  return sharedPipeline().terms(text, options);
}
