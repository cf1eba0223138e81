// npm run insight:eval -- <file.csv>
// Scores a labelled CSV (text,category,sentiment) with the shipped insight
// model: trained here from the shipped corpus only, never from the file being
// scored. Prints per-class tables and, last, one summary line (contract in
// shared/BLUEPRINT.md "Insight evaluation command").
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { parse } = require('csv-parse/sync');
const CORPUS = join(root, 'libs/nlp-id/corpus/aspirasi-latih.csv');
const REQUIRED = ['text', 'category', 'sentiment'];

function fail(message) {
  process.stderr.write(`insight:eval: ${message}\n`);
  process.stderr.write('usage: npm run insight:eval -- <file.csv>   (columns: text,category,sentiment)\n');
  process.exit(2);
}

function readLabelled(file) {
  let rows;
  try {
    rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: true });
  } catch (e) {
    fail(`cannot read ${file} as CSV: ${e.message}`);
  }
  const header = rows.length ? Object.keys(rows[0]) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!rows.length) fail(`${file} has no data rows`);
  if (missing.length) fail(`${file} lacks column(s): ${missing.join(', ')} (found: ${header.join(', ') || 'none'})`);
  return rows.map((r) => ({ text: String(r.text ?? ''), category: String(r.category ?? '').trim(), sentiment: String(r.sentiment ?? '').trim() }));
}

const arg = process.argv[2];
if (!arg) fail('missing the CSV file argument');
// npm runs scripts from the repo root; INIT_CWD keeps a relative path relative to where the user typed it
const file = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
if (!existsSync(file)) fail(`file not found: ${file}`);
const evalRows = readLabelled(file);

build(['nlp-id']);
const lib = require(join(root, 'libs/nlp-id/dist/index.js'));

const corpus = readLabelled(CORPUS);
const t0 = performance.now();
const engine = lib.trainInsightEngine(corpus);
const trainMs = performance.now() - t0;

// warm-up on corpus text (not the scored file), so JIT compilation is not billed to the throughput
for (let i = 0; i < 300; i++) engine.analyze(corpus[i % corpus.length].text);

const start = performance.now();
const results = evalRows.map((r) => engine.analyze(r.text));
const elapsed = (performance.now() - start) / 1000;
// A small file finishes in a few ms, which is too noisy for a rate; repeat it to ≥ 1 s.
let docs = evalRows.length;
let seconds = elapsed;
while (seconds < 1) {
  const s = performance.now();
  for (const r of evalRows) engine.analyze(r.text);
  seconds += (performance.now() - s) / 1000;
  docs += evalRows.length;
}
const docsPerS = Math.round(docs / seconds);

const topicLabels = [...engine.topic.labels];
const topic = lib.classificationReport(evalRows.map((r) => r.category), results.map((r) => r.topic.category), topicLabels);
const sentimentLabels = [...new Set([...engine.sentiment.labels])].sort();
const sentiment = lib.classificationReport(evalRows.map((r) => r.sentiment), results.map((r) => r.sentiment.label), sentimentLabels);

const unknownGold = evalRows.filter((r) => !topicLabels.includes(r.category)).length;
console.log(`insight:eval ${file}`);
console.log(`model: ${engine.topic.version} + ${engine.sentiment.version}, trained on ${corpus.length} corpus rows in ${Math.round(trainMs)} ms; scored ${evalRows.length} rows`);
if (unknownGold) console.log(`warning: ${unknownGold} row(s) have a category the model does not know; they count as errors`);
console.log('\nTopic');
console.log(lib.formatReport(topic, 'category'));
console.log('\nSentiment');
console.log(lib.formatReport(sentiment, 'sentiment'));
console.log(`\nthroughput: ${docs} documents in ${seconds.toFixed(2)} s (full pipeline: normalise, redact, tokenise, topic, sentiment, reasons)`);
console.log(
  `topic_macro_f1=${topic.macroF1.toFixed(3)} topic_accuracy=${topic.accuracy.toFixed(3)} sentiment_macro_f1=${sentiment.macroF1.toFixed(3)} docs_per_s=${docsPerS}`,
);
