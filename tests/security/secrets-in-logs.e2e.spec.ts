import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BPS_KEY, installFixtures } from '../../apps/api/src/collector/__tests__/fixtures';
import { FixtureServer } from '../../apps/api/src/collector/__tests__/fixture-server';
import { TEST_BI_PASSWORD } from '../../apps/api/src/testing/bi-reader';
import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { freePort } from '../support/api-process';

/**
 * Runs the built API (dist/apps/api/main.js) as its own process at LOG_LEVEL
 * debug, capturing everything it writes to stdout and stderr — the JSON log
 * stream, Nest's messages and the start-up banner — drives a full flow that
 * handles every kind of secret, then greps the whole capture for each secret
 * value. A child process, not startTestApp, so that nothing is left out of the
 * capture and the production entry point with its real logger is what is tested.
 */

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

// Every value below is a secret or personal data: none may appear in the logs.
const JWT_SECRET = `jwt-${randomBytes(24).toString('hex')}`;
const ENCRYPTION_KEY = randomBytes(32);
const ADMIN_EMAIL = 'admin.log@uji.madiunkota.go.id';
const ADMIN_PASSWORD = `Admin-Sandi-${randomBytes(6).toString('hex')}`;
const SMTP_PASSWORD = `smtp-${randomBytes(8).toString('hex')}`;
const GENERIC_KEY = `generic-${randomBytes(8).toString('hex')}`;
const WRONG_PASSWORDS = ['Salah-Sandi-Pertama-771', 'Salah-Sandi-Kedua-772', 'Tidak-Ada-Akun-773'];
const ASN_NEW_PASSWORD = `Asn-Sandi-Baru-${randomBytes(4).toString('hex')}`;
const NIK = '3577014506890011';
const PHONE = '0813-5566-7788';
const EMAIL = 'rahasia.warga.log@contoh.id';
const CONTACT_NAME = 'Sekar Ayu Kinanthi';
const IDEMPOTENCY_KEY = `idem-${randomBytes(8).toString('hex')}`;

