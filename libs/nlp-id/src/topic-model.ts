/*
 * Topic classifier of the insight engine: complement naive Bayes over our own
 * features (stems with NOT_ marks, the bare stem of a negated word, adjacent
 * stem pairs, and character 4-grams standing in for words the model has never
 * seen), with a softmax temperature fitted on out-of-fold scores so that
 * `confidence` is usable as a probability.
 *
 * Choices measured with 5-fold CV on the training corpus and a typo-injected
 * copy of it (see docs/insight-model-card.md): CNB beat multinomial NB by
 * ~7 macro-F1 points; char n-grams on every word cost clean accuracy, on
 * unknown words only they recover most of what typos lose.
 */
import { analyzeText, sharedPipeline, type TextAnalysis } from './pipeline';
import { NEGATION_PREFIX } from './negation';
import { GenerationalCache, nextLexemeOwner, type Lexeme } from './lexeme';
import { UNKNOWN_LABEL, classificationReport, stratifiedFolds } from './evaluation';
import {
  compileComplementNb, countsSignature, fingerprint, fitTemperature, learnCounts, scoreFeatures, softmaxInto,
  type CompiledNb, type NbCounts,
} from './naive-bayes';

export interface TopicExample {
  text: string;
  category: string;
}

export interface TopicModelOptions {
  /** Additive smoothing (default 1; 0.3 and 2 were worse in CV). */
  alpha?: number;
  /** Adjacent stem pairs (default true). */
  bigrams?: boolean;
  /** Character n-gram length for unknown words; 0 disables (default 4). */
  charNgram?: number;
  /** Weight of one character n-gram relative to a word (default 0.5). */
  charWeight?: number;
  /** Fit the confidence temperature by internal k-fold (default true; off only to save time in CV loops). */
  calibrate?: boolean;
  /** If set (e.g. 5), run k-fold CV of these options on the training data and keep it in `metrics`. */
  crossValidateFolds?: number;
}

type ResolvedOptions = Required<Omit<TopicModelOptions, 'crossValidateFolds'>>;

const DEFAULTS: ResolvedOptions = { alpha: 1, bigrams: true, charNgram: 4, charWeight: 0.5, calibrate: true };

export interface TopicAlternative {
  category: string;
  confidence: number;
}

export interface TopicPrediction {
  /** One of the trained codes, or `unknown` when the text has no word the model knows. */
  category: string;
  /** 0..1, calibrated on held-out folds of the training data. */
  confidence: number;
  /** Next most likely categories (up to 3), most likely first. */
  alternatives: TopicAlternative[];
  /** 3–6 words or word pairs from the text that pushed the prediction most, readable (slang expanded). */
  reasons: string[];
  abstained: boolean;
}

/** What `TopicModel.classify` answers: the category and its confidence. */
export interface TopicGuess {
  category: string;
  confidence: number;
}

export interface TopicModelMetrics {
  examples: number;
  perLabel: Record<string, number>;
  vocabulary: number;
  temperature: number;
  crossValidation?: { k: number; macroF1: number; accuracy: number };
}

export interface TopicModelJSON {
  format: 'ogh-topic-model';
  formatVersion: 1;
  version: string;
  options: ResolvedOptions;
  temperature: number;
  counts: NbCounts;
  metrics: TopicModelMetrics;
}

const CHAR_PREFIX = '#';
const PAIR_SEP = '_';
const KIND_WORD = 0;
const KIND_PAIR = 1;
const KIND_CHAR = 2;

/** Features of one analysed text, with where each came from (for the reasons). */
interface FeatureSet {
  features: string[];
  /** position * 3 + kind, parallel to `features`. */
  source: number[];
}

/**
 * Builds the feature list. `known` is the model's vocabulary at prediction
 * time: character n-grams are added only for words outside it (training
 * passes undefined, so every word contributes its n-grams to the counts).
 */
