import { ABBREVIATIONS } from './normalize';

 
// wink-nlp's own typings model the English pipeline; we only need the
// tokenizer, so a narrow local interface keeps the dependency surface small.
interface WinkItsHelpers {
  value: unknown;
  type: unknown;
  precedingSpaces: unknown;
  uniqueId: unknown;
}
interface WinkTokens {
  out(helper?: unknown): string[];
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
    skip: kind === 'other' && value === '_',
    quoted: isQuoted(out, outKind),
  };
}

/** wink keeps a quote glued to the word ("katanya'"); quotes matter for sarcasm, so they become tokens of their own. */
function pushQuoted(v: string, tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined): void {
  const lead = v.startsWith("'");
  const core = v.replace(/^'+|'+$/g, '');
  if (lead) push(tokens, kinds, entries, "'", 'punct');
  if (core) push(tokens, kinds, entries, core, 'word');
  if (v.endsWith("'")) push(tokens, kinds, entries, "'", 'punct');
}

function push(tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined, v: string, kind: TokenKind): void {
  tokens.push(v);
  kinds.push(kind);
  if (entries) entries.push(null);
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
   * @internal `tokenize` appending to the caller's arrays; `entries` (if
   * given) receives, parallel to the tokens, the WinkEntry a token is the
   * lone form of, or null for joined/split tokens.
   */
  tokenizeInto(text: string, tokens: string[], kinds: TokenKind[], entries: (WinkEntry | null)[] | undefined): void {
    if (this.docsSinceReset >= this.resetEveryDocs || this.charsSinceReset >= this.resetEveryChars) this.reset();
    this.docsSinceReset++;
    this.charsSinceReset += text.length;

    const its = this.nlp.its;
    const t = this.nlp.readDoc(text).tokens();
    // Ids only: value and type are read (once per instance) only for ids not seen before.
    const ids = t.out(its.uniqueId) as unknown as number[];
    const table = this.entries;
    const n = ids.length;
    let missing = false;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (id >= table.length) {
        // grow densely (ids are small integers; a sparse array would fall back to a hash table)
        while (table.length <= id) table.push(undefined);
      }
      if (table[id] === undefined) missing = true;
    }
    if (missing) {
      const values = t.out(its.value);
      const types = t.out(its.type);
      for (let i = 0; i < n; i++) if (table[ids[i]] === undefined) table[ids[i]] = makeEntry(values[i], types[i]);
    }
    // Spaces are only consulted after a "-" or "." token following a word, which text without those
    // characters cannot have; read them (one more pass in wink) only when such a pair turns up.
    const mayJoin = text.includes('-') || text.includes('.');
    let spaces: string[] | null = null;

    for (let i = 0; i < n; i++) {
      const e = table[ids[i]] as WinkEntry;
      if (e.kind === 'word' && mayJoin && i + 1 < n) {
        const next = (table[ids[i + 1]] as WinkEntry).value;
        if (next === '-' || next === '.') {
          if (spaces === null) spaces = t.out(its.precedingSpaces);
          // word-word-word joined by hyphens without spaces: one token
          if (i + 2 < n && spaces[i + 1] === '' && spaces[i + 2] === '' && next === '-' && (table[ids[i + 2]] as WinkEntry).joinable) {
            let v = e.value;
            while (
              i + 2 < n && (table[ids[i + 1]] as WinkEntry).value === '-' && spaces[i + 1] === '' && spaces[i + 2] === '' &&
              (table[ids[i + 2]] as WinkEntry).joinable
            ) {
              v = v + '-' + (table[ids[i + 2]] as WinkEntry).value;
              i += 2;
            }
            const w = finishWord(v);
            if (w.abbrevDot && i + 1 < n && (table[ids[i + 1]] as WinkEntry).value === '.' && spaces[i + 1] === '') i++;
            if (isQuoted(w.v, w.kind)) pushQuoted(w.v, tokens, kinds, entries);
            else push(tokens, kinds, entries, w.v, w.kind);
            continue;
          }
          if (e.abbrevDot && next === '.' && spaces[i + 1] === '') i++;
        }
      }
      if (e.skip) continue;
      if (e.quoted) {
        pushQuoted(e.out, tokens, kinds, entries);
        continue;
      }
      tokens.push(e.out);
      kinds.push(e.outKind);
      if (entries) entries.push(e);
    }
  }
}

let shared: WinkTokenizer | undefined;

/** Process-wide tokenizer so callers do not each pay for a wink instance. */
export function sharedTokenizer(): WinkTokenizer {
  if (!shared) shared = new WinkTokenizer();
  return shared;
}
