// Submission benchmark (`npm run bench:submit`): POST /api/aspirations under
// 50 connections, beside a ceiling measured in the same run: a minimal Node
// HTTP server doing one parameterised INSERT into the same database.
// Prints submit_rps, ceiling_rps, ratio, p99_ms, and checks that the rows in
// the database equal the 201 answers (nothing lost, nothing doubled).
//
// A run of 10,000 requests lasts one to two seconds, and the ceiling server
// shares its thread with autocannon, so one pair of runs swings by ±20%.
// The two sides alternate over BENCH_ROUNDS rounds (default 3); the figures
// are the medians of the rounds, p99_ms the worst round's.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { benchDatabase, printSummary, startApi } from './lib.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { Pool } = require('pg');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const { kelurahan: KELURAHAN, texts: TEXTS } = require('../support/sample-submissions.json');
let n = 0;
/** One body per run (autocannon sends the same body, with a unique id in it). */
const nextBody = () => {
  n++;
  return JSON.stringify({ text: `${TEXTS[n % TEXTS.length]} (laporan [<id>])`, kelurahanCode: KELURAHAN[n % KELURAHAN.length], channel: 'portal' });
};

/**
 * autocannon ends a fixed-amount run on its one-second tick, so its duration
 * is rounded up to whole seconds: time from the start to the last response.
 */
function run(url, title) {
  const started = performance.now();
  let last = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        title,
        connections: CONNECTIONS,
        // A fixed number of requests, so every request sent is also answered and counted.
        amount: REQUESTS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Every request gets a unique text: autocannon replaces [<id>] with a fresh id.
        body: nextBody(),
        idReplacement: true,
      },
      (err, result) => (err ? reject(err) : resolve({ ...result, seconds: (last - started) / 1000 })),
    );
    instance.on('response', () => {
      last = performance.now();
    });
  });
}

const created = (r) => r.statusCodeStats?.['201']?.count ?? 0;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The ceiling: a minimal Node HTTP server doing one parameterised INSERT per request into the same database. */
async function startCeiling(pool) {
  await pool.query('CREATE TABLE ceiling_aspiration (id bigserial PRIMARY KEY, text text NOT NULL, kelurahan_code varchar(13) NOT NULL, submitted_at timestamptz NOT NULL DEFAULT now())');
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      pool
        .query('INSERT INTO ceiling_aspiration (text, kelurahan_code) VALUES ($1, $2) RETURNING id', [body.text, body.kelurahanCode])
        .then(({ rows }) => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: rows[0].id }));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

const db = await benchDatabase('submit');
let api;
let ceiling;
const pool = new Pool({ connectionString: db.url, max: 10 });
pool.on('error', () => undefined);
try {
  // The HTTP path alone, as on an HTTP replica: analysis and notifications of the
  // submissions wait in the outbox for worker processes (RUN_JOBS=false).
  api = await startApi({ DATABASE_URL: db.url, SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000', DATABASE_POOL_SIZE: '10', RUN_JOBS: 'false' });
  ceiling = await startCeiling(pool);
  // Warm-up of both: caches, JIT, connection pools.
  await run(`${api.url}/api/aspirations`, 'warm-up');
  await run(ceiling.url, 'ceiling warm-up');

  const { rows: [before] } = await pool.query('SELECT count(*)::int AS n FROM aspiration');
  const submits = [];
  const ceilings = [];
  for (let round = 0; round < ROUNDS; round++) {
    submits.push(await run(`${api.url}/api/aspirations`, 'submit'));
    ceilings.push(await run(ceiling.url, 'ceiling'));
  }
  const { rows: [after] } = await pool.query('SELECT count(*)::int AS n FROM aspiration');

  const rps = (r) => created(r) / r.seconds;
  const answered201 = submits.reduce((n, r) => n + created(r), 0);
  const rows = after.n - before.n;
  const submitRps = median(submits.map(rps));
  const ceilingRps = median(ceilings.map(rps));
  const p99 = Math.max(...submits.map((r) => r.latency.p99));
  const lost = rows !== answered201;
  printSummary(
    [
      ...submits.map((r, i) => ({ run: `submit (API), round ${i + 1}`, 'req/s (201)': rps(r).toFixed(0), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'non-2xx': r.non2xx, errors: r.errors })),
      ...ceilings.map((r, i) => ({ run: `ceiling (1 INSERT), round ${i + 1}`, 'req/s (201)': rps(r).toFixed(0), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'non-2xx': r.non2xx, errors: r.errors })),
      { run: 'rows in database', 'req/s (201)': `${rows} rows for ${answered201} answers`, 'p50 ms': '', 'p99 ms': '', 'non-2xx': '', errors: lost ? 'MISMATCH' : 'ok' },
    ],
    { submit_rps: submitRps.toFixed(0), ceiling_rps: ceilingRps.toFixed(0), ratio: (submitRps / ceilingRps).toFixed(2), p99_ms: p99, rows_match: !lost },
  );
  if (lost) process.exitCode = 1;
} finally {
  await api?.stop();
  if (ceiling) await new Promise((r) => ceiling.server.close(r));
  await pool.end();
  await db.drop();
}
