import { markNegation, negatedForm } from './negation';
import { cleanText, normalizeCleaned } from './normalize';
import { detectPii, redactPii, type PiiMatch } from './pii';
import { scoreSentiment, type SentimentResult } from './sentiment';
import { expandSlangTokens } from './slang';
import { stem } from './stemmer';
import { isStopword } from './stopwords';
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

const KEEP_KINDS: ReadonlySet<TokenKind> = new Set<TokenKind>(['word', 'money', 'hashtag']);
// Placeholders left by redaction; they say nothing about the topic.
const PII_WORDS: ReadonlySet<string> = new Set(['nik', 'telepon', 'email']);

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
    const cleaned = cleanText(text ?? '');
    const pii = detectPii(cleaned);
    const safe = pii.length ? redactPii(cleaned, pii) : cleaned;
    const raw = this.tokenizer.tokenize(normalizeCleaned(safe));
    const { tokens: all, kinds: k } = expandSlangTokens(raw.tokens, raw.kinds);
    const kinds = k as TokenKind[];
    const neg = markNegation(all, kinds);
    const sentiment = scoreSentiment(all, kinds, neg);

    const tokens: string[] = [];
    const stems: string[] = [];
    let normalized = '';
    for (let i = 0; i < all.length; i++) {
      const t = all[i];
      const kind = kinds[i];
      if (t === '[' || t === ']') continue;
      normalized += normalized && kind !== 'punct' ? ' ' + t : t;
      if (!KEEP_KINDS.has(kind) || PII_WORDS.has(t)) continue;
      if (neg[i] >= 0) {
        tokens.push(negatedForm(t));
        stems.push(negatedForm(stem(t)));
      } else if (!isStopword(t) && t.length > 1) {
        tokens.push(t);
        stems.push(kind === 'word' ? stem(t) : t);
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
