// Insight engine throughput: documents analysed per second by the full
// pipeline (normalise, redact, tokenise, negate, stem, topic, sentiment,
// reasons) beside wink-nlp tokenisation alone of the same documents, plus a
// memory pass over generated documents full of never-seen words, to show RSS
// stays flat (wink's lexicon is capped by the tokenizer's recycling).
//
//   npm run bench:insight                       ~20 s, 120k-document memory pass
//   BENCH_DOCS=1000000 npm run bench:insight    1,000,000-document memory pass
//   BENCH_PERIODS=5 npm run bench:insight       more wink recycling periods per side (default 3)
//
// Contract: the figure is printed LAST, as one line of name=value pairs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from '../../scripts/build.mjs';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const { parse } = require('csv-parse/sync');

const MEMORY_DOCS = Number(process.env.BENCH_DOCS ?? 120_000);

// gc() without a command-line flag, so `npm run bench:insight` can take clean heap readings
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const mb = (bytes) => bytes / 1048576;

build(['nlp-id']);
const lib = require(join(root, 'libs/nlp-id/dist/index.js'));
const corpus = parse(readFileSync(join(root, 'libs/nlp-id/corpus/aspirasi-latih.csv')), { columns: true });
const engine = lib.trainInsightEngine(corpus);

// Seeded generator of pronounceable made-up words: every document brings words
// no model, memo or wink lexicon has seen, the worst case for memory.
const SYL = ['ba', 'ko', 'ri', 'tu', 'ngan', 'sa', 'wi', 'lem', 'pra', 'du', 'gi', 'mo', 'ker', 'nyo', 'ta', 'el'];
let seed = 20250101;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
const word = () => {
  let w = '';
  const n = 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) w += SYL[Math.floor(rnd() * SYL.length)];
  return w;
};
const texts = corpus.map((r) => r.text);
/** i-th document: corpus text, after the first pass varied with new words and a house number. */
function doc(i) {
  const base = texts[i % texts.length];
  if (i < texts.length) return base;
  return `${base} ${word()} no ${i % 997} ${word()}`;
}

