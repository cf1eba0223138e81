import { ABBREVIATIONS } from './normalize';

 
// wink-nlp's own typings model the English pipeline; we only need the
// tokenizer, so a narrow local interface keeps the dependency surface small.
interface WinkItsHelpers {
  value: unknown;
  type: unknown;
  precedingSpaces: unknown;
  uniqueId: unknown;
}
interface WinkToken {
  out(helper?: unknown): unknown;
}
interface WinkTokens {
  out(helper?: unknown): string[];
  itemAt(k: number): WinkToken;
}
interface WinkDoc {
  tokens(): WinkTokens;
}
interface WinkInstance {
  readDoc(text: string): WinkDoc;
  its: WinkItsHelpers;
}
type WinkFactory = (model: unknown, pipe?: string[]) => WinkInstance;

const winkNLP: WinkFactory = require('wink-nlp');
const upstreamModel: Record<string, unknown> = require('wink-eng-lite-web-model');

/*
 * wink-eng-lite-web-model 1.8 has a bug in metaCER(): it assigns
 * JSON.stringify(machines) back to its module variable, so every new wink
 * instance doubles the escaping and the string grows until V8 throws
 * "Invalid string length" (about a dozen instances). Since we recycle
 * instances to cap the lexicon, we hand wink a copy of the model whose
 * metaCER returns the same, once-serialised meta model every time. The JSON
 * itself is never mutated (only the variable is reassigned), so reading it
 * through require is safe even if other code already created instances.
 */
const cerMachines: string = JSON.stringify(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json'));
const cerTransformers: unknown = require('wink-eng-lite-web-model/dist/cer-transformers.js');
const winkModel: unknown = Object.assign(Object.create(null), upstreamModel, {
  metaCER: () => ({ machines: cerMachines, transformers: cerTransformers }),
});

export type TokenKind = 'word' | 'number' | 'money' | 'punct' | 'emoji' | 'email' | 'url' | 'mention' | 'hashtag' | 'other';

export interface TokenStream {
  tokens: string[];
  kinds: TokenKind[];
}

export interface WinkTokenizerOptions {
  /**
   * wink-nlp adds every unseen word to its lexicon and never forgets it, so a
   * long-running worker would grow without bound. After this many documents
   * the instance is dropped and a fresh one built (about 70 ms).
   */
  resetEveryDocs?: number;
  /** Same cap by characters read, for runs of very long documents. */
  resetEveryChars?: number;
}

/** Default of `resetEveryDocs` (the benchmark's wink-only baseline recycles at the same pace). */
export const WINK_RESET_EVERY_DOCS = 50_000;

const KIND_OF: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  ordinal: 'number',
  punctuation: 'punct',
  emoji: 'emoji',
  emoticon: 'emoji',
  email: 'email',
  url: 'url',
  mention: 'mention',
  hashtag: 'hashtag',
  currency: 'other',
  symbol: 'other',
  time: 'number',
  unk: 'other',
};

const MONEY_TOKEN = /^rp\d+$/;
const WORDISH = /^[a-z0-9]/;

/**
 * One distinct token of the current wink instance, by wink's `its.uniqueId`.
 * wink's value and type are both read off that id, so they are fixed for the
 * instance's lifetime: we read them once per id instead of once per token,
 * and keep how a lone token of that id is emitted.
 */
export interface WinkEntry {
  /** wink's value. */
  readonly value: string;
  /** Our kind for wink's type. */
  readonly kind: TokenKind;
  /** wink's type is word or number: may be the tail of a hyphen join. */
  readonly joinable: boolean;
  /** "-" or ".": may join the word before it (hyphen joins, abbreviation dots). */
  readonly joiner: boolean;
  /** The token a lone occurrence emits (abbreviation dot dropped) and its kind (money, word…). */
  readonly out: string;
  readonly outKind: TokenKind;
  /** Dropped entirely (a lone "_"). */
  readonly skip: boolean;
  /** Has a quote glued on: split into quote and word (rare, done per occurrence). */
  readonly quoted: boolean;
  /** A word abbreviation whose following "." (no space between) is swallowed. */
  readonly abbrevDot: boolean;
  /**
   * The caller's per-word record for `out` (the pipeline keeps its lexeme
   * record here). Dropped with the wink instance, so it is bounded like wink's lexicon.
   */
  data: unknown;
}

