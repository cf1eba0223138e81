import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Role } from '@ogh/domain';
import { createApp } from '../app.factory';
import { AppConfig, loadConfig } from '../config/app-config';
import { createLogger } from '../common/logging/logger';
import { UsersService } from '../users/users.service';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_PASSWORD = 'kata-sandi-uji-123';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api */
  api: string;
  request(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Creates a user of the role (an ASN belongs to opdCode) and returns a signed-in access token. */
  tokenFor(role: Role, opts?: { opdCode?: string; email?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  redisUrl?: string;
}

/** Boots the real API on a fresh copy of the seeded database, listening on a random loopback port. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: opts.redisUrl ?? '',
    // Every test app gets its own queues: suites run in parallel on one Redis.
    QUEUE_PREFIX: db.name,
    DATABASE_POOL_SIZE: '5',
    ...opts.env,
  });
  const app = await createApp({ config, databaseUrl: db.url, schedule: false, logger: createLogger(config.logLevel) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const api = `http://127.0.0.1:${address.port}/api`;
  let counter = 0;

  const request: TestApp['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(`${api}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };

  return {
    app,
    config,
    db,
    api,
    request,
    async tokenFor(role, o = {}) {
      const email = o.email ?? `${role}.${++counter}.${randomBytes(3).toString('hex')}@uji.madiunkota.go.id`;
      await app.get(UsersService).create({ email, name: `Uji ${role}`, role, opdCode: o.opdCode ?? (role === 'asn' ? 'dinas-kesehatan' : undefined), password: TEST_PASSWORD }, null);
      const res = await request('POST', '/auth/login', { body: { email, password: TEST_PASSWORD } });
      if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      if (opts.redisUrl) await dropQueueKeys(opts.redisUrl, db.name);
      await db.drop();
    },
  };
}

/** Removes a test app's queues (keys under its prefix) from the shared Redis: at close, or to play a Redis that lost its jobs. */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
