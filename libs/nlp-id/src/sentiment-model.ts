/*
 * Sentiment = lexicon + naive Bayes. The lexicon (`scoreSentiment`) knows
 * negation, requests, sarcasm and emoji but misses complaints worded without
 * any sentiment word ("sudah tiga minggu sampah belum diangkut"). A
 * multinomial NB over the content tokens learns those from the corpus; the
 * lexicon's label and "is it a question" enter the NB as two extra features,
 * so the corpus decides how far to trust the lexicon.
 *
 * 5-fold CV on the corpus, macro-F1: lexicon alone 0.81, NB alone 0.88,
 * NB + lexicon label 0.91, + question feature 0.94 (docs/insight-model-card.md).
 */
import { analyzeText, type TextAnalysis } from './pipeline';
import type { SentimentLabel, SentimentResult } from './sentiment';
import {
  compileMultinomialNb, countsSignature, fingerprint, fitTemperature, learnCounts, scoreFeatures, softmaxInto,
  type CompiledNb, type NbCounts,
} from './naive-bayes';
import { stratifiedFolds } from './evaluation';
import { nextLexemeOwner, type Lexeme } from './lexeme';

export interface SentimentExample {
  text: string;
  sentiment: string;
}

export interface SentimentModelOptions {
  /** Additive smoothing (default 0.5). */
  alpha?: number;
  /** Fit the confidence temperature by internal 5-fold (default true). */
  calibrate?: boolean;
}

export interface SentimentPrediction {
  label: SentimentLabel;
  /** 0..1, calibrated on held-out folds. */
  confidence: number;
  probabilities: Record<string, number>;
  /** The lexicon's own reading (terms, score, sarcasm flag) for display. */
  lexicon: SentimentResult;
}

export interface SentimentModelMetrics {
  examples: number;
  perLabel: Record<string, number>;
  temperature: number;
}

export interface SentimentModelJSON {
  format: 'ogh-sentiment-model';
  formatVersion: 1;
  version: string;
  options: Required<SentimentModelOptions>;
  temperature: number;
  counts: NbCounts;
  metrics: SentimentModelMetrics;
}

const LEXICON_FEATURE: Record<SentimentLabel, string> = { negatif: '@lex_negatif', netral: '@lex_netral', positif: '@lex_positif' };
const QUESTION_FEATURE = '@question';

type SentimentInput = Pick<TextAnalysis, 'tokens' | 'question' | 'sentiment'>;

/** Content tokens (negation-marked, unique) plus the lexicon label and a question flag. */
export function sentimentFeatures(a: SentimentInput): string[] {
  const out = [...new Set(a.tokens)];
  out.push(LEXICON_FEATURE[a.sentiment.label]);
  if (a.question) out.push(QUESTION_FEATURE);
  return out;
}

function resolve(o: SentimentModelOptions = {}): Required<SentimentModelOptions> {
  return { alpha: o.alpha ?? 0.5, calibrate: o.calibrate ?? true };
}

function compile(counts: NbCounts, o: Required<SentimentModelOptions>): CompiledNb {
  return compileMultinomialNb(counts, o.alpha, () => 1);
}

export class SentimentModel {
  readonly version: string;
  readonly metrics: SentimentModelMetrics;
  readonly labels: readonly string[];
  private readonly options: Required<SentimentModelOptions>;
  private readonly counts: NbCounts;
  private readonly temperature: number;
  private readonly nb: CompiledNb;
  private readonly scratch: Float64Array;
  private readonly probs: Float64Array;
  private readonly seenStamp: Uint32Array;
  private stamp = 0;
  private readonly owner = nextLexemeOwner();

  constructor(counts: NbCounts, options: SentimentModelOptions, temperature: number, metrics: SentimentModelMetrics, version?: string) {
    this.options = resolve(options);
    this.counts = counts;
    this.temperature = temperature;
    this.nb = compile(counts, this.options);
    this.labels = this.nb.labels;
    this.metrics = metrics;
    this.scratch = new Float64Array(this.labels.length);
    this.probs = new Float64Array(this.labels.length);
    this.seenStamp = new Uint32Array(this.nb.index.size);
    this.version = version ?? `sentiment-nb-${fingerprint(countsSignature(counts) + JSON.stringify(this.options))}`;
  }

  predict(text: string): SentimentPrediction {
    return this.predictAnalysis(analyzeText(text));
  }

  predictAnalysis(a: SentimentInput): SentimentPrediction {
    return this.predictLexemes(a, undefined);
  }