/** Word after hyphen joins: abbreviation dot dropped, money marked. */
function finishWord(v: string): { v: string; kind: TokenKind; abbrevDot: boolean } {
  let abbrevDot = false;
  if (v.endsWith('.') && ABBREVIATIONS.has(v.slice(0, -1))) v = v.slice(0, -1);
  else abbrevDot = ABBREVIATIONS.has(v) && v !== 'dr';
  const kind: TokenKind = v.charCodeAt(0) === 114 && v.charCodeAt(1) === 112 && MONEY_TOKEN.test(v) ? 'money' : 'word'; // "rp…"
  return { v, kind, abbrevDot };
}

function isQuoted(v: string, kind: TokenKind): boolean {
  return kind === 'word' && v.length > 1 && (v.endsWith("'") || v.startsWith("'"));
}

function makeEntry(value: string, type: string): WinkEntry {
  const kind: TokenKind = KIND_OF[type] ?? 'other';
  let out = value;
  let outKind = kind;
  let abbrevDot = false;
  if (kind === 'word') {
    const w = finishWord(value);
    out = w.v;
    outKind = w.kind;
    abbrevDot = w.abbrevDot;
  } else if (kind === 'number' && MONEY_TOKEN.test(value)) {
    outKind = 'money';
  }
  if (outKind === 'other' && WORDISH.test(out)) outKind = 'word';
  return {
    value, kind, out, outKind, abbrevDot, data: undefined,
    joinable: type === 'word' || type === 'number',
    joiner: value === '-' || value === '.',
    skip: kind === 'other' && value === '_',
    quoted: isQuoted(out, outKind),
  };
}

/** wink keeps a quote glued to the word ("katanya'"); quotes matter for sarcasm, so they become tokens of their own. */
function putQuoted(v: string, tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined, n: number): number {
  const lead = v.startsWith("'");
  const core = v.replace(/^'+|'+$/g, '');
  if (lead) n = put(tokens, kinds, entries, n, "'", 'punct');
  if (core) n = put(tokens, kinds, entries, n, core, 'word');
  if (v.endsWith("'")) n = put(tokens, kinds, entries, n, "'", 'punct');
  return n;
}

/** Writes a token that is no wink entry's lone form at position n; returns the next position. */
function put(tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined, n: number, v: string, kind: TokenKind): number {
  tokens[n] = v;
  kinds[n] = kind;
  if (entries) entries[n] = null;
  return n + 1;
}

/**
 * Wraps one wink-nlp instance with an empty pipe (the English annotators are
 * wrong for Indonesian and cost time) and rebuilds it periodically so memory
 * stays flat over millions of documents.
 */
export class WinkTokenizer {
  private nlp: WinkInstance;
  /** WinkEntry by wink uniqueId, for the current instance only (ids are per instance). */
  private entries: (WinkEntry | undefined)[] = [];
  /** spacesBefore's answer, reused. */
  private spaces = new Int32Array(64);
  private docsSinceReset = 0;
  private charsSinceReset = 0;
  private gen = 1;
  private readonly resetEveryDocs: number;
  private readonly resetEveryChars: number;

  constructor(options: WinkTokenizerOptions = {}) {
    this.resetEveryDocs = options.resetEveryDocs ?? WINK_RESET_EVERY_DOCS;
    this.resetEveryChars = options.resetEveryChars ?? 20_000_000;
    this.nlp = winkNLP(winkModel, []);
  }

  /** How many wink instances this tokenizer has built; 1 until the first reset. */
  get generation(): number {
    return this.gen;
  }

  get documentsSinceReset(): number {
    return this.docsSinceReset;
  }

  reset(): void {
    this.nlp = winkNLP(winkModel, []);
    this.entries = [];
    this.docsSinceReset = 0;
    this.charsSinceReset = 0;
    this.gen++;
  }

  /**
   * Tokenises already-normalised (lower-case) text. Re-joins what wink splits
   * but Indonesian keeps whole: reduplication "anak-anak", "jl." style
   * abbreviations, "rt03/rw05"-like codes stay as wink gives them.
   */
  tokenize(text: string): TokenStream {
    const tokens: string[] = [];
    const kinds: TokenKind[] = [];
    this.tokenizeInto(text, tokens, kinds, undefined);
    return { tokens, kinds };
  }

