/*
 * Classification metrics and k-fold cross-validation, shared by the eval
 * command, the tests and the API's retraining job (which promotes a new model
 * only if its k-fold macro-F1 is not worse).
 */

/** What a model answers when it has no known feature to go on; always counted as an error. */
export const UNKNOWN_LABEL = 'unknown';

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold examples of this label. */
  support: number;
  /** Times this label was predicted. */
  predicted: number;
}

export interface ClassificationReport {
  labels: string[];
  perClass: ClassMetrics[];
  /** Unweighted mean of per-class F1 over `labels`. */
  macroF1: number;
  /** Exact matches / all examples; abstentions (`unknown`) count as wrong. */
  accuracy: number;
  total: number;
  /** Predictions outside `labels` (e.g. `unknown`). */
  abstained: number;
  /** confusion[gold][predicted]. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Per-class precision/recall/F1, macro-F1 and accuracy. `labels` fixes the
 * classes averaged in macro-F1 (default: every gold label, sorted); a class
 * with no gold and no predicted examples is left out of the average.
 */
export function classificationReport(gold: readonly string[], predicted: readonly string[], labels?: readonly string[]): ClassificationReport {
  if (gold.length !== predicted.length) throw new Error('classificationReport: gold and predicted differ in length');
  const labs = labels ? [...labels] : [...new Set(gold)].sort();
  const known = new Set(labs);
  const tp = new Map<string, number>();
  const support = new Map<string, number>();
  const predCount = new Map<string, number>();
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let abstained = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    support.set(g, (support.get(g) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    if (!known.has(p)) abstained++;
    if (g === p) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    }
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
  }
  const perClass: ClassMetrics[] = [];
  let f1Sum = 0;
  let counted = 0;
  for (const label of labs) {
    const t = tp.get(label) ?? 0;
    const s = support.get(label) ?? 0;
    const pc = predCount.get(label) ?? 0;
    const precision = pc ? t / pc : 0;
    const recall = s ? t / s : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass.push({ label, precision, recall, f1, support: s, predicted: pc });
    if (s || pc) {
      f1Sum += f1;
      counted++;
    }
  }
  return {
    labels: labs,
    perClass,
    macroF1: counted ? f1Sum / counted : 0,
    accuracy: gold.length ? correct / gold.length : 0,
    total: gold.length,
    abstained,
    confusion,
  };
}

/** Plain-text table of a report, for the eval command and job logs. */
export function formatReport(report: ClassificationReport, title = 'class'): string {
  const w = Math.max(title.length, ...report.labels.map((l) => l.length), 'macro avg'.length);
  const num = (x: number): string => x.toFixed(3).padStart(9);
  const lines = [`${title.padEnd(w)} precision    recall        f1   support`];
  for (const c of report.perClass) lines.push(`${c.label.padEnd(w)}${num(c.precision)} ${num(c.recall)} ${num(c.f1)} ${String(c.support).padStart(9)}`);
  const mp = report.perClass.reduce((s, c) => s + c.precision, 0) / (report.perClass.length || 1);
  const mr = report.perClass.reduce((s, c) => s + c.recall, 0) / (report.perClass.length || 1);
  lines.push(`${'macro avg'.padEnd(w)}${num(mp)} ${num(mr)} ${num(report.macroF1)} ${String(report.total).padStart(9)}`);
  lines.push(`${'accuracy'.padEnd(w)}${' '.repeat(20)}${num(report.accuracy)} ${String(report.total).padStart(9)}`);
  if (report.abstained) lines.push(`(${report.abstained} abstained as "${UNKNOWN_LABEL}", counted as errors)`);
  return lines.join('\n');
}

/** mulberry32: small, fast, seedable; folds must be identical run to run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Stratified fold number (0..k-1) for each example: each label's examples are
 * shuffled with the seed and dealt round-robin, continuing the deal across
 * labels so fold sizes differ by at most one.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 42): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error('stratifiedFolds: k must be an integer >= 2');
  const rnd = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const a = byLabel.get(l);
    if (a) a.push(i);
    else byLabel.set(l, [i]);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const l of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(l) as number[];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((ex, n) => (fold[ex] = (n + offset) % k));
    offset += idx.length;
  }
  return fold;
}

/** A trained model as crossValidate sees it: a function, or anything with predict(text) → {category}. */
export type Predictor<E> = ((example: E) => string) | { predict(text: string): { category: string } };

export interface CrossValidateOptions<E> {
  /** Gold label of an example (default `category`). */
  labelOf?: (example: E) => string;
  /** Classes for macro-F1 (default: every gold label). */
  labels?: readonly string[];
  seed?: number;
}

export interface CrossValidationResult extends ClassificationReport {
  k: number;
  /** Out-of-fold prediction per example, in input order. */
  predictions: string[];
  /** Macro-F1 of each fold on its own, to show the spread. */
  foldMacroF1: number[];
}

/**
 * Stratified k-fold cross-validation: trains on k-1 folds, predicts the held
 * out fold, and reports on all out-of-fold predictions together.
 */
export function crossValidate<E extends { text: string; category?: string }>(
  examples: readonly E[],
  k: number,
  trainFn: (train: E[], fold: number) => Predictor<E>,
  options: CrossValidateOptions<E> = {},
): CrossValidationResult {
  const labelOf = options.labelOf ?? ((e: E) => String(e.category));
  const gold = examples.map(labelOf);
  const folds = stratifiedFolds(gold, k, options.seed ?? 42);
  const predictions = new Array<string>(examples.length).fill(UNKNOWN_LABEL);
  const labels = options.labels ?? [...new Set(gold)].sort();
  const foldMacroF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => folds[i] !== f);
    const model = trainFn(train, f);
    const predict = typeof model === 'function' ? model : (e: E) => model.predict(e.text).category;
    const g: string[] = [];
    const p: string[] = [];
    examples.forEach((e, i) => {
      if (folds[i] !== f) return;
      predictions[i] = predict(e) || UNKNOWN_LABEL;
      g.push(gold[i]);
      p.push(predictions[i]);
    });
    foldMacroF1.push(classificationReport(g, p, labels).macroF1);
  }
  return { ...classificationReport(gold, predictions, labels), k, predictions, foldMacroF1 };
}
