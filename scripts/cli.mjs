// `npm run cli -- <command>`: admin tasks (see `npm run cli -- --help`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from './build.mjs';
import { applyLocalEnv, root } from './local-env.mjs';

applyLocalEnv();
build(['domain', 'api']);
const res = spawnSync(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/cli/cli.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(res.status ?? 1);
