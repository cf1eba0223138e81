// `npm test`: the whole suite. Uses TEST_DATABASE_URL or DATABASE_URL when set,
// otherwise an embedded PostgreSQL (see tests/support/global-setup.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from './build.mjs';
import { root } from './local-env.mjs';

process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.NX_NO_CLOUD = 'true';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Global setup resolves the shared libs through their dist/; the browser tests run the built API and portal.
build(['domain', 'nlp-id', 'api', 'portal']);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const res = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(res.status ?? 1);
