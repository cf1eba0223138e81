import { markNegation } from './negation';
import { cleanText, normalizeCleaned } from './normalize';
import { detectPii, redactPii, type PiiMatch } from './pii';
import { lexeme, negatedLexeme, negatedStemLexeme, stemLexeme, type Lexeme } from './lexeme';
import { scoreSentimentLexemes, type SentimentResult } from './sentiment';
import { expandSlangTokens } from './slang';
import { WinkTokenizer, type TokenKind, type WinkTokenizerOptions } from './tokenize';

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
 * The whole Indonesian pipeline behind one object. Hold one per process (or
 * per worker): it owns the wink-nlp instance and recycles it to keep memory flat.
 */
export class IndonesianTextPipeline {
  readonly tokenizer: WinkTokenizer;

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
    const raw = this.tokenizer.tokenize(normalizeCleaned(safe));
    const { tokens: all, kinds: k } = expandSlangTokens(raw.tokens, raw.kinds);
    const kinds = k as TokenKind[];
    const n = all.length;
    const neg = markNegation(all, kinds);
    const lexemes: Lexeme[] = new Array(n);
    for (let i = 0; i < n; i++) lexemes[i] = lexeme(all[i]);
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

function pipeline(): IndonesianTextPipeline {
  if (!defaultPipeline) defaultPipeline = new IndonesianTextPipeline();
  return defaultPipeline;
}

/** Analyse one text with the process-wide pipeline. */
export function analyzeText(text: string): TextAnalysis {
  return pipeline().analyze(text);
}

/** Term list for classification with the process-wide pipeline. */
export function extractTerms(text: string, options: TermOptions = {}): string[] {
  return pipeline().terms(text, options);
}
