import { DEFAULT_NEGATION_WINDOW } from './negation';
import { cleanText, normalizeCleaned } from './normalize';
import { detectPii, redactPii, type PiiMatch } from './pii';
import {
  W_NEGATOR, W_QUESTION_MARK, W_SCOPE_BREAK, W_TRANSPARENT, lexeme, negatedLexeme, negatedStemLexeme, slangLexemes, spaced, stemLexeme, type Lexeme,
} from './lexeme';
import { scoreSentimentLexemes, type SentimentResult } from './sentiment';
import { SLANG_RULE_DR, SLANG_RULE_G, SLANG_RULE_KALI, kaliReading } from './slang';
import { WinkTokenizer, type TokenKind, type WinkEntry, type WinkTokenizerOptions } from './tokenize';

export interface TextAnalysis {
  /** Cleaned, lower-cased, slang-expanded text with PII already redacted. */
  readonly normalized: string;
  /** `normalized` holds a "?": the text asks something (a feature of the sentiment model). */
  question: boolean;
  /** Content tokens: negation marked ("NOT_ada"), stop words removed, PII and punctuation dropped. */
  tokens: string[];
  /** Stems parallel to `tokens`, keeping the "NOT_" mark. */
  stems: string[];
  sentiment: SentimentResult;
  /** PII spans, relative to the cleaned input (see `cleanText`). */
  pii: PiiMatch[];
}

/**
 * What the pipeline returns. `normalized` is joined from its parts on first
 * read: the insight engine never reads it, and building it for every document
 * cost about 5% of the engine's time.
 */
class PipelineAnalysis implements TextAnalysis {
  private joined: string | undefined;

  constructor(
    readonly tokens: string[],
    readonly stems: string[],
    readonly sentiment: SentimentResult,
    readonly pii: PiiMatch[],
    readonly question: boolean,
    private readonly parts: readonly string[],
  ) {}

  get normalized(): string {
    if (this.joined === undefined) this.joined = this.parts.join('');
    return this.joined;
  }

  /** The fields of `TextAnalysis` (the getter is not an own property, the parts are). */
  toJSON(): TextAnalysis {
    return { normalized: this.normalized, question: this.question, tokens: this.tokens, stems: this.stems, sentiment: this.sentiment, pii: this.pii };
  }
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
 * `expandSlangTokens` on the first `n` tokens of the tokenizer's output,
 * writing the expanded tokens, kinds and their lexeme records from index 0;
 * returns their count. A token that is the lone form of a wink entry finds
 * its record on the entry, so the common case costs no lookup.
 */
function expandSlangLexemes(
  rawT: readonly string[],
  rawK: readonly TokenKind[],
  rawE: readonly (WinkEntry | null)[],
  n: number,
  outT: string[],
  outK: TokenKind[],
  outL: Lexeme[],
): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const e = rawE[i];
    let l: Lexeme;
    if (e !== null) {
      const d = e.data as Lexeme | undefined;
      l = d !== undefined ? d : (e.data = lexeme(e.out)) as Lexeme;
    } else l = lexeme(rawT[i]);
    const k = rawK[i];
    if (k !== 'word') {
      outT[m] = l.text;
      outK[m] = k;
      outL[m++] = l;
      continue;
    }
    const heads = l.slangHeads;
    if (heads !== null && i + 1 < n && rawK[i + 1] === 'word') {
      const bi = heads.get(rawT[i + 1]);
      if (bi) {
        for (const w of bi) m = putWord(lexeme(w), outT, outK, outL, m);
        i++;
        continue;
      }
    }
    const rule = l.slangRule;
    if (rule !== 0) {
      if (rule === SLANG_RULE_KALI) {
        m = putWord(lexeme(kaliReading(rawT, rawK, i, n)), outT, outK, outL, m);
        continue;
      }
      if (rule === SLANG_RULE_DR && i + 1 < n && rawT[i + 1] === '.') {
        m = putWord(lexeme('dokter'), outT, outK, outL, m);
        i++;
        continue;
      }
      if (rule === SLANG_RULE_G) {
        m = putWord(i > 0 && rawK[i - 1] === 'number' ? l : lexeme('tidak'), outT, outK, outL, m);
        continue;
      }
    }
    const rep = slangLexemes(l);
    if (rep !== null) for (let j = 0; j < rep.length; j++) m = putWord(rep[j], outT, outK, outL, m);
    else {
      outT[m] = l.text;
      outK[m] = k;
      outL[m++] = l;
    }
  }
  return m;
}

