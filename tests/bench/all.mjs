// `npm run bench`: every benchmark of tests/bench, one after the other (each
// measures its figure against a baseline of the same run, so they must not
// share the machine), then one summary table and, last, one line of
// name=value pairs: each benchmark's own last line, its names prefixed.
//
// BENCH_ONLY=submit,insight runs a subset. Sizes follow each benchmark's own
// variables (BENCH_ROWS for ingest, BENCH_ASPIRATIONS for dashboards...).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib.mjs';

/** name, script, the figure that is compared with its target, and the target. */
const BENCHES = [
  { name: 'submit', script: 'submit.bench.mjs', figure: 'ratio', target: '>= 0.5 (and p99_ms < 100)' },
  { name: 'ingest', script: 'ingest.bench.mjs', figure: 'ratio', target: '>= 0.5 (and peak_rss_mb < 300)' },
  { name: 'insight', script: 'insight.bench.mjs', figure: 'ratio', target: '>= 0.5 (and >= 3000 docs/s)' },
  { name: 'dashboards', script: 'dashboards.bench.mjs', figure: 'ratio', target: '< 0.1' },
  { name: 'portal', script: 'portal-bundle.mjs', figure: 'portal_max_public_js_kb', target: '< 150' },
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const selected = BENCHES.filter((b) => !only || only.includes(b.name));

/** Runs one benchmark with its output shown, and returns its last non-empty line. */
function run(bench) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(root, 'tests/bench', bench.script)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').filter(Boolean).pop() ?? '';
      resolve({ code, last, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

/** `a=1 b="x y"` → { a: '1', b: 'x y' } */
function parsePairs(line) {
  const pairs = {};
  for (const m of line.matchAll(/([A-Za-z_][\w]*)=("[^"]*"|\S+)/g)) pairs[m[1]] = m[2].replace(/^"|"$/g, '');
  return pairs;
}

const rows = [];
const all = {};
for (const bench of selected) {
  console.log(`\n=== ${bench.name} (tests/bench/${bench.script}) ===`);
  const { code, last, seconds } = await run(bench);
  const pairs = code === 0 ? parsePairs(last) : {};
  for (const [k, v] of Object.entries(pairs)) all[k.startsWith(`${bench.name}_`) || k.startsWith('portal_') ? k : `${bench.name}_${k}`] = v;
  rows.push({ benchmark: bench.name, status: code === 0 ? 'ok' : `failed (exit ${code})`, figure: bench.figure, value: pairs[bench.figure] ?? '-', target: bench.target, seconds });
}

console.log('');
console.table(rows);
const failed = rows.filter((r) => r.status !== 'ok').map((r) => r.benchmark);
all.benchmarks = rows.length;
all.failed = failed.length ? failed.join(',') : 0;
console.log(Object.entries(all).map(([k, v]) => `${k}=${/\s/.test(String(v)) ? JSON.stringify(String(v)) : v}`).join(' '));
process.exit(failed.length ? 1 : 0);