function topicFeatures(stems: readonly string[], o: ResolvedOptions, known?: ReadonlyMap<string, number>): FeatureSet {
  const seen = new Set<string>();
  const features: string[] = [];
  const source: number[] = [];
  const add = (f: string, pos: number, kind: number): void => {
    if (seen.has(f)) return;
    seen.add(f);
    features.push(f);
    source.push(pos * 3 + kind);
  };
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    add(s, i, KIND_WORD);
    const negated = s.startsWith(NEGATION_PREFIX);
    // "tidak ada lampu" is still about lamps: the bare stem keeps the topic signal
    if (negated) add(s.slice(NEGATION_PREFIX.length), i, KIND_WORD);
    if (o.bigrams && i + 1 < stems.length) add(s + PAIR_SEP + stems[i + 1], i, KIND_PAIR);
    if (o.charNgram > 0 && !negated && (!known || !known.has(s))) {
      const w = '<' + s + '>';
      for (let j = 0; j + o.charNgram <= w.length; j++) add(CHAR_PREFIX + w.slice(j, j + o.charNgram), i, KIND_CHAR);
    }
  }
  return { features, source };
}

function resolve(options: TopicModelOptions | ResolvedOptions = {}): ResolvedOptions {
  return {
    alpha: options.alpha ?? DEFAULTS.alpha,
    bigrams: options.bigrams ?? DEFAULTS.bigrams,
    charNgram: options.charNgram ?? DEFAULTS.charNgram,
    charWeight: options.charWeight ?? DEFAULTS.charWeight,
    calibrate: options.calibrate ?? DEFAULTS.calibrate,
  };
}

function compile(counts: NbCounts, o: ResolvedOptions): CompiledNb {
  return compileComplementNb(counts, o.alpha, (f) => (f.startsWith(CHAR_PREFIX) ? o.charWeight : 1));
}

/**
 * The word as the resident wrote it (slang expanded). A negated word is shown
 * bare: the negator may be "jangan" or "belum", not "tidak", and the topic
 * reason is the word itself; negation is the sentiment model's business.
 */
function readable(token: string): string {
  return token.startsWith(NEGATION_PREFIX) ? token.slice(NEGATION_PREFIX.length) : token;
}

/**
 * What the model knows about one stem. The insight engine keeps these on the
 * stem's lexeme record (same field names); other callers get them from a cache.
 */
interface StemInfo {
  /** Feature id of the stem itself, -1 if not in the vocabulary. */
  topicWord: number;
  /** For a NOT_ stem: feature id of the bare stem (-1 if unknown); -2 for stems that are not negated. */
  topicBare: number;
  /** Known character n-gram ids of an unknown, non-negated stem, in order (duplicates kept); null otherwise. */
  topicChars: Int32Array | null;
  /**
   * Known pairs with this stem as the first word (null if none), as an
   * open-addressing table of [second key, feature id] slots (see `pairTable`).
   * A pair lookup is usually one probe, without building the "a_b" string.
   */
  topicPairs: Int32Array | null;
  /** Key of this stem as the second word of a known pair, -1 if never. */
  topicPairB: number;
}

/** Bound on cached stems per generation (see GenerationalCache). */
const STEM_CACHE_LIMIT = 20_000;
const EMPTY_IDS = new Int32Array(0);

/** Integer key of the n characters of `w` from `start` (n <= 4), 7 bits each; -1 if one is not ASCII. */
function asciiGramKey(w: string, start: number, n: number): number {
  let key = 0;
  for (let i = start; i < start + n; i++) {
    const c = w.charCodeAt(i);
    if (c > 127) return -1;
    key = (key << 7) | c;
  }
  return key;
}

/**
 * [second key, feature id, …] pairs as an open-addressing table: a power of
 * two of slots, at most half full, empty slots keyed -1. Common stems begin
 * hundreds of pairs; a binary search over those cost several cache misses
 * per word, a probe here costs one.
 */
function pairTable(list: readonly number[]): Int32Array {
  const count = list.length / 2;
  let slots = 2;
  while (slots < count * 2) slots <<= 1;
  const table = new Int32Array(slots * 2).fill(-1);
  for (let i = 0; i < count; i++) {
    let s = pairSlot(list[2 * i], slots);
    while (table[2 * s] !== -1) s = (s + 1) & (slots - 1);
    table[2 * s] = list[2 * i];
    table[2 * s + 1] = list[2 * i + 1];
  }
  return table;
}

