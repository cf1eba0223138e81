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
import { analyzeText, type TextAnalysis } from './pipeline';
import { NEGATION_PREFIX } from './negation';
import { UNKNOWN_LABEL, classificationReport, stratifiedFolds } from './evaluation';
import {
  compileComplementNb, countsSignature, fingerprint, fitTemperature, learnCounts, scoreFeatures, softmax,
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

export class TopicModel {
  readonly version: string;
  readonly metrics: TopicModelMetrics;
  readonly labels: readonly string[];
  private readonly options: ResolvedOptions;
  private readonly counts: NbCounts;
  private readonly temperature: number;
  private readonly nb: CompiledNb;
  /** Mean weight of each feature over all classes: a feature's push toward a class is its weight minus this. */
  private readonly featureMean: Float64Array;
  private readonly scratch: Float64Array;

  constructor(counts: NbCounts, options: TopicModelOptions, temperature: number, metrics: TopicModelMetrics, version?: string) {
    this.options = resolve(options);
    this.counts = counts;
    this.temperature = temperature;
    this.nb = compile(counts, this.options);
    this.labels = this.nb.labels;
    this.metrics = metrics;
    const K = this.labels.length;
    const V = this.nb.index.size;
    this.featureMean = new Float64Array(V);
    for (let i = 0; i < V; i++) {
      let s = 0;
      for (let c = 0; c < K; c++) s += this.nb.weights[i * K + c];
      this.featureMean[i] = s / K;
    }
    this.scratch = new Float64Array(K);
    this.version = version ?? `topic-cnb-${fingerprint(countsSignature(counts) + JSON.stringify(this.options))}`;
  }

  /** Classifies raw text with the process-wide pipeline. */
  predict(text: string): TopicPrediction {
    return this.predictAnalysis(analyzeText(text));
  }

  /** Classifies an analysis the caller already has (the insight engine analyses once for all models). */
  predictAnalysis(analysis: Pick<TextAnalysis, 'stems' | 'tokens'>): TopicPrediction {
    const fs = topicFeatures(analysis.stems, this.options, this.nb.index);
    const scores = this.scratch;
    const known = scoreFeatures(this.nb, fs.features, scores);
    if (known === 0) return { category: UNKNOWN_LABEL, confidence: 0, alternatives: [], reasons: [], abstained: true };
    const p = softmax(scores, this.temperature);
    const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
    const top = order[0];
    const alternatives: TopicAlternative[] = [];
    for (const c of order.slice(1, 4)) if (p[c] >= 0.01) alternatives.push({ category: this.labels[c], confidence: round(p[c]) });
    return {
      category: this.labels[top],
      confidence: round(p[top]),
      alternatives,
      reasons: this.reasons(fs, analysis.tokens, top),
      abstained: false,
    };
  }

  /** Scores only, for evaluation code that needs the raw ranking. */
  scoreAnalysis(analysis: Pick<TextAnalysis, 'stems'>): Float64Array | undefined {
    const fs = topicFeatures(analysis.stems, this.options, this.nb.index);
    const out = new Float64Array(this.labels.length);
    return scoreFeatures(this.nb, fs.features, out) ? out : undefined;
  }

  private reasons(fs: FeatureSet, tokens: readonly string[], top: number): string[] {
    const K = this.labels.length;
    const pushes: { words: string; push: number }[] = [];
    // character n-grams of one unknown word add up to one reason for that word
    const charPush = new Map<number, number>();
    for (let j = 0; j < fs.features.length; j++) {
      const i = this.nb.index.get(fs.features[j]);
      if (i === undefined) continue;
      const push = this.nb.featureScale[i] * (this.nb.weights[i * K + top] - this.featureMean[i]);
      const pos = Math.floor(fs.source[j] / 3);
      const kind = fs.source[j] % 3;
      if (kind === KIND_CHAR) charPush.set(pos, (charPush.get(pos) ?? 0) + push);
      else if (push > 0) {
        // pairs with a negated word read badly ("tidak rusak tidak lagi"); the single words carry them
        if (kind === KIND_PAIR && (tokens[pos].startsWith(NEGATION_PREFIX) || tokens[pos + 1].startsWith(NEGATION_PREFIX))) continue;
        const words = kind === KIND_PAIR ? readable(tokens[pos]) + ' ' + readable(tokens[pos + 1]) : readable(tokens[pos]);
        pushes.push({ words, push });
      }
    }
    for (const [pos, push] of charPush) if (push > 0) pushes.push({ words: readable(tokens[pos]), push });
    pushes.sort((a, b) => b.push - a.push);
    const out: string[] = [];
    for (const { words } of pushes) {
      if (out.length >= 6) break;
      // a word already shown inside a pair (or the pair's words already shown) adds nothing
      if (out.some((r) => r === words || r.split(' ').includes(words) || words.split(' ').every((w) => out.includes(w)))) continue;
      out.push(words);
    }
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
