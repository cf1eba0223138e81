// `npm start`: the whole hub on one machine. Builds what changed, starts the
// API (which starts an embedded PostgreSQL when DATABASE_URL is not set,
// migrates and loads reference data), then the portal.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './api-node-flags.mjs';
import { build } from './build.mjs';
import { applyLocalEnv, root } from './local-env.mjs';

applyLocalEnv();
const apiPort = Number(process.env.API_PORT ?? 3000);
const portalPort = Number(process.env.PORTAL_PORT ?? 3001);
process.env.API_PORT = String(apiPort);
process.env.PUBLIC_PORTAL_URL ??= `http://localhost:${portalPort}`;
const children = [];
const started = Date.now();

function run(name, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the hub.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHealth(url, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && !stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

console.log('Building the API…');
build(['domain', 'api']);
run('API', [...API_NODE_FLAGS, join(root, 'dist/apps/api/main.js')]);
if (!(await waitForHealth(`http://127.0.0.1:${apiPort}/api/health`, 120_000))) {
  console.error('The API did not become healthy within 120 s.');
  stop(1);
} else {
  console.log(`API healthy after ${((Date.now() - started) / 1000).toFixed(1)} s. Building the portal (first time takes a minute)…`);
  build(['portal'], { quiet: false });
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  run('Portal', [next, 'start', join(root, 'apps/portal'), '-p', String(portalPort)], { API_URL: `http://127.0.0.1:${apiPort}` });
  if (await waitForHealth(`http://127.0.0.1:${portalPort}/`, 60_000)) {
    console.log(
      [
        '',
        '  Open Governance Hub is running:',
        `    Portal     http://localhost:${portalPort}`,
        `    API        http://localhost:${apiPort}/api   (docs: http://localhost:${apiPort}/api/docs)`,
        '  Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
}