/** Home slot of a second key: the top bits of a multiplicative hash. */
function pairSlot(key: number, slots: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (Math.clz32(slots) + 1);
}

/** Feature id of the pair with second key `second` in a stem's `topicPairs`, or -1. */
function pairId(table: Int32Array, second: number): number {
  const slots = table.length >> 1;
  for (let s = pairSlot(second, slots); ; s = (s + 1) & (slots - 1)) {
    const key = table[2 * s];
    if (key === second) return table[2 * s + 1];
    if (key === -1) return -1;
  }
}

export class TopicModel {
  readonly version: string;
  readonly metrics: TopicModelMetrics;
  readonly labels: readonly string[];
  private readonly options: ResolvedOptions;
  private readonly counts: NbCounts;
  private readonly temperature: number;
  private readonly index: ReadonlyMap<string, number>;
  /**
   * K class weights per feature (row-major), already multiplied by the
   * feature's scale and centred on the feature's mean over the classes. A
   * per-feature constant shifts every class score alike, which changes
   * neither the ranking nor the softmax, and centred values are what
   * `reasons` needs (the push toward a class). Centred, they are small
   * enough for 32-bit floats: half the memory read per feature, the
   * dominant cost of scoring a document.
   */
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;
  private readonly owner = nextLexemeOwner();
  private readonly scratch: Float64Array;
  private readonly probs: Float64Array;
  // per-document work buffers (prediction is synchronous, so one set per model is enough)
  private readonly stemCache = new GenerationalCache<StemInfo>(STEM_CACHE_LIMIT);
    private readonly pairsByFirst = new Map<string, Int32Array>();
  private readonly pairSecond = new Map<string, number>();
  /**
   * Character n-gram ids by an integer key (7 bits per ASCII character, n <= 4):
   * an unknown word's n-grams are looked up without building a string each.
   * Null when n > 4; n-grams with other characters use `index`.
   */
  private readonly charKeys: Map<number, number> | null;
  private readonly seenStamp: Uint32Array;
  private stamp = 0;
  private featIds = new Int32Array(64);
  private featSrc = new Int32Array(64);
  // reasons(): candidates (push, position * 2 + 1 for a pair), sized to the feature count
  private reasonPush = new Float64Array(64);
  private reasonAt = new Int32Array(64);
  // reasons(): per unknown word, its position and the summed push of its character n-grams
  private runPos = new Int32Array(64);
  private runPush = new Float64Array(64);

  constructor(counts: NbCounts, options: TopicModelOptions, temperature: number, metrics: TopicModelMetrics, version?: string) {
    this.options = resolve(options);
    this.counts = counts;
    this.temperature = temperature;
    const nb = compile(counts, this.options);
    this.labels = nb.labels;
    this.index = nb.index;
    this.bias = nb.bias;
    this.metrics = metrics;
    const K = this.labels.length;
    const V = nb.index.size;
    this.scratch = new Float64Array(K);
    this.probs = new Float64Array(K);
    this.seenStamp = new Uint32Array(V);
    this.weights = new Float32Array(V * K);
    for (let i = 0; i < V; i++) {
      let sum = 0;
      for (let c = 0; c < K; c++) sum += nb.weights[i * K + c];
      const mean = sum / K;
      const scale = nb.featureScale[i];
      for (let c = 0; c < K; c++) this.weights[i * K + c] = scale * (nb.weights[i * K + c] - mean);
    }
    const gram = this.options.charNgram;
    this.charKeys = gram > 0 && gram <= 4 ? new Map() : null;
    if (this.charKeys) {
      for (const [f, id] of nb.index) {
        if (f.length !== 1 + gram || !f.startsWith(CHAR_PREFIX)) continue;
        const key = asciiGramKey(f, 1, gram);
        if (key >= 0) this.charKeys.set(key, id);
      }
    }
    // every way of reading a vocabulary entry as "a_b" (stems may contain "_")
    const byFirst = new Map<string, number[]>();
    for (const [f, id] of nb.index) {
      for (let k = f.indexOf(PAIR_SEP); k >= 0; k = f.indexOf(PAIR_SEP, k + 1)) {
        const a = f.slice(0, k);
        const b = f.slice(k + 1);
        let second = this.pairSecond.get(b);
        if (second === undefined) this.pairSecond.set(b, (second = this.pairSecond.size));
        let list = byFirst.get(a);
        if (!list) byFirst.set(a, (list = []));
        list.push(second, id);
      }
    }
    for (const [a, list] of byFirst) this.pairsByFirst.set(a, pairTable(list));
    this.version = version ?? `topic-cnb-${fingerprint(countsSignature(counts) + JSON.stringify(this.options))}`;
  }

