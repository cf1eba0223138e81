/*
 * Naive Bayes core shared by the topic and sentiment models.
 *
 * wink-naive-bayes-text-classifier does the learning (per-label document and
 * feature counts, binarised with `considerOnlyPresence`). Its own `predict`
 * recomputes log-likelihoods per token and per label on every call and gives
 * no probabilities, so the counts it exports are compiled here into one dense
 * weight table: prediction is then a few Map lookups and additions, and the
 * same counts serve plain multinomial NB (sentiment) and complement NB
 * (topic; Rennie et al. 2003, better with many classes and short texts).
 */

interface WinkNaiveBayes {
  defineConfig(cfg: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
  learn(input: string[], label: string): boolean;
  exportJSON(): string;
}
// The package ships no typings; this is the part of its API we use.
const winkNaiveBayes: () => WinkNaiveBayes = require('wink-naive-bayes-text-classifier');

/** Learned counts: what the models store as JSON (compiled weights are derived). */
export interface NbCounts {
  /** Sorted label list; the order of every score vector. */
  labels: string[];
  /** Training documents per label. */
  docs: Record<string, number>;
  /** Documents of a label that contain a feature (presence counts). */
  counts: Record<string, Record<string, number>>;
}

export interface LabelledFeatures {
  features: readonly string[];
  label: string;
}

/** Counts feature presence per label with wink's learner. */
export function learnCounts(docs: readonly LabelledFeatures[]): NbCounts {
  const nb = winkNaiveBayes();
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 1 });
  for (const d of docs) nb.learn(d.features.slice(), d.label);
  // exportJSON → [config, samples, count, words, vocabulary]
  const [, samples, count] = JSON.parse(nb.exportJSON()) as [unknown, Record<string, number>, Record<string, Record<string, number>>];
  const labels = Object.keys(samples).sort();
  if (labels.length < 2) throw new Error('naive-bayes: training needs at least two labels');
  const docsOut: Record<string, number> = {};
  const counts: Record<string, Record<string, number>> = {};
  for (const l of labels) {
    docsOut[l] = samples[l];
    counts[l] = { ...count[l] };
  }
  return { labels, docs: docsOut, counts };
}

/** Per-feature multiplier applied to counts and scores (e.g. to damp character n-grams). */
export type FeatureWeight = (feature: string) => number;

/** A weight table ready for scoring: score[c] = bias[c] + Σ_f w(f) · weights[f·K + c]. */
export interface CompiledNb {
  labels: string[];
  index: Map<string, number>;
  weights: Float64Array;
  featureScale: Float64Array;
  bias: Float64Array;
}

function vocabulary(counts: NbCounts): string[] {
  const voc = new Set<string>();
  for (const l of counts.labels) for (const f of Object.keys(counts.counts[l])) voc.add(f);
  // sorted so the compiled index (and any tie-break) does not depend on insertion order
  return [...voc].sort();
}

/**
 * Complement NB: a class is supported by features that are rare in all the
 * OTHER classes. Estimating from the complement uses ~13× more data per class
 * than plain NB with 14 topics, which is what makes it steadier on a corpus
 * of ~120 texts per topic.
 */
export function compileComplementNb(counts: NbCounts, alpha: number, fw: FeatureWeight): CompiledNb {
  const { labels } = counts;
  const K = labels.length;
  const feats = vocabulary(counts);
  const V = feats.length;
  const index = new Map<string, number>();
  const scale = new Float64Array(V);
  const weights = new Float64Array(V * K);
  const totals = new Float64Array(K);
  const all = new Float64Array(V);
  let allTotal = 0;
  feats.forEach((f, i) => {
    index.set(f, i);
    scale[i] = fw(f);
  });
  for (let c = 0; c < K; c++) {
    const m = counts.counts[labels[c]];
    for (const f of Object.keys(m)) {
      const i = index.get(f) as number;
      const v = m[f] * scale[i];
      all[i] += v;
      totals[c] += v;
    }
    allTotal += totals[c];
  }
  for (let c = 0; c < K; c++) {
    const m = counts.counts[labels[c]];
    const den = Math.log(allTotal - totals[c] + alpha * V);
    for (let i = 0; i < V; i++) {
      const own = (m[feats[i]] ?? 0) * scale[i];
      weights[i * K + c] = den - Math.log(all[i] - own + alpha);
    }
  }
  // No prior: the corpus is balanced by design, and CNB's prior would be on the complement anyway.
  return { labels: labels.slice(), index, weights, featureScale: scale, bias: new Float64Array(K) };
}

