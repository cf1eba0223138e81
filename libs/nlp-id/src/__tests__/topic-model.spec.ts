import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InsightEngine, SentimentModel, TopicModel, UNKNOWN_LABEL, analyzeText, classificationReport, crossValidate, stratifiedFolds,
  trainSentimentModel, trainTopicModel,
} from '..';

// Tests only: the library itself never reads files.
const { parse } = require('csv-parse/sync') as { parse: (input: Buffer, o: object) => Record<string, string>[] };

interface Row {
  text: string;
  category: string;
  sentiment: string;
}
const read = (file: string): Row[] =>
  parse(readFileSync(file), { columns: true }).map((r) => ({ text: r.text, category: r.category, sentiment: r.sentiment }));
const corpus = read(join(__dirname, '../../corpus/aspirasi-latih.csv'));
const dev = read(join(__dirname, '../../../../../shared/data/aspirations-dev.csv'));

describe('topic model', () => {
  const model = trainTopicModel(corpus);
  const sentiment = trainSentimentModel(corpus);

  it('predicts a known code with confidence, alternatives and a version', () => {
    const p = model.predict('Lampu PJU di gang depan masjid mati sudah seminggu, jalan gelap gulita');
    expect(p.category).toBe('penerangan_jalan');
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.confidence).toBeLessThanOrEqual(1);
    expect(p.alternatives.every((a) => a.confidence <= p.confidence)).toBe(true);
    expect(model.version).toMatch(/^topic-cnb-[0-9a-f]{8}$/);
    expect(model.metrics.examples).toBe(corpus.length);
    expect(model.labels).toHaveLength(14);
  });

  it('classify gives predict\'s category and confidence (null where predict abstains)', () => {
    const texts = [...corpus.slice(0, 400), ...dev].map((r) => r.text).concat(['', '!!!', 'qwzx vbnm']);
    for (const text of texts) {
      const full = model.predict(text);
      expect(model.classify(text)).toEqual(full.abstained ? null : { category: full.category, confidence: full.confidence });
    }
  });

  it('round-trips through JSON with identical predictions', () => {
    const copy = TopicModel.fromJSON(JSON.stringify(model.toJSON()));
    const sCopy = SentimentModel.fromJSON(JSON.parse(JSON.stringify(sentiment)));
    expect(copy.version).toBe(model.version);
    expect(sCopy.version).toBe(sentiment.version);
    for (const r of dev.slice(0, 60)) {
      expect(copy.predict(r.text)).toEqual(model.predict(r.text));
      expect(sCopy.predict(r.text)).toEqual(sentiment.predict(r.text));
    }
    expect(() => TopicModel.fromJSON('{"format":"other"}')).toThrow(/ogh-topic-model/);
  });

  it('gives 3–6 readable reasons made of words from the (slang-expanded) text', () => {
    for (const r of dev.slice(0, 40)) {
      const a = analyzeText(r.text);
      const p = model.predictAnalysis(a);
      expect(p.reasons.length).toBeLessThanOrEqual(6);
      if (a.stems.length >= 4) expect(p.reasons.length).toBeGreaterThanOrEqual(3);
      const words = new Set(a.normalized.split(/[^\p{L}\p{N}-]+/u));
      for (const reason of p.reasons) for (const w of reason.split(' ')) expect(words).toContain(w);
      expect(p.reasons.join(' ')).not.toMatch(/NOT_|#|_/);
    }
    // slang in, standard words out
    expect(model.predict('jln rusak parah bgt, aspal ngelupas lubangnya dalem').reasons.join(' ')).toMatch(/\bjalan\b/);
  });

  it('abstains on empty or unknown text, and abstentions count as errors', () => {
    for (const t of ['', '   ', '!!! ???', 'qwzx blorptt vvrrk']) {
      const p = model.predict(t);
      expect(p).toEqual({ category: UNKNOWN_LABEL, confidence: 0, alternatives: [], reasons: [], abstained: true });
    }
    const r = crossValidate(corpus.slice(0, 60), 2, () => () => UNKNOWN_LABEL);
    expect(r.accuracy).toBe(0);
    expect(r.macroF1).toBe(0);
    expect(r.abstained).toBe(60);
  });

  it('reads typos of known words through character n-grams', () => {
    expect(model.predict('sekolahh anakk sayaa belum dapat seragm').category).toBe('pendidikan');
  });

  it('looks ASCII n-grams up by integer key with the same ids as by string, and the others by string', () => {
    const internals = model as unknown as { index: Map<string, number>; charKeys: Map<number, number> };
    const grams = [...internals.index].filter(([f]) => f.startsWith('#') && f.length === 5);
    const ascii = grams.filter(([f]) => [...f].every((ch) => ch.charCodeAt(0) < 128));
    expect(ascii.length).toBeGreaterThan(1000);
    expect(internals.charKeys.size).toBe(ascii.length);
    for (const [f, id] of ascii) {
      const key = [...f.slice(1)].reduce((k, ch) => (k << 7) | ch.charCodeAt(0), 0);
      expect(internals.charKeys.get(key)).toBe(id);
    }
    // an unknown word with a non-ASCII letter still finds its ASCII n-grams (and the rest by string)
    expect(model.predict('seragám sekolahh').category).toBe('pendidikan');
  });

  it('reaches the measured k-fold floor on the corpus (3-fold; measured 5-fold macro-F1 0.876)', () => {
    const cv = crossValidate(corpus, 3, (train) => trainTopicModel(train, { calibrate: false }));
    expect(cv.k).toBe(3);
    expect(cv.foldMacroF1).toHaveLength(3);
    expect(cv.macroF1).toBeGreaterThanOrEqual(0.82);
    expect(cv.accuracy).toBeGreaterThanOrEqual(0.82);
  });

  it('sentiment model beats the lexicon alone in k-fold (measured 5-fold 0.94 vs 0.81)', () => {
    const opts = { labelOf: (e: Row) => e.sentiment };
    const nb = crossValidate(corpus, 3, (train) => {
      const m = trainSentimentModel(train, { calibrate: false });
      return (e: Row) => m.predict(e.text).label;
    }, opts);
    const lex = crossValidate(corpus, 3, () => (e: Row) => analyzeText(e.text).sentiment.label, opts);
    expect(nb.macroF1).toBeGreaterThanOrEqual(0.88);
    expect(nb.macroF1).toBeGreaterThan(lex.macroF1);
  });

  it('scores the development set (a check only, never trained on)', () => {
    const engine = new InsightEngine(model, sentiment);
    const res = dev.map((r) => engine.analyze(r.text));
    const topic = classificationReport(dev.map((r) => r.category), res.map((r) => r.topic.category), model.labels);
    const sent = classificationReport(dev.map((r) => r.sentiment), res.map((r) => r.sentiment.label));
    expect(topic.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(sent.macroF1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('classificationReport', () => {
  it('matches a hand-computed example', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const pred = ['a', 'a', 'b', 'b', 'unknown', 'a'];
    const r = classificationReport(gold, pred, ['a', 'b', 'c']);
    const [a, b, c] = r.perClass;
    // a: tp 2, predicted 3, support 3 → P 2/3, R 2/3, F1 2/3
    expect(a.precision).toBeCloseTo(2 / 3, 10);
    expect(a.recall).toBeCloseTo(2 / 3, 10);
    expect(a.f1).toBeCloseTo(2 / 3, 10);
    // b: tp 1, predicted 2, support 2 → 0.5 / 0.5 / 0.5
    expect([b.precision, b.recall, b.f1]).toEqual([0.5, 0.5, 0.5]);
    // c: never predicted → 0
    expect([c.precision, c.recall, c.f1, c.support]).toEqual([0, 0, 0, 1]);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0) / 3, 10);
    expect(r.accuracy).toBeCloseTo(3 / 6, 10);
    expect(r.abstained).toBe(1);
    expect(r.confusion.b).toEqual({ b: 1, unknown: 1 });
  });

  it('makes stratified, deterministic folds', () => {
    const labels = [...Array(30)].map((_, i) => (i % 3 === 0 ? 'x' : 'y'));
    const f1 = stratifiedFolds(labels, 5, 1);
    expect(stratifiedFolds(labels, 5, 1)).toEqual(f1);
    for (let f = 0; f < 5; f++) expect(labels.filter((l, i) => l === 'x' && f1[i] === f)).toHaveLength(2);
  });
});
