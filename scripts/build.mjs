// Builds the given Nx projects; Nx's cache makes an unchanged build instant.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root } from './local-env.mjs';

const nxBin = createRequire(import.meta.url).resolve('nx/bin/nx');

export function build(projects, { quiet = true } = {}) {
  const res = spawnSync(process.execPath, [nxBin, 'run-many', '-t', 'build', '-p', ...projects, '--output-style=static'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: process.env,
  });
  if (res.status !== 0) {
    if (quiet) process.stderr.write(String(res.stdout ?? '') + String(res.stderr ?? ''));
    throw new Error(`Build of ${projects.join(', ')} failed`);
  }
}
