// Environment for running the hub on a developer's machine: reads .env when
// present and, outside production, creates local secrets on first use so a
// newcomer needs no configuration. Production must set every secret itself.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function applyLocalEnv() {
  const envFile = join(root, '.env');
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile);
  process.env.NX_NO_CLOUD ??= 'true';
  process.env.NX_DAEMON ??= 'false';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  if (process.env.NODE_ENV === 'production') return;

  const needed = ['JWT_SECRET', 'DATA_ENCRYPTION_KEY'].filter((k) => !process.env[k]);
  if (!needed.length) return;
  const file = join(root, '.data', 'local-secrets.json');
  let secrets = {};
  if (existsSync(file)) secrets = JSON.parse(readFileSync(file, 'utf8'));
  let changed = false;
  if (!secrets.JWT_SECRET) {
    secrets.JWT_SECRET = randomBytes(48).toString('base64url');
    changed = true;
  }
  if (!secrets.DATA_ENCRYPTION_KEY) {
    secrets.DATA_ENCRYPTION_KEY = randomBytes(32).toString('hex');
    changed = true;
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    console.log(`Generated local development secrets in ${file} (git-ignored).`);
  }
  for (const k of needed) process.env[k] = secrets[k];
}
