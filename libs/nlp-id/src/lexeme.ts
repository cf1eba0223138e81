/*
 * Internal (not exported from the package): one memoised record per distinct
 * token or stem string, holding everything the per-document stages ask about
 * it (sentiment-lexicon flags and weight, stop word, stem, negated forms) plus
 * one slot per model kind for model-specific feature ids. The stages used to
 * look the same word up in half a dozen Maps and Sets; under the memory
 * pressure of a real worker (wink's lexicon, the models' weight tables) each
 * of those lookups was a cache miss. Now a token costs one lookup, and the
 * records of its stem and negated forms are reached by pointer.
 *
 * Everything stored is a pure function of the string (and, for the model
 * slots, of the model), so the cache only changes speed, never results.
 */
import { NEGATION_PREFIX, NEGATORS, SCOPE_BREAKERS, TRANSPARENT } from './negation';
import {
  CONTRAST_WORDS, HYPOTHETICAL_WORDS, INFO_SUGGESTION_WORDS, QUESTION_WORDS, REQUEST_WORDS, SARCASM_CUES,
  SENTIMENT_PHRASES, SENTIMENT_STEMS, SENTIMENT_SURFACE,
} from './sentiment-lexicon';
import { stem as stemWord } from './stemmer';
import { isStopword } from './stopwords';
import { slangBigramHeads, slangLookup, slangRule } from './slang';

export const W_REQUEST = 1;
export const W_INFO = 2;
export const W_CONTRAST = 4;
export const W_SARCASM = 8;
export const W_HYPO = 16;
export const W_QUESTION = 32;
export const W_NEGATOR = 64;
/** Ends a negation's scope (negation.ts SCOPE_BREAKERS). */
export const W_SCOPE_BREAK = 128;
/** Sits inside a negation without being its target (negation.ts TRANSPARENT). */
export const W_TRANSPARENT = 256;
/** Holds a "?" (the text asks something). */
export const W_QUESTION_MARK = 512;

export interface Lexeme {
  readonly text: string;
  /** W_* bits: which sentiment word lists hold the word. */
  readonly flags: number;
  /** Lexicon weight: surface form, else the word as a stem, else its stem. */
  readonly lex: number | undefined;
  /** Sentiment phrases starting with the word, longest first. */
  readonly phrases: ReadonlyArray<{ words: string[]; weight: number }> | undefined;
  /** Not a stop word and longer than one character. */
  readonly content: boolean;
  readonly stem: string;
  /** Records of `stem`, NOT_`text` and NOT_`stem`, filled on first use. */
  stemLex: Lexeme | undefined;
  negLex: Lexeme | undefined;
  negStemLex: Lexeme | undefined;
  /** Topic-model slot (see topic-model.ts StemInfo): id of the model that filled it, then its feature ids. */
  topicOwner: number;
  topicWord: number;
  topicBare: number;
  topicChars: Int32Array | null;
  topicPairs: Int32Array | null;
  topicPairB: number;
  /** Sentiment-model slot: id of the model that filled it, and the feature id (-1 = unknown). */
  sentimentOwner: number;
  sentimentId: number;
  /** Slang (see slang.ts): context rule (SLANG_RULE_*, 0 = none), two-word entries starting here, single-word expansion. */
  readonly slangRule: number;
  readonly slangHeads: ReadonlyMap<string, readonly string[]> | null;
  readonly slangWords: readonly string[] | null;
  /** Records of `slangWords`, filled on first use. */
  slangLex: readonly Lexeme[] | undefined;
  /** " " + `text`, filled on first use (the pipeline joins normalised text from these). */
  spaced: string | undefined;
}

function lexWeight(word: string): number | undefined {
  const s = SENTIMENT_SURFACE.get(word);
  if (s !== undefined) return s;
  const direct = SENTIMENT_STEMS.get(word);
  if (direct !== undefined) return direct;
  return SENTIMENT_STEMS.get(stemWord(word));
}

function build(t: string): Lexeme {
  const flags =
    (REQUEST_WORDS.has(t) ? W_REQUEST : 0) |
    (INFO_SUGGESTION_WORDS.has(t) ? W_INFO : 0) |
    (CONTRAST_WORDS.has(t) ? W_CONTRAST : 0) |
    (SARCASM_CUES.has(t) ? W_SARCASM : 0) |
    (HYPOTHETICAL_WORDS.has(t) ? W_HYPO : 0) |
    (QUESTION_WORDS.has(t) ? W_QUESTION : 0) |
    (NEGATORS.has(t) ? W_NEGATOR : 0) |
    (SCOPE_BREAKERS.has(t) ? W_SCOPE_BREAK : 0) |
    (TRANSPARENT.has(t) ? W_TRANSPARENT : 0) |
    (t.includes('?') ? W_QUESTION_MARK : 0);
  return {
    text: t,
    flags,
    lex: lexWeight(t),
    phrases: SENTIMENT_PHRASES.get(t),
    content: !isStopword(t) && t.length > 1,
    stem: stemWord(t),
    stemLex: undefined,
    negLex: undefined,
    negStemLex: undefined,
    topicOwner: 0,
    topicWord: -1,
    topicBare: -2,
    topicChars: null,
    topicPairs: null,
    topicPairB: -1,
    sentimentOwner: 0,
    sentimentId: -1,
    slangRule: slangRule(t),
    slangHeads: slangBigramHeads(t) ?? null,
    slangWords: slangLookup(t) ?? null,
    slangLex: undefined,
    spaced: undefined,
  };
}

/**
 * Two generations: when the young Map is full it becomes the old one and a
 * fresh young Map starts; a hit in the old generation is promoted. Memory stays
 * bounded (2 × limit) and a working set below the limit never falls out.
 */
export class GenerationalCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}

const LEXEME_CACHE_LIMIT = 50_000;
const cache = new GenerationalCache<Lexeme>(LEXEME_CACHE_LIMIT);

export function lexeme(t: string): Lexeme {
  let l = cache.get(t);
  if (l === undefined) {
    l = build(t);
    cache.set(t, l);
  }
  return l;
}

export function stemLexeme(l: Lexeme): Lexeme {
  let s = l.stemLex;
  if (s === undefined) s = l.stemLex = l.stem === l.text ? l : lexeme(l.stem);
  return s;
}

export function negatedLexeme(l: Lexeme): Lexeme {
  let s = l.negLex;
  if (s === undefined) s = l.negLex = lexeme(NEGATION_PREFIX + l.text);
  return s;
}

export function negatedStemLexeme(l: Lexeme): Lexeme {
  let s = l.negStemLex;
  if (s === undefined) s = l.negStemLex = lexeme(NEGATION_PREFIX + l.stem);
  return s;
}

export function spaced(l: Lexeme): string {
  let s = l.spaced;
  if (s === undefined) s = l.spaced = ' ' + l.text;
  return s;
}

/** Records of the slang expansion of `l` (null if it is not slang). */
export function slangLexemes(l: Lexeme): readonly Lexeme[] | null {
  if (l.slangWords === null) return null;
  let s = l.slangLex;
  if (s === undefined) s = l.slangLex = l.slangWords.map((w) => lexeme(w));
  return s;
}

let owners = 0;

/** A fresh id for a model's slot in the lexeme records. */
export function nextLexemeOwner(): number {
  return ++owners;
}