  /**
   * @internal `predictAnalysis` with the lexeme records of `a.tokens` (from
   * `IndonesianTextPipeline.analyzeLexemes`), which keep the feature ids.
   */
  predictLexemes(a: SentimentInput, tokenLexemes: readonly Lexeme[] | undefined): SentimentPrediction {
    this.score(a, tokenLexemes, this.scratch);
    const p = softmaxInto(this.scratch, this.temperature, this.probs);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    const probabilities: Record<string, number> = {};
    for (let i = 0; i < this.labels.length; i++) probabilities[this.labels[i]] = Math.round(p[i] * 1e4) / 1e4;
    return { label: this.labels[best] as SentimentLabel, confidence: probabilities[this.labels[best]], probabilities, lexicon: a.sentiment };
  }

  /**
   * `scoreFeatures(nb, sentimentFeatures(a), out)` without building the
   * feature list: unique tokens in first-seen order, then the lexicon label
   * and the question flag, summed in the same order.
   */
  private score(a: SentimentInput, lexemes: readonly Lexeme[] | undefined, out: Float64Array): void {
    const nb = this.nb;
    const K = out.length;
    const index = nb.index;
    const w = nb.weights;
    const scale = nb.featureScale;
    if (++this.stamp === 0xffffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seenStamp;
    out.set(nb.bias);
    const tokens = a.tokens;
    for (let j = 0; j <= tokens.length + 1; j++) {
      let i: number | undefined;
      if (j < tokens.length) {
        if (lexemes !== undefined) {
          const l = lexemes[j];
          if (l.sentimentOwner !== this.owner) {
            l.sentimentOwner = this.owner;
            l.sentimentId = index.get(l.text) ?? -1;
          }
          i = l.sentimentId >= 0 ? l.sentimentId : undefined;
        } else i = index.get(tokens[j]);
        if (i === undefined || seen[i] === stamp) continue;
        seen[i] = stamp;
      } else if (j === tokens.length) {
        i = index.get(LEXICON_FEATURE[a.sentiment.label]);
      } else if (a.question) {
        i = index.get(QUESTION_FEATURE);
      }
      if (i === undefined) continue;
      const s = scale[i];
      const base = i * K;
      for (let c = 0; c < K; c++) out[c] += s * w[base + c];
    }
  }

  toJSON(): SentimentModelJSON {
    return {
      format: 'ogh-sentiment-model',
      formatVersion: 1,
      version: this.version,
      options: this.options,
      temperature: this.temperature,
      counts: this.counts,
      metrics: this.metrics,
    };
  }

  static fromJSON(json: SentimentModelJSON | string): SentimentModel {
    const j = (typeof json === 'string' ? JSON.parse(json) : json) as SentimentModelJSON;
    if (!j || j.format !== 'ogh-sentiment-model' || j.formatVersion !== 1) throw new Error('SentimentModel.fromJSON: not an ogh-sentiment-model v1 document');
    return new SentimentModel(j.counts, j.options, j.temperature, j.metrics, j.version);
  }
}

/** Trains the lexicon + NB sentiment model on labelled texts (pure: no I/O). */
export function trainSentimentModel(examples: readonly SentimentExample[], options: SentimentModelOptions = {}): SentimentModel {
  const o = resolve(options);
  const prepared = examples.map((e) => ({ features: sentimentFeatures(analyzeText(e.text)), label: e.sentiment }));
  const counts = learnCounts(prepared);
  const perLabel: Record<string, number> = {};
  for (const p of prepared) perLabel[p.label] = (perLabel[p.label] ?? 0) + 1;
  let temperature = 1;
  if (o.calibrate && Math.min(...Object.values(perLabel)) >= 5) {
    const folds = stratifiedFolds(prepared.map((p) => p.label), 5, 7);
    const rows: Float64Array[] = [];
    const gold: number[] = [];
    for (let f = 0; f < 5; f++) {
      const nb = compile(learnCounts(prepared.filter((_, i) => folds[i] !== f)), o);
      if (nb.labels.length !== counts.labels.length) continue;
      prepared.forEach((p, i) => {
        if (folds[i] !== f) return;
        const out = new Float64Array(nb.labels.length);
        scoreFeatures(nb, p.features, out);
        rows.push(out);
        gold.push(nb.labels.indexOf(p.label));
      });
    }
    temperature = fitTemperature(rows, gold);
  }
  return new SentimentModel(counts, o, temperature, { examples: prepared.length, perLabel, temperature });
}

/**
 * The lexicon alone, shaped like a model prediction: the fallback when no
 * trained sentiment model is available (e.g. before the first training run).
 */
export function lexiconSentiment(a: Pick<TextAnalysis, 'sentiment'>): SentimentPrediction {
  const s = a.sentiment;
  const confidence = Math.round((0.5 + Math.min(Math.abs(s.score), 1) / 2) * 1e4) / 1e4;
  // the lexicon gives no ranking of the other two labels, so they share the rest
  const rest = Math.round(((1 - confidence) / 2) * 1e4) / 1e4;
  const probabilities: Record<string, number> = { negatif: rest, netral: rest, positif: rest };
  probabilities[s.label] = confidence;
  return { label: s.label, confidence, probabilities, lexicon: s };
}