// wink-nlp alone, set up as tokenize.ts does: empty pipe, fixed metaCER (see libs/nlp-id/README.md)
const winkNLP = require('wink-nlp');
const upstream = require('wink-eng-lite-web-model');
const cerMachines = JSON.stringify(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json'));
const cerTransformers = require('wink-eng-lite-web-model/dist/cer-transformers.js');
const winkModel = Object.assign(Object.create(null), upstream, { metaCER: () => ({ machines: cerMachines, transformers: cerTransformers }) });
let nlp = winkNLP(winkModel, []);
let sinceReset = 0;
function winkTokenize(text) {
  if (++sinceReset > lib.WINK_RESET_EVERY_DOCS) {
    nlp = winkNLP(winkModel, []);
    sinceReset = 1;
  }
  return nlp.readDoc(text).tokens().out();
}

/**
 * Throughput of fn over generated documents. Both sides first make one
 * untimed pass over the whole document set (JIT, and the first sight of each
 * made-up word: wink's lexicon, stems), so both are timed in the same steady
 * state on the same documents (documents seen for the first time are what the
 * memory pass below measures). `timed(count)` then runs fn on `count` more
 * documents, continuing through the set, and returns docs/s.
 */
function meter(fn) {
  const docs = [];
  for (let i = 0; i < 20_000; i++) docs.push(doc(i));
  for (let i = 0; i < docs.length; i++) fn(docs[i]); // warm-up, not timed
  let next = 0;
  let total = 0;
  let produced = 0;
  return {
    get n() {
      return total;
    },
    /** Calls that returned a result: equal to `n`, or a side silently did nothing. */
    get produced() {
      return produced;
    },
    timed(count) {
      const start = performance.now();
      for (let j = 0; j < count; j++) {
        const r = fn(docs[next]);
        produced += r ? 1 : 0;
        if (++next === docs.length) next = 0;
      }
      total += count;
      return count / ((performance.now() - start) / 1000);
    },
  };
}

// The two sides alternate in chunks of CHUNK documents, because this machine's speed drifts by a
// quarter within seconds: with whole rounds of 50k documents per side (2 s and 1 s), single rounds
// of the same code gave ratios from 0.40 to 0.55. In short alternating chunks the drift falls on
// both sides alike. Each side covers PERIODS whole wink recycling periods, so each pays for exactly
// PERIODS new wink instances (about 0.1 s each, and the first sight of every word after one).
const PERIODS = Math.max(1, Number(process.env.BENCH_PERIODS ?? 3));
const CHUNK = 2_500;
if (lib.WINK_RESET_EVERY_DOCS % CHUNK !== 0) throw new Error(`chunks of ${CHUNK} do not tile a recycling period of ${lib.WINK_RESET_EVERY_DOCS}`);
const pipeMeter = meter((t) => engine.analyze(t));
const tokMeter = meter(winkTokenize);
const chunksPerPeriod = lib.WINK_RESET_EVERY_DOCS / CHUNK;
const periodSeconds = []; // [pipeline, wink] per period
gc();
for (let period = 0; period < PERIODS; period++) {
  let pipeS = 0;
  let tokS = 0;
  for (let c = 0; c < chunksPerPeriod; c++) {
    // who goes first alternates too, so neither always runs on the other's cache
    if (c & 1) {
      tokS += CHUNK / tokMeter.timed(CHUNK);
      pipeS += CHUNK / pipeMeter.timed(CHUNK);
    } else {
      pipeS += CHUNK / pipeMeter.timed(CHUNK);
      tokS += CHUNK / tokMeter.timed(CHUNK);
    }
  }
  periodSeconds.push([pipeS, tokS]);
}
const docsPerSide = PERIODS * lib.WINK_RESET_EVERY_DOCS;
for (const m of [pipeMeter, tokMeter]) if (m.produced !== m.n) throw new Error(`only ${m.produced} of ${m.n} calls returned a result`);
const pipe = { docsPerS: docsPerSide / periodSeconds.reduce((t, p) => t + p[0], 0), n: pipeMeter.n };
const tok = { docsPerS: docsPerSide / periodSeconds.reduce((t, p) => t + p[1], 0), n: tokMeter.n };
console.log(
  `periods of ${lib.WINK_RESET_EVERY_DOCS} documents in chunks of ${CHUNK} (docs/s, pipeline / wink, ratio): ` +
    periodSeconds.map(([p, t]) => `${Math.round(lib.WINK_RESET_EVERY_DOCS / p)}/${Math.round(lib.WINK_RESET_EVERY_DOCS / t)} ${(t / p).toFixed(3)}`).join('  '),
);

// Memory pass: a fresh engine (same models) on a stream of new documents.
const mem = new lib.InsightEngine(engine.topic, engine.sentiment);
const warm = Math.min(20_000, Math.floor(MEMORY_DOCS / 5));
for (let i = 0; i < warm; i++) mem.analyze(doc(texts.length + i));
gc();
const base = process.memoryUsage();
let peakRss = base.rss;
const memStart = performance.now();
for (let i = warm; i < MEMORY_DOCS; i++) {
  mem.analyze(doc(texts.length + i));
  if (i % 10_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const memSeconds = (performance.now() - memStart) / 1000;
gc();
const after = process.memoryUsage();
peakRss = Math.max(peakRss, after.rss);

const rows = [
  ['full pipeline (InsightEngine.analyze)', Math.round(pipe.docsPerS), pipe.n],
  ['wink-nlp tokenisation only', Math.round(tok.docsPerS), tok.n],
];
console.log('insight throughput, one process, corpus texts (varied with new words)');
console.log('stage'.padEnd(40) + 'docs/s'.padStart(10) + 'docs'.padStart(10));
for (const [name, r, n] of rows) console.log(name.padEnd(40) + String(r).padStart(10) + String(n).padStart(10));
console.log(
  `\nmemory pass: ${MEMORY_DOCS} documents (${warm} warm-up) in ${memSeconds.toFixed(1)} s` +
    ` (${Math.round((MEMORY_DOCS - warm) / memSeconds)} docs/s, every document new), wink generations ${mem.pipeline.tokenizer.generation}`,
);
console.log(`  rss ${mb(base.rss).toFixed(1)} -> ${mb(after.rss).toFixed(1)} MB (peak ${mb(peakRss).toFixed(1)} MB)`);
console.log(`  heap used after gc ${mb(base.heapUsed).toFixed(1)} -> ${mb(after.heapUsed).toFixed(1)} MB`);
console.log(
  `pipeline_docs_per_s=${Math.round(pipe.docsPerS)} tokenize_docs_per_s=${Math.round(tok.docsPerS)} ratio=${(pipe.docsPerS / tok.docsPerS).toFixed(3)}` +
    ` memory_docs=${MEMORY_DOCS} rss_growth_mb=${mb(after.rss - base.rss).toFixed(1)} heap_growth_mb=${mb(after.heapUsed - base.heapUsed).toFixed(1)} peak_rss_mb=${mb(peakRss).toFixed(1)}`,
);
