import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
export { freePort } from '../support/api-process';

export const ROOT = join(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function waitFor(url: string, ms: number, proc: ChildProcess, name: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with code ${proc.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer at ${url} within ${ms} ms`);
}

/** The built API as its own process, so a test can kill it and start it again on the same port and database. */
export class ApiProcess {
  private proc?: ChildProcess;
  readonly secrets = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex') };

  /** port: from freePort() (a random pick in the ephemeral range could be a port a client socket holds). */
  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: this.databaseUrl,
        API_HOST: '127.0.0.1',
        API_PORT: String(this.port),
        LOG_LEVEL: 'warn',
        REDIS_URL: '',
        SUBMIT_RATE_LIMIT_PER_MINUTE: '1000',
        ADMIN_PASSWORD: 'admin-password-e2e',
        ...this.secrets,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${this.url}/api/health`, 60_000, this.proc, 'API');
  }

  /** A crash, not a shutdown. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGKILL');
    });
  }
}

export class PortalProcess {
  private proc?: ChildProcess;

  constructor(
    private readonly apiUrl: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!existsSync(join(ROOT, 'apps/portal/.next/BUILD_ID'))) throw new Error('The portal is not built: run the tests through `npm test` (it builds it)');
    const next = createRequire(join(ROOT, 'package.json')).resolve('next/dist/bin/next');
    this.proc = spawn(process.execPath, [next, 'start', join(ROOT, 'apps/portal'), '-p', String(this.port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...process.env, API_URL: this.apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${this.url}/privasi`, 60_000, this.proc, 'Portal');
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGTERM');
    });
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