  /** Classifies raw text with the process-wide pipeline. */
  predict(text: string): TopicPrediction {
    return this.predictAnalysis(analyzeText(text));
  }

  /**
   * The category and its confidence only, as `predict` gives them (null
   * where it abstains), without alternatives or reasons: what intake needs to
   * route a submission, at a fraction of the cost.
   */
  classify(text: string): TopicGuess | null {
    const stemLexemes: Lexeme[] = [];
    const analysis = sharedPipeline().analyzeLexemes(text, undefined, stemLexemes);
    const n = this.collect(analysis.stems, stemLexemes);
    if (n === 0) return null;
    this.score(n, this.scratch);
    const p = softmaxInto(this.scratch, this.temperature, this.probs);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return { category: this.labels[best], confidence: round(p[best]) };
  }

  /** Classifies an analysis the caller already has (the insight engine analyses once for all models). */
  predictAnalysis(analysis: Pick<TextAnalysis, 'stems' | 'tokens'>): TopicPrediction {
    return this.predictLexemes(analysis, undefined);
  }

  /**
   * @internal `predictAnalysis` with the lexeme records of `analysis.stems`
   * (from `IndonesianTextPipeline.analyzeLexemes`): the per-stem feature ids
   * are kept on the records instead of looked up.
   */
  predictLexemes(analysis: Pick<TextAnalysis, 'stems' | 'tokens'>, stemLexemes: readonly Lexeme[] | undefined): TopicPrediction {
    const n = this.collect(analysis.stems, stemLexemes);
    if (n === 0) return { category: UNKNOWN_LABEL, confidence: 0, alternatives: [], reasons: [], abstained: true };
    const K = this.labels.length;
    const scores = this.scratch;
    this.score(n, scores);
    const p = softmaxInto(scores, this.temperature, this.probs);
    // top 4 by probability, ties to the lower index (same order as a full sort)
    let o0 = -1;
    let o1 = -1;
    let o2 = -1;
    let o3 = -1;
    for (let c = 0; c < K; c++) {
      const v = p[c];
      if (o0 < 0 || v > p[o0]) {
        o3 = o2; o2 = o1; o1 = o0; o0 = c;
      } else if (o1 < 0 || v > p[o1]) {
        o3 = o2; o2 = o1; o1 = c;
      } else if (o2 < 0 || v > p[o2]) {
        o3 = o2; o2 = c;
      } else if (o3 < 0 || v > p[o3]) {
        o3 = c;
      }
    }
    const alternatives: TopicAlternative[] = [];
    if (o1 >= 0 && p[o1] >= 0.01) alternatives.push({ category: this.labels[o1], confidence: round(p[o1]) });
    if (o2 >= 0 && p[o2] >= 0.01) alternatives.push({ category: this.labels[o2], confidence: round(p[o2]) });
    if (o3 >= 0 && p[o3] >= 0.01) alternatives.push({ category: this.labels[o3], confidence: round(p[o3]) });
    return {
      category: this.labels[o0],
      confidence: round(p[o0]),
      alternatives,
      reasons: this.reasons(n, analysis.tokens, o0),
      abstained: false,
    };
  }

  /** Scores only, for evaluation code that needs the raw ranking. */
  scoreAnalysis(analysis: Pick<TextAnalysis, 'stems'>): Float64Array | undefined {
    const n = this.collect(analysis.stems, undefined);
    if (n === 0) return undefined;
    const out = new Float64Array(this.labels.length);
    this.score(n, out);
    return out;
  }