  /**
   * @internal `tokenize` into the caller's arrays from index 0, returning the
   * token count; entries past it are left over from earlier calls (the
   * pipeline reuses its arrays, and truncating an array frees its storage).
   * `entries` (if given) receives, parallel to the tokens, the WinkEntry a
   * token is the lone form of, or null for joined/split tokens.
   */
  tokenizeInto(text: string, tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined): number {
    if (this.docsSinceReset >= this.resetEveryDocs || this.charsSinceReset >= this.resetEveryChars) this.reset();
    this.docsSinceReset++;
    this.charsSinceReset += text.length;

    const its = this.nlp.its;
    const t = this.nlp.readDoc(text).tokens();
    // Ids only: value and type are read (once per instance) only for ids not seen before.
    const ids = t.out(its.uniqueId) as unknown as number[];
    const table = this.entries;
    const n = ids.length;
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (id >= table.length) {
        // grow densely (ids are small integers; a sparse array would fall back to a hash table)
        while (table.length <= id) table.push(undefined);
      }
      if (table[id] === undefined) missing++;
    }
    if (missing * 4 > n) {
      // many new: one pass each for all values and types
      const values = t.out(its.value);
      const types = t.out(its.type);
      for (let i = 0; i < n; i++) if (table[ids[i]] === undefined) table[ids[i]] = makeEntry(values[i], types[i]);
    } else if (missing > 0) {
      // a few new words (the usual case): ask wink about those tokens only
      for (let i = 0; i < n; i++) {
        if (table[ids[i]] !== undefined) continue;
        const item = t.itemAt(i);
        table[ids[i]] = makeEntry(item.out(its.value) as unknown as string, item.out(its.type) as unknown as string);
      }
    }
    // Spaces matter only between a word and a following "-" (hyphen joins) or "." (after an
    // abbreviation); they are worked out the first time such a pair turns up.
    let spaces: Int32Array | null = null;
    let m = 0;

    for (let i = 0; i < n; i++) {
      const e = table[ids[i]] as WinkEntry;
      if (e.kind === 'word' && i + 1 < n && (table[ids[i + 1]] as WinkEntry).joiner) {
        const next = (table[ids[i + 1]] as WinkEntry).value;
        const hyphen = next === '-' && i + 2 < n && (table[ids[i + 2]] as WinkEntry).joinable;
        const dot = next === '.' && e.abbrevDot;
        if (hyphen || dot) {
          if (spaces === null) spaces = this.spacesBefore(text, ids, t);
          // word-word-word joined by hyphens without spaces: one token
          if (hyphen && spaces[i + 1] === 0 && spaces[i + 2] === 0) {
            let v = e.value;
            while (
              i + 2 < n && (table[ids[i + 1]] as WinkEntry).value === '-' && spaces[i + 1] === 0 && spaces[i + 2] === 0 &&
              (table[ids[i + 2]] as WinkEntry).joinable
            ) {
              v = v + '-' + (table[ids[i + 2]] as WinkEntry).value;
              i += 2;
            }
            const w = finishWord(v);
            if (w.abbrevDot && i + 1 < n && (table[ids[i + 1]] as WinkEntry).value === '.' && spaces[i + 1] === 0) i++;
            m = isQuoted(w.v, w.kind) ? putQuoted(w.v, tokens, kinds, entries, m) : put(tokens, kinds, entries, m, w.v, w.kind);
            continue;
          }
          if (dot && spaces[i + 1] === 0) i++;
        }
      }
      if (e.skip) continue;
      if (e.quoted) {
        m = putQuoted(e.out, tokens, kinds, entries, m);
        continue;
      }
      tokens[m] = e.out;
      kinds[m] = e.outKind;
      if (entries) entries[m] = e;
      m++;
    }
    return m;
  }

  /**
   * How many spaces precede each token. wink's values with their preceding
   * spaces spell the text, so walking the text gives the counts without
   * another pass through wink; where the text does not line up (characters
   * wink reads as space other than " ") wink's own answer is used.
   */
  private spacesBefore(text: string, ids: readonly number[], t: WinkTokens): Int32Array {
    const n = ids.length;
    if (this.spaces.length < n) this.spaces = new Int32Array(Math.max(n, this.spaces.length * 2));
    const out = this.spaces;
    const table = this.entries;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const start = p;
      while (text.charCodeAt(p) === 32) p++;
      const v = (table[ids[i]] as WinkEntry).value;
      if (!text.startsWith(v, p)) {
        const wink = t.out(this.nlp.its.precedingSpaces);
        for (let j = 0; j < n; j++) out[j] = wink[j].length;
        return out;
      }
      out[i] = p - start;
      p += v.length;
    }
    return out;
  }
}

let shared: WinkTokenizer | undefined;

/** Process-wide tokenizer so callers do not each pay for a wink instance. */
export function sharedTokenizer(): WinkTokenizer {
  if (!shared) shared = new WinkTokenizer();
  return shared;
}
