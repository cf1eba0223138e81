// Dashboard-query benchmark (`npm run bench:dashboards`): on a scratch
// database with the demo city at 1,000,000 aspirations over two years
// (BENCH_ASPIRATIONS to change), refreshed analytics views and the BI extras
// (populations, data sources with sync runs, indicators), every panel query
// of every provisioned Grafana dashboard, expanded as Grafana does (default
// time range, "All" variables) and run as the BI role, is timed beside a full
// scan of the aspiration table in the same session, interleaved round by
// round (BENCH_RUNS rounds, default 20; JIT off for both so the scan is not
// padded by compilation). Prints slowest_panel_ms and full_scan_ms (p95 of
// the rounds), ratio (slowest over full scan; target < 0.1) and the slowest
// panel's name.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, printSummary, root, run } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const ASPIRATIONS = Number(process.env.BENCH_ASPIRATIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CLI = join(root, 'dist/apps/api/cli/cli.js');
const FULL_SCAN = 'SELECT count(*) AS n, avg(length(public_text)) AS avg_len FROM aspiration';
const TARGET_RATIO = 0.1;

/** The test's Grafana expansion (TypeScript), compiled with swc into a scratch folder, so the benchmark runs exactly the tested SQL. */
function loadGrafanaSupport() {
  const { transformFileSync } = require('@swc/core');
  const dir = mkdtempSync(join(tmpdir(), 'ogh-grafana-'));
  for (const name of ['grafana-macros', 'grafana-dashboards']) {
    const { code } = transformFileSync(join(root, `tests/bi/support/${name}.ts`), {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    writeFileSync(join(dir, `${name}.js`), code);
  }
  return { ...require(join(dir, 'grafana-dashboards.js')), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
};

async function timed(c, sql) {
  const t = performance.now();
  await c.query(sql);
  return performance.now() - t;
}

const grafana = loadGrafanaSupport();
const db = await benchDatabase('dashboards');
const c = new Client({ connectionString: db.url });
try {
  const env = { DATABASE_URL: db.url, NODE_ENV: 'development', JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'), REDIS_URL: '', LOG_LEVEL: 'warn' };
  await run(process.execPath, [CLI, 'migrate'], env);
  await run(process.execPath, [CLI, 'reference:load'], env);
  let t = performance.now();
  const seedOut = await run(process.execPath, [CLI, 'demo:seed', '--aspirations', String(ASPIRATIONS)], env);
  const seedSeconds = (performance.now() - t) / 1000;
  console.log(seedOut.split('\n').filter((l) => l.startsWith('demo_')).join('\n') || seedOut.slice(-500));

  await c.connect();
  await c.query(readFileSync(join(root, 'tests/bi/support/analytics-extras.sql'), 'utf8'));
  const { MATERIALIZED_VIEWS, BI_ROLE } = require(join(root, 'dist/apps/api/analytics/analytics-views.js'));
  t = performance.now();
  for (const view of MATERIALIZED_VIEWS) {
    const started = performance.now();
    await c.query(`REFRESH MATERIALIZED VIEW analytics.${view}`);
    await c.query(
      `INSERT INTO analytics.refresh_state (view_name, refreshed_at, duration_ms) VALUES ($1, now(), $2)
       ON CONFLICT (view_name) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms`,
      [view, Math.round(performance.now() - started)],
    );
  }
  const refreshSeconds = (performance.now() - t) / 1000;
  await c.query('VACUUM ANALYZE');
  const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM aspiration')).rows;
  if (n !== ASPIRATIONS) throw new Error(`expected ${ASPIRATIONS} aspirations, found ${n}`);
  const [{ bytes }] = (await c.query(`SELECT pg_size_pretty(pg_table_size('aspiration')) AS bytes`)).rows;
  console.log(`Seeded ${n.toLocaleString('en')} aspirations (table ${bytes}) in ${seedSeconds.toFixed(0)} s; views refreshed in ${refreshSeconds.toFixed(1)} s`);

  // The panels run with the BI role's privileges (SET ROLE from the owner: no password needed); the scan as the owner.
  await c.query('SET jit = off');
  const asBi = async (fn) => {
    await c.query(`SET ROLE ${BI_ROLE}`);
    try {
      return await fn();
    } finally {
      await c.query('RESET ROLE');
    }
  };
  const now = new Date();
  const queries = [];
  for (const { dashboard } of grafana.readDashboards(join(root, 'grafana/provisioning/dashboards/ogh'))) {
    const { variables } = await asBi(() => grafana.resolveVariables(dashboard, (sql) => c.query(sql), now));
    for (const q of grafana.panelQueries(dashboard)) queries.push({ name: q.name, sql: grafana.expandPanelQuery(q, variables, now), times: [] });
  }
  const scans = [];
  // One warm-up round, then RUNS measured rounds, panels and scan interleaved.
  for (let round = 0; round <= RUNS; round++) {
    await asBi(async () => {
      for (const q of queries) {
        const ms = await timed(c, q.sql);
        if (round > 0) q.times.push(ms);
      }
    });
    const ms = await timed(c, FULL_SCAN);
    if (round > 0) scans.push(ms);
  }

  const fullScan = p95(scans);
  const ranked = queries.map((q) => ({ panel: q.name, p95_ms: p95(q.times) })).sort((a, b) => b.p95_ms - a.p95_ms);
  const slowest = ranked[0];
  const over = ranked.filter((r) => r.p95_ms >= TARGET_RATIO * fullScan);
  printSummary(
    [
      { query: 'full scan of aspiration (count, avg length)', p95_ms: fullScan.toFixed(1), of_scan: '1.000' },
      ...ranked.slice(0, 12).map((r) => ({ query: r.panel, p95_ms: r.p95_ms.toFixed(2), of_scan: (r.p95_ms / fullScan).toFixed(3) })),
    ],
    {
      aspirations: n,
      panels: queries.length,
      runs: RUNS,
      panels_over_target: over.length,
      slowest_panel: JSON.stringify(slowest.panel),
      slowest_panel_ms: slowest.p95_ms.toFixed(2),
      full_scan_ms: fullScan.toFixed(1),
      ratio: (slowest.p95_ms / fullScan).toFixed(4),
    },
  );
} finally {
  await c.end().catch(() => undefined);
  await db.drop();
  grafana.cleanup();
}