  /**
   * The known features of `stems`, deduplicated in first-seen order, into
   * featIds/featSrc (source = position * 3 + kind); returns how many. Same
   * features and order as `topicFeatures(stems, options, index)` restricted
   * to the vocabulary, without building feature strings.
   */
  private collect(stems: readonly string[], lexemes: readonly Lexeme[] | undefined): number {
    const o = this.options;
    if (++this.stamp === 0xffffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seenStamp;
    let ids = this.featIds;
    let src = this.featSrc;
    // worst case per stem: word, bare, pair and the n-grams of one word
    let n = 0;
    const L = stems.length;
    let next = L > 0 ? (lexemes !== undefined ? this.lexemeInfo(lexemes[0]) : this.info(stems[0])) : undefined;
    for (let i = 0; i < L; i++) {
      const info = next as StemInfo;
      const chars = info.topicChars ?? EMPTY_IDS;
      if (n + 3 + chars.length > ids.length) {
        const size = Math.max(ids.length * 2, n + 3 + chars.length);
        const ni = new Int32Array(size);
        ni.set(ids);
        const ns = new Int32Array(size);
        ns.set(src);
        this.featIds = ids = ni;
        this.featSrc = src = ns;
      }
      let id = info.topicWord;
      if (id >= 0 && seen[id] !== stamp) {
        seen[id] = stamp;
        ids[n] = id;
        src[n++] = i * 3 + KIND_WORD;
      }
      id = info.topicBare;
      if (id >= 0 && seen[id] !== stamp) {
        seen[id] = stamp;
        ids[n] = id;
        src[n++] = i * 3 + KIND_WORD;
      }
      if (i + 1 < L) {
        next = lexemes !== undefined ? this.lexemeInfo(lexemes[i + 1]) : this.info(stems[i + 1]);
        if (o.bigrams && info.topicPairs !== null && next.topicPairB >= 0) {
          id = pairId(info.topicPairs, next.topicPairB);
          if (id >= 0 && seen[id] !== stamp) {
            seen[id] = stamp;
            ids[n] = id;
            src[n++] = i * 3 + KIND_PAIR;
          }
        }
      }
      for (let j = 0; j < chars.length; j++) {
        id = chars[j];
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        ids[n] = id;
        src[n++] = i * 3 + KIND_CHAR;
      }
    }
    return n;
  }

  private lexemeInfo(l: Lexeme): StemInfo {
    if (l.topicOwner !== this.owner) {
      const info = this.computeInfo(l.text);
      l.topicOwner = this.owner;
      l.topicWord = info.topicWord;
      l.topicBare = info.topicBare;
      l.topicChars = info.topicChars;
      l.topicPairs = info.topicPairs;
      l.topicPairB = info.topicPairB;
    }
    return l;
  }

  private info(s: string): StemInfo {
    let info = this.stemCache.get(s);
    if (info === undefined) {
      info = this.computeInfo(s);
      this.stemCache.set(s, info);
    }
    return info;
  }

  private computeInfo(s: string): StemInfo {
    const index = this.index;
    const o = this.options;
    const word = index.get(s) ?? -1;
    const negated = s.startsWith(NEGATION_PREFIX);
    const bare = negated ? index.get(s.slice(NEGATION_PREFIX.length)) ?? -1 : -2;
    let chars: Int32Array | null = null;
    if (o.charNgram > 0 && !negated && word < 0) {
      const w = '<' + s + '>';
      const found: number[] = [];
      const keys = this.charKeys;
      for (let j = 0; j + o.charNgram <= w.length; j++) {
        const key = keys !== null ? asciiGramKey(w, j, o.charNgram) : -1;
        const id = key >= 0 ? (keys as Map<number, number>).get(key) : index.get(CHAR_PREFIX + w.slice(j, j + o.charNgram));
        if (id !== undefined) found.push(id);
      }
      chars = Int32Array.from(found);
    }
    return {
      topicWord: word, topicBare: bare, topicChars: chars,
      topicPairs: this.pairsByFirst.get(s) ?? null, topicPairB: this.pairSecond.get(s) ?? -1,
    };
  }

  /** Complement-NB scores of the collected features into `out`, up to a shift shared by all classes (see `weights`). */
  private score(n: number, out: Float64Array): void {
    const K = out.length;
    const w = this.weights;
    const ids = this.featIds;
    const bias = this.bias;
    // Four classes at a time in local sums: the rows' loads then do not wait on stores to `out`, so
    // the cache misses of several rows overlap. Each class still adds its weights in feature order.
    let c = 0;
    for (; c + 4 <= K; c += 4) {
      let s0 = bias[c];
      let s1 = bias[c + 1];
      let s2 = bias[c + 2];
      let s3 = bias[c + 3];
      for (let j = 0; j < n; j++) {
        const b = ids[j] * K + c;
        s0 += w[b];
        s1 += w[b + 1];
        s2 += w[b + 2];
        s3 += w[b + 3];
      }
      out[c] = s0;
      out[c + 1] = s1;
      out[c + 2] = s2;
      out[c + 3] = s3;
    }
    for (; c < K; c++) {
      let s0 = bias[c];
      for (let j = 0; j < n; j++) s0 += w[ids[j] * K + c];
      out[c] = s0;
    }
  }

  private reasons(n: number, tokens: readonly string[], top: number): string[] {
    const K = this.labels.length;
    const w = this.weights;
    const ids = this.featIds;
    const src = this.featSrc;
    // candidates in insertion order: push and position * 2 + (1 for a pair); at most one per feature
    if (this.reasonPush.length < n) {
      const size = Math.max(n, this.reasonPush.length * 2);
      this.reasonPush = new Float64Array(size);
      this.reasonAt = new Int32Array(size);
      this.runPush = new Float64Array(size);
      this.runPos = new Int32Array(size);
    }
    const push = this.reasonPush;
    const at = this.reasonAt;
    // Character n-grams of one unknown word add up to one reason for that word, listed after the
    // word and pair candidates. Features come in position order with a word's n-grams together.
    const runPos = this.runPos;
    const runPush = this.runPush;
    let runs = 0;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = ids[j];
      const base = i * K;
      // push toward the top class: weight minus the feature's mean weight over all classes
      const p = w[base + top];
      const pos = (src[j] / 3) | 0;
      const kind = src[j] - pos * 3;
      if (kind === KIND_CHAR) {
        if (runs > 0 && runPos[runs - 1] === pos) runPush[runs - 1] += p;
        else {
          runPos[runs] = pos;
          runPush[runs++] = p;
        }
      } else if (p > 0) {
        // pairs with a negated word read badly ("tidak rusak tidak lagi"); the single words carry them
        if (kind === KIND_PAIR && (tokens[pos].startsWith(NEGATION_PREFIX) || tokens[pos + 1].startsWith(NEGATION_PREFIX))) continue;
        push[m] = p;
        at[m++] = pos * 2 + (kind === KIND_PAIR ? 1 : 0);
      }
    }
    for (let r = 0; r < runs; r++) {
      if (runPush[r] > 0) {
        push[m] = runPush[r];
        at[m++] = runPos[r] * 2;
      }
    }
    // stable insertion sort by push, largest first (ties keep insertion order, as Array#sort does)
    for (let a = 1; a < m; a++) {
      const p = push[a];
      const q = at[a];
      let b = a - 1;
      while (b >= 0 && push[b] < p) {
        push[b + 1] = push[b];
        at[b + 1] = at[b];
        b--;
      }
      push[b + 1] = p;
      at[b + 1] = q;
    }
    // a word already shown inside a pair (or the pair's words already shown) adds nothing
    const first: string[] = [];
    const second: (string | null)[] = [];
    for (let c = 0; c < m && first.length < 6; c++) {
      const pos = at[c] >> 1;
      const w1 = readable(tokens[pos]);
      const w2 = at[c] & 1 ? readable(tokens[pos + 1]) : null;
      let skip = false;
      if (w2 === null) {
        for (let r = 0; r < first.length && !skip; r++) skip = first[r] === w1 || second[r] === w1;
      } else {
        let has1 = false;
        let has2 = false;
        for (let r = 0; r < first.length && !skip; r++) {
          if (second[r] === null) {
            if (first[r] === w1) has1 = true;
            if (first[r] === w2) has2 = true;
          } else skip = first[r] === w1 && second[r] === w2;
        }
        skip = skip || (has1 && has2);
      }
      if (skip) continue;
      first.push(w1);
      second.push(w2);
    }
    const out: string[] = new Array(first.length);
    for (let r = 0; r < first.length; r++) out[r] = second[r] === null ? first[r] : first[r] + ' ' + second[r];
    return out;
  }

