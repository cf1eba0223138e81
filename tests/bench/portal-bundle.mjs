// The JavaScript each public page of the portal sends to a browser, gzipped,
// read from the Next build output (apps/portal/.next; build it first with
// `npx nx run portal:build`). Per route: the root main files every App Router
// page loads (build-manifest.json `rootMainFiles`) plus the entry chunks of the
// route's layouts and page (`entryJSFiles` in the route's
// page_client-reference-manifest.js). Polyfills are left out: they are loaded
// with `nomodule`, so current browsers never download them (shown apart).
// Each chunk file is counted once per page, gzipped with zlib (level 9).
// Prints a table, then one line:
//   portal_max_public_js_kb=… portal_pages=…
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const next = join(root, 'apps/portal/.next');
const TARGET_KB = 150;
const PUBLIC = ['/', '/aspirasi/baru', '/lacak', '/lacak/[code]', '/aspirasi', '/kebijakan', '/kebijakan/[id]', '/statistik', '/survei', '/privasi'];

if (!existsSync(join(next, 'BUILD_ID'))) {
  console.error('apps/portal/.next has no build: run `npx nx run portal:build --output-style=static` first');
  process.exit(1);
}

const readJson = (p) => JSON.parse(readFileSync(join(next, p), 'utf8'));
const build = readJson('build-manifest.json');
const routes = readJson('app-path-routes-manifest.json'); // "/aspirasi/baru/page" -> "/aspirasi/baru"
const entryOf = Object.fromEntries(Object.entries(routes).map(([entry, route]) => [route, entry]));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(join(next, file.replace(/^\/?_next\//, '')));
    sizes.set(file, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The client reference manifest sets globalThis.__RSC_MANIFEST[entry]; evaluate it in a sandbox. */
function clientManifest(entry) {
  const file = join(next, 'server/app', `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) throw new Error(`no client reference manifest for ${entry} (${file})`);
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const m = sandbox.__RSC_MANIFEST?.[entry];
  if (!m) throw new Error(`${file} does not describe ${entry}`);
  return m;
}

const kb = (n) => n / 1024;
const rows = [];
for (const route of PUBLIC) {
  const entry = entryOf[route];
  if (!entry) throw new Error(`route ${route} is not in app-path-routes-manifest.json`);
  const m = clientManifest(entry);
  const files = new Set((build.rootMainFiles ?? []).filter((f) => f.endsWith('.js')));
  for (const list of Object.values(m.entryJSFiles ?? {})) for (const f of list) if (f.endsWith('.js')) files.add(f);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const s = size(f);
    raw += s.raw;
    gzip += s.gzip;
  }
  rows.push({ route, files: files.size, raw, gzip });
}

const polyfill = (build.polyfillFiles ?? []).reduce((a, f) => a + size(f).gzip, 0);
const shared = (build.rootMainFiles ?? []).filter((f) => f.endsWith('.js')).reduce((a, f) => a + size(f).gzip, 0);

const pad = (s, n) => String(s).padEnd(n);
const num = (n, d = 1) => kb(n).toFixed(d).padStart(9);
console.log(`${pad('page', 18)}${pad('chunks', 8)}${'raw kB'.padStart(9)}${'gzip kB'.padStart(9)}  target ${TARGET_KB} kB`);
for (const r of rows) console.log(`${pad(r.route, 18)}${pad(r.files, 8)}${num(r.raw)}${num(r.gzip)}  ${kb(r.gzip) < TARGET_KB ? 'ok' : 'OVER'}`);
console.log(`(shared by every page: ${kb(shared).toFixed(1)} kB gzipped; polyfills for old browsers, not counted: ${kb(polyfill).toFixed(1)} kB)`);
const max = Math.max(...rows.map((r) => r.gzip));
console.log(`portal_max_public_js_kb=${kb(max).toFixed(1)} portal_pages=${rows.length}`);