/** Multinomial NB with the class prior (the sentiment classes are not balanced). */
export function compileMultinomialNb(counts: NbCounts, alpha: number, fw: FeatureWeight): CompiledNb {
  const { labels } = counts;
  const K = labels.length;
  const feats = vocabulary(counts);
  const V = feats.length;
  const index = new Map<string, number>();
  const scale = new Float64Array(V);
  const weights = new Float64Array(V * K);
  const bias = new Float64Array(K);
  feats.forEach((f, i) => {
    index.set(f, i);
    scale[i] = fw(f);
  });
  let nDocs = 0;
  for (const l of labels) nDocs += counts.docs[l];
  for (let c = 0; c < K; c++) {
    const m = counts.counts[labels[c]];
    let total = 0;
    for (const f of Object.keys(m)) total += m[f] * scale[index.get(f) as number];
    const den = Math.log(total + alpha * V);
    for (let i = 0; i < V; i++) weights[i * K + c] = Math.log((m[feats[i]] ?? 0) * scale[i] + alpha) - den;
    bias[c] = Math.log(counts.docs[labels[c]] / nDocs);
  }
  return { labels: labels.slice(), index, weights, featureScale: scale, bias };
}

/**
 * Scores in-vocabulary features into `out` (length K) and returns how many
 * features were known. Zero known features means the model cannot say anything.
 */
export function scoreFeatures(model: CompiledNb, features: Iterable<string>, out: Float64Array): number {
  const K = model.labels.length;
  out.set(model.bias);
  let known = 0;
  for (const f of features) {
    const i = model.index.get(f);
    if (i === undefined) continue;
    known++;
    const s = model.featureScale[i];
    const base = i * K;
    for (let c = 0; c < K; c++) out[c] += s * model.weights[base + c];
  }
  return known;
}

/** Softmax of `scores · temperature`, numerically stable. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  return softmaxInto(scores, temperature, new Float64Array(scores.length));
}

/** `softmax` into a caller-owned buffer (same arithmetic), for hot prediction paths. */
export function softmaxInto(scores: ArrayLike<number>, temperature: number, p: Float64Array): Float64Array {
  const n = scores.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (scores[i] > max) max = scores[i];
  let z = 0;
  for (let i = 0; i < n; i++) {
    p[i] = Math.exp((scores[i] - max) * temperature);
    z += p[i];
  }
  for (let i = 0; i < n; i++) p[i] /= z;
  return p;
}

/**
 * Fits the softmax temperature on out-of-fold scores by minimising the
 * negative log-likelihood (grid + refinement). NB scores are far too
 * confident as raw log-odds; one scalar is enough to make "0.8" mean roughly
 * "right 8 times in 10" on held-out text.
 */
export function fitTemperature(rows: readonly Float64Array[], gold: readonly number[]): number {
  if (!rows.length) return 1;
  const nll = (t: number): number => {
    let s = 0;
    for (let r = 0; r < rows.length; r++) s -= Math.log(Math.max(softmax(rows[r], t)[gold[r]], 1e-12));
    return s;
  };
  let best = 1;
  let bestLoss = Infinity;
  for (let e = -4; e <= 1; e += 0.25) {
    const t = Math.pow(10, e);
    const loss = nll(t);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  for (const f of [0.7, 0.8, 0.9, 1.1, 1.25, 1.4]) {
    const t = best * f;
    const loss = nll(t);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Number(best.toPrecision(4));
}

/** FNV-1a, hex: a short fingerprint of the training counts for version strings. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Canonical text of the counts (sorted), so the same data always gives the same fingerprint. */
export function countsSignature(counts: NbCounts): string {
  const parts: string[] = [];
  for (const l of counts.labels) {
    const m = counts.counts[l];
    const keys = Object.keys(m).sort();
    parts.push(l + ':' + counts.docs[l] + ':' + keys.map((k) => k + '=' + m[k]).join(','));
  }
  return parts.join('|');
}
