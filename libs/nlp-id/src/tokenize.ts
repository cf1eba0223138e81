import { ABBREVIATIONS } from './normalize';

 
// wink-nlp's own typings model the English pipeline; we only need the
// tokenizer, so a narrow local interface keeps the dependency surface small.
interface WinkItsHelpers {
  value: unknown;
  type: unknown;
  precedingSpaces: unknown;
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
const NO_SPACES: string[] = [];
const WORDISH = /^[a-z0-9]/;

/**
 * Wraps one wink-nlp instance with an empty pipe (the English annotators are
 * wrong for Indonesian and cost time) and rebuilds it periodically so memory
 * stays flat over millions of documents.
 */
export class WinkTokenizer {
  private nlp: WinkInstance;
  private docsSinceReset = 0;
  private charsSinceReset = 0;
  private gen = 1;
  private readonly resetEveryDocs: number;
  private readonly resetEveryChars: number;

  constructor(options: WinkTokenizerOptions = {}) {
    this.resetEveryDocs = options.resetEveryDocs ?? 50_000;
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
    if (this.docsSinceReset >= this.resetEveryDocs || this.charsSinceReset >= this.resetEveryChars) this.reset();
    this.docsSinceReset++;
    this.charsSinceReset += text.length;

    const its = this.nlp.its;
    const t = this.nlp.readDoc(text).tokens();
    const values = t.out(its.value);
    const types = t.out(its.type);
    // Spaces are only consulted after a "-" or "." token, which text without those characters cannot have.
    const spaces = text.includes('-') || text.includes('.') ? t.out(its.precedingSpaces) : NO_SPACES;

    const tokens: string[] = [];
    const kinds: TokenKind[] = [];
    const n = values.length;
    for (let i = 0; i < n; i++) {
      let v = values[i];
      let kind: TokenKind = KIND_OF[types[i]] ?? 'other';

      // word-word-word joined by hyphens without spaces: one token
      if (kind === 'word') {
        while (
          i + 2 < n && values[i + 1] === '-' && spaces[i + 1] === '' && spaces[i + 2] === '' &&
          (types[i + 2] === 'word' || types[i + 2] === 'number')
        ) {
          v = v + '-' + values[i + 2];
          i += 2;
        }
        if (v.endsWith('.') && ABBREVIATIONS.has(v.slice(0, -1))) v = v.slice(0, -1);
        else if (i + 1 < n && values[i + 1] === '.' && spaces[i + 1] === '' && ABBREVIATIONS.has(v) && v !== 'dr') {
          i++;
        }
        if (v.charCodeAt(0) === 114 && v.charCodeAt(1) === 112 && MONEY_TOKEN.test(v)) kind = 'money'; // "rp…"
      } else if (kind === 'other' && v === '_' ) {
        continue;
      } else if (kind === 'number' && MONEY_TOKEN.test(v)) {
        kind = 'money';
      }
      if (kind === 'other' && WORDISH.test(v)) kind = 'word';
      if (kind === 'word' && v.length > 1 && (v.endsWith("'") || v.startsWith("'"))) {
        // wink keeps a quote glued to the word ("katanya'"); quotes matter for sarcasm
        const lead = v.startsWith("'");
        const core = v.replace(/^'+|'+$/g, '');
        if (lead) { tokens.push("'"); kinds.push('punct'); }
        if (core) { tokens.push(core); kinds.push('word'); }
        if (v.endsWith("'")) { tokens.push("'"); kinds.push('punct'); }
        continue;
      }
      tokens.push(v);
      kinds.push(kind);
    }
    return { tokens, kinds };
  }
}

let shared: WinkTokenizer | undefined;

/** Process-wide tokenizer so callers do not each pay for a wink instance. */
export function sharedTokenizer(): WinkTokenizer {
  if (!shared) shared = new WinkTokenizer();
  return shared;
}