  toJSON(): TopicModelJSON {
    return {
      format: 'ogh-topic-model',
      formatVersion: 1,
      version: this.version,
      options: this.options,
      temperature: this.temperature,
      counts: this.counts,
      metrics: this.metrics,
    };
  }

  /** Restores a model stored with `toJSON` (accepts the object or its JSON text). */
  static fromJSON(json: TopicModelJSON | string): TopicModel {
    const j = (typeof json === 'string' ? JSON.parse(json) : json) as TopicModelJSON;
    if (!j || j.format !== 'ogh-topic-model' || j.formatVersion !== 1) throw new Error('TopicModel.fromJSON: not an ogh-topic-model v1 document');
    return new TopicModel(j.counts, j.options, j.temperature, j.metrics, j.version);
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Analysed training example: features computed once, reused by calibration folds. */
interface Prepared {
  features: string[];
  stems: string[];
  label: string;
}

function prepare(examples: readonly TopicExample[], o: ResolvedOptions): Prepared[] {
  return examples.map((e) => {
    const stems = analyzeText(e.text).stems;
    return { stems, features: topicFeatures(stems, o).features, label: e.category };
  });
}

/**
 * Out-of-fold scores of the training data, to fit the temperature on
 * predictions the model did not train on (in-sample NB scores are far more
 * confident than held-out ones).
 */
function calibrate(prepared: readonly Prepared[], o: ResolvedOptions, labels: readonly string[]): number {
  const k = 5;
  const folds = stratifiedFolds(prepared.map((p) => p.label), k, 7);
  const rows: Float64Array[] = [];
  const gold: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = prepared.filter((_, i) => folds[i] !== f);
    const nb = compile(learnCounts(train), o);
    if (nb.labels.length !== labels.length) continue;
    prepared.forEach((p, i) => {
      if (folds[i] !== f) return;
      const out = new Float64Array(labels.length);
      if (!scoreFeatures(nb, topicFeatures(p.stems, o, nb.index).features, out)) return;
      rows.push(out);
      gold.push(labels.indexOf(p.label));
    });
  }
  return fitTemperature(rows, gold);
}

/** Trains the topic classifier on labelled texts (pure: no I/O). */
export function trainTopicModel(examples: readonly TopicExample[], options: TopicModelOptions = {}): TopicModel {
  const o = resolve(options);
  const prepared = prepare(examples, o);
  const counts = learnCounts(prepared);
  const perLabel: Record<string, number> = {};
  for (const p of prepared) perLabel[p.label] = (perLabel[p.label] ?? 0) + 1;
  const minPerLabel = Math.min(...Object.values(perLabel));
  const temperature = o.calibrate && minPerLabel >= 5 ? calibrate(prepared, o, counts.labels) : 1;
  const metrics: TopicModelMetrics = {
    examples: prepared.length,
    perLabel,
    vocabulary: new Set(prepared.flatMap((p) => p.features)).size,
    temperature,
  };
  if (options.crossValidateFolds) {
    const k = options.crossValidateFolds;
    const folds = stratifiedFolds(prepared.map((p) => p.label), k, 42);
    const gold: string[] = [];
    const pred: string[] = [];
    for (let f = 0; f < k; f++) {
      const nb = compile(learnCounts(prepared.filter((_, i) => folds[i] !== f)), o);
      const out = new Float64Array(nb.labels.length);
      prepared.forEach((p, i) => {
        if (folds[i] !== f) return;
        let best = UNKNOWN_LABEL;
        if (scoreFeatures(nb, topicFeatures(p.stems, o, nb.index).features, out)) best = nb.labels[argmax(out)];
        gold.push(p.label);
        pred.push(best);
      });
    }
    const report = classificationReport(gold, pred, counts.labels);
    metrics.crossValidation = { k, macroF1: report.macroF1, accuracy: report.accuracy };
  }
  return new TopicModel(counts, o, temperature, metrics);
}

function argmax(a: Float64Array): number {
  let b = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[b]) b = i;
  return b;
}