function putWord(l: Lexeme, outT: string[], outK: TokenKind[], outL: Lexeme[], m: number): number {
  outT[m] = l.text;
  outK[m] = 'word';
  outL[m] = l;
  return m + 1;
}

/** `markNegation` on the first `n` lexeme records (the word lists are flags on the records), into `neg`. */
function markNegationLexemes(lexemes: readonly Lexeme[], kinds: readonly TokenKind[], neg: Int32Array, n: number): void {
  neg.fill(-1, 0, n);
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
  private readonly outTokens: string[] = [];
  private readonly outStems: string[] = [];
  private readonly outParts: string[] = [];

  constructor(options: WinkTokenizerOptions = {}) {
    this.tokenizer = new WinkTokenizer(options);
  }

  analyze(text: string): TextAnalysis {
    return this.analyzeLexemes(text, undefined, undefined);
  }

  /**
   * @internal `analyze`, also writing from index 0 into `tokenLexemes` /
   * `stemLexemes` the lexeme records of `tokens` / `stems`, so the insight
   * engine's models need no lookups of their own. Entries past
   * `tokens.length` are stale: callers may reuse the arrays.
   */
  analyzeLexemes(text: string, tokenLexemes: Lexeme[] | undefined, stemLexemes: Lexeme[] | undefined): TextAnalysis {
    const cleaned = cleanText(text ?? '');
    const pii = detectPii(cleaned);
    const safe = pii.length ? redactPii(cleaned, pii) : cleaned;
    // Per-document work arrays, reused (analysis is synchronous and none of them is returned). They are
    // written from index 0 with a count and never truncated: truncating frees an array's storage.
    const rawT = this.rawTokens;
    const rawK = this.rawKinds;
    const rawE = this.rawEntries;
    const rawN = this.tokenizer.tokenizeInto(normalizeCleaned(safe), rawT, rawK, rawE);
    const all = this.allTokens;
    const kinds = this.allKinds;
    const lexemes = this.allLexemes;
    const n = expandSlangLexemes(rawT, rawK, rawE, rawN, all, kinds, lexemes);
    if (this.neg.length < n) this.neg = new Int32Array(Math.max(n, this.neg.length * 2));
    const neg = this.neg;
    markNegationLexemes(lexemes, kinds, neg, n);
    const sentiment = scoreSentimentLexemes(all, kinds, neg, lexemes, n);

    const outT = this.outTokens;
    const outS = this.outStems;
    const parts = this.outParts;
    let m = 0;
    let p = 0;
    let question = false;
    for (let i = 0; i < n; i++) {
      const t = all[i];
      const kind = kinds[i];
      if (t === '[' || t === ']') continue;
      const l = lexemes[i];
      // normalized text: tokens joined by a space, none before punctuation
      parts[p] = p > 0 && kind !== 'punct' ? spaced(l) : t;
      p++;
      if ((l.flags & W_QUESTION_MARK) !== 0) question = true;
      if ((kind !== 'word' && kind !== 'money' && kind !== 'hashtag') || isPiiWord(t)) continue;
      if (neg[i] >= 0) {
        // NOT_token and NOT_stem, kept on the record so they are built once per word
        const nt = negatedLexeme(l);
        const ns = negatedStemLexeme(l);
        outT[m] = nt.text;
        outS[m] = ns.text;
        if (tokenLexemes) tokenLexemes[m] = nt;
        if (stemLexemes) stemLexemes[m] = ns;
        m++;
      } else if (l.content) {
        const sl = kind === 'word' ? stemLexeme(l) : l;
        outT[m] = t;
        outS[m] = sl.text;
        if (tokenLexemes) tokenLexemes[m] = l;
        if (stemLexemes) stemLexemes[m] = sl;
        m++;
      }
    }
    // exact-size copies: the scratch arrays are reused for the next document
    return new PipelineAnalysis(outT.slice(0, m), outS.slice(0, m), sentiment, pii, question, parts.slice(0, p));
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