describe('security: no secret or personal data in the logs of a full run', () => {
  const fx = new FixtureServer();
  let db: TestDatabase;
  let child: ChildProcess;
  let base: string;
  let log = '';
  const secrets = new Map<string, string>(); // label → value

  async function api(method: string, path: string, o: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined || o.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = await probe().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`timed out waiting for ${what}; log tail:\n${log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npx nx run-many -t build -p domain nlp-id api)`);
    await fx.start();
    installFixtures(fx);
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api`;
    const smtpPort = await freePort(); // nothing listens there: sending fails, and the failure is logged
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'UTC',
      NODE_ENV: 'development',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: '',
      LOG_LEVEL: 'debug',
      JWT_SECRET,
      DATA_ENCRYPTION_KEY: ENCRYPTION_KEY.toString('hex'),
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      // The BI role is cluster-wide; the shared test password keeps other test files working.
      BI_READER_PASSWORD: TEST_BI_PASSWORD,
      SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      SUBMIT_RATE_LIMIT_PER_MINUTE: '10000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      QUEUE_PREFIX: db.name,
    };
    child = spawn(process.execPath, ['--enable-source-maps', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await until('the API to answer', async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 60_000);

    const add = (label: string, value: string | undefined | null) => {
      if (value) secrets.set(label, value);
    };
    add('JWT_SECRET', JWT_SECRET);
    add('DATA_ENCRYPTION_KEY (hex)', ENCRYPTION_KEY.toString('hex'));
    add('DATA_ENCRYPTION_KEY (base64)', ENCRYPTION_KEY.toString('base64'));
    add('ADMIN_PASSWORD', ADMIN_PASSWORD);
    add('BI_READER_PASSWORD', TEST_BI_PASSWORD);
    add('SMTP password', SMTP_PASSWORD);
    add('BPS api key', BPS_KEY);
    add('generic api key', GENERIC_KEY);
    WRONG_PASSWORDS.forEach((p, i) => add(`wrong password ${i + 1}`, p));
    add('ASN new password', ASN_NEW_PASSWORD);
    add('NIK', NIK);
    add('phone', PHONE);
    add('phone (digits)', PHONE.replace(/-/g, ''));
    add('contact e-mail', EMAIL);
    add('contact name', CONTACT_NAME);
    add('Idempotency-Key', IDEMPOTENCY_KEY);

    // Failed sign-ins: wrong password for a real account, an unknown account, a truncated JSON body carrying a password.
    expect((await api('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: WRONG_PASSWORDS[0] } })).status).toBe(401);
    expect((await api('POST', '/auth/login', { body: { email: 'tidak.ada@uji.madiunkota.go.id', password: WRONG_PASSWORDS[2] } })).status).toBe(401);
    expect((await api('POST', '/auth/login', { rawBody: `{"email":"${ADMIN_EMAIL}","password":"${WRONG_PASSWORDS[1]}"` })).status).toBe(400);

    // Sign in, refresh, and a reused refresh token on a second session.
    const admin = await api('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(admin.status).toBe(200);
    const refreshed = await api('POST', '/auth/refresh', { body: { refreshToken: admin.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    const adminToken = refreshed.body.accessToken as string;
    add('admin access token', admin.body.accessToken);
    add('admin refresh token', admin.body.refreshToken);
    add('admin access token (rotated)', adminToken);
    add('admin refresh token (rotated)', refreshed.body.refreshToken);
    const second = await api('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    add('second access token', second.body.accessToken);
    add('second refresh token', second.body.refreshToken);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(200);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);

    // An ASN account: one-time password, forced change, sign in again.
    const created = await api('POST', '/users', { token: adminToken, body: { email: 'asn.log@uji.madiunkota.go.id', name: 'ASN Log', role: 'asn', opdCode: 'dinas-kesehatan' } });
    expect(created.status).toBe(201);
    add('one-time password', created.body.oneTimePassword);
    const first = await api('POST', '/auth/login', { body: { email: 'asn.log@uji.madiunkota.go.id', password: created.body.oneTimePassword } });
    add('ASN first access token', first.body.accessToken);
    add('ASN first refresh token', first.body.refreshToken);
    expect((await api('POST', '/auth/password', { token: first.body.accessToken, body: { currentPassword: created.body.oneTimePassword, newPassword: ASN_NEW_PASSWORD } })).status).toBe(204);
    const asn = await api('POST', '/auth/login', { body: { email: 'asn.log@uji.madiunkota.go.id', password: ASN_NEW_PASSWORD } });
    expect(asn.status).toBe(200);
    add('ASN access token', asn.body.accessToken);
    add('ASN refresh token', asn.body.refreshToken);

    // Aspirations with personal data in the text and in the contact details; one bad one, logged as a 400.
    const submitted = await api('POST', '/aspirations', {
      headers: { 'idempotency-key': IDEMPOTENCY_KEY },
      body: { text: `Pelayanan puskesmas lambat. NIK saya ${NIK}, telp ${PHONE}, email ${EMAIL}.`, kelurahanCode: '35.77.01.1001', categoryCode: 'kesehatan', contact: { name: CONTACT_NAME, phone: PHONE, email: EMAIL, consent: true } },
    });
    expect(submitted.status).toBe(201);
    add('follow-up key', submitted.body.followUpKey);
    expect((await api('POST', '/aspirations', { body: { text: `NIK ${NIK} telp ${PHONE}`, kelurahanCode: 'bukan-kode', contact: { email: EMAIL, phone: PHONE } } })).status).toBe(400);
    const info = await api('POST', `/aspirations/track/${submitted.body.trackingCode}/info`, { body: { followUpKey: submitted.body.followUpKey, text: `Tambahan: hubungi ${PHONE}` } });
    expect(info.status).toBeLessThan(500);

    // The ASN works on it: detail, contact (decrypted), a reply quoting the phone, a status change. The reply mails the citizen over the failing SMTP.
    const id = submitted.body.id as string;
    expect((await api('GET', `/asn/aspirations/${id}`, { token: asn.body.accessToken })).status).toBe(200);
    expect((await api('GET', `/asn/aspirations/${id}/contact`, { token: asn.body.accessToken })).body.email).toBe(EMAIL);
    expect((await api('POST', `/asn/aspirations/${id}/replies`, { token: asn.body.accessToken, body: { body: `Kami akan menghubungi Bapak/Ibu di ${PHONE}.` } })).status).toBe(201);
    expect((await api('POST', `/asn/aspirations/${id}/status`, { token: asn.body.accessToken, body: { status: 'verified' } })).status).toBe(200);

    // Collector sources with API keys (in the path for BPS, in the query and a header for generic HTTP), runs that succeed and fail.
    const sources = [
      { kind: 'bps', name: 'BPS penduduk', settings: { baseUrl: `${fx.base}/bps`, domain: '3577', var: '11', years: '2024' }, apiKey: BPS_KEY },
      { kind: 'bps', name: 'BPS salah', settings: { baseUrl: `${fx.base}/bps`, domain: '3577', var: '99', years: '2024' }, apiKey: BPS_KEY },
      { kind: 'generic_http', name: 'Rusak', settings: { url: `${fx.base}/generic/fail500?api_key=${GENERIC_KEY}`, retries: 1, retryBackoffMs: 10 }, apiKey: GENERIC_KEY },
      { kind: 'generic_http', name: 'Hilang', settings: { url: `${fx.base}/generic/tidak-ada/${GENERIC_KEY}`, apiKeyHeader: 'x-kunci' }, apiKey: GENERIC_KEY },
    ];
    for (const s of sources) {
      const src = await api('POST', '/collector/sources', { token: adminToken, body: s });
      expect(src.status).toBe(201);
      expect((await api('POST', `/collector/sources/${src.body.id}/run`, { token: adminToken })).status).toBe(202);
      await until(`run of ${s.name}`, async () => {
        const runs = await api('GET', `/collector/sources/${src.body.id}/runs`, { token: adminToken });
        const list = (Array.isArray(runs.body) ? runs.body : runs.body.items) as { status: string }[];
        return list?.length && !['queued', 'running'].includes(list[0].status) ? true : undefined;
      });
      // A change of the key goes through PATCH too.
      expect((await api('PATCH', `/collector/sources/${src.body.id}`, { token: adminToken, body: { apiKey: `${GENERIC_KEY}-baru` } })).status).toBe(200);
    }
    add('generic api key (changed)', `${GENERIC_KEY}-baru`);

    // Tokens in places they do not belong: the query string, a Basic header, a personal API token.
    expect((await api('GET', `/auth/me?token=${adminToken}`)).status).toBe(401);
    expect((await api('GET', `/users?access_token=${asn.body.accessToken}&page=1`)).status).toBe(401);
    expect((await api('GET', '/auth/me', { headers: { authorization: `Basic ${Buffer.from(`${ADMIN_EMAIL}:${ADMIN_PASSWORD}`).toString('base64')}` } })).status).toBe(401);
    const pat = await api('POST', '/auth/tokens', { token: adminToken, body: { name: 'log-uji', scopes: ['read'] } });
    expect(pat.status).toBe(201);
    add('personal API token', pat.body.token);
    expect((await api('GET', '/users', { token: pat.body.token })).status).toBe(200);
    expect((await api('GET', `/users?api_key=${pat.body.token}`)).status).toBe(401);
    expect((await api('GET', '/users', { token: `${pat.body.token}x` })).status).toBe(401);

    // Sign out, then shut down so everything buffered is written.
    expect((await api('POST', '/auth/logout', { token: asn.body.accessToken, body: { refreshToken: asn.body.refreshToken } })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 1500)); // let the outbox deliver (and fail) the reply mail
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await fx.stop();
    await db?.drop();
  });

  it('captured the log of the whole flow, failures included', () => {
    const lines = log.split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as { level: number; msg: string; context?: string; status?: number; path?: string });
    expect(entries.filter((e) => e.msg === 'request').length).toBeGreaterThan(30);
    // The paths most likely to leak are in the capture: failed runs with keys, failed mail over the SMTP URL, the banner.
    expect(entries.filter((e) => e.context === 'Collector' && e.level >= 40).length).toBeGreaterThanOrEqual(3);
    expect(entries.some((e) => e.context === 'Notifications' && /sending failed/.test(e.msg))).toBe(true);
    expect(log).toContain('First administrator: ' + ADMIN_EMAIL);
    expect(entries.some((e) => e.msg === 'request' && e.status === 401 && e.path === '/api/auth/login')).toBe(true);
    expect(entries.some((e) => e.msg === 'request' && e.path?.startsWith('/api/collector/sources'))).toBe(true);
    expect(secrets.size).toBeGreaterThan(30);
  });

  it('contains none of the secrets, passwords, tokens, keys or personal data', () => {
    const lines = log.split('\n');
    const found = [...secrets]
      .filter(([, value]) => log.includes(value) || log.includes(encodeURIComponent(value)))
      .map(([label, value]) => `${label} (log line ${lines.findIndex((l) => l.includes(value) || l.includes(encodeURIComponent(value))) + 1})`);
    expect(found).toEqual([]);
  });
});
