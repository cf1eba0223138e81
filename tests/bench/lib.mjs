// Shared pieces of the benchmarks: a database to run on, the built API as a
// child process, and the one-line summary every benchmark prints last.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../../scripts/api-node-flags.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');

/** A fresh database for one benchmark run, on BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL or an embedded server. */
export async function benchDatabase(name) {
  let base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded;
  if (!base) {
    const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/database/embedded-postgres.js'));
    embedded = await startEmbeddedPostgres({ dir: join(root, '.data/bench-postgres'), port: 54331, database: 'postgres' });
    base = embedded.url;
  }
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const db = `ogh_bench_${name}_${randomBytes(3).toString('hex')}`;
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE ${db}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new Client({ connectionString: admin.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await d.end();
      await embedded?.stop();
    },
  };
}

/**
 * A port the kernel just gave out. A random pick in the ephemeral range could
 * be the local port of a client socket (autocannon's, pg's) and fail to bind.
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the built API (with the flags `npm start` gives it) on a free port and waits until it is healthy. */
export async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: 'bench-admin-password',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: child.pid, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('API did not become healthy in 60 s');
}

/** Runs a command in the repository with extra env; resolves with its stdout, rejects on a non-zero exit. */
export function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stdout}`))));
  });
}

export function printSummary(rows, pairs) {
  console.log('');
  console.table(rows);
  console.log(Object.entries(pairs).map(([k, v]) => `${k}=${v}`).join(' '));
}
