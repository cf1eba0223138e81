import { z } from 'zod';

/**
 * Configuration is read from the environment once, at boot, into this typed
 * object. Services receive it by injection and never read process.env.
 */
const port = z.coerce.number().int().min(1).max(65535);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// or postgresql:// URL');

const redisUrl = z
  .string()
  .trim()
  .refine((v) => /^rediss?:\/\/.+/.test(v), 'must be a redis:// or rediss:// URL');

const encryptionKey = z
  .string()
  .trim()
  .refine((v) => decodeKey(v) !== null, 'must be 32 bytes, as 64 hex characters or base64');

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: port.default(3000),
  PUBLIC_PORTAL_URL: z.string().url().default('http://localhost:3001'),
  DATABASE_URL: optional(postgresUrl),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: port.default(54329),
  REDIS_URL: optional(redisUrl),
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
    .default('ogh'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DATA_ENCRYPTION_KEY: encryptionKey,
  DATA_ENCRYPTION_KEY_PREVIOUS: optional(encryptionKey),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  SMTP_URL: optional(z.string().trim().refine((v) => /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL')),
  MAIL_FROM: z.string().default('Open Governance Hub Kota Madiun <noreply@madiunkota.go.id>'),
  RUN_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SUBMIT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:/,\s]+$/, 'must be a comma-separated list of addresses, CIDR ranges or loopback, linklocal, uniquelocal')
    .default('loopback'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MIGRATIONS_RUN: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  BI_READER_PASSWORD: optional(z.string().min(12, 'must be at least 12 characters')),
  ANALYTICS_REFRESH_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(120),
  ADMIN_EMAIL: optional(z.string().email()),
  ADMIN_PASSWORD: optional(z.string().min(12, 'must be at least 12 characters')),
});

export type RawConfig = z.infer<typeof schema>;

export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  /** trustProxy: proxies whose X-Forwarded-For is believed (the portal, a load balancer), for per-client rate limits. */
  http: { host: string; port: number; bodyLimitBytes: number; portalUrl: string; trustProxy: string };
  database: {
    /** Absent: the API starts an embedded PostgreSQL. */
    url?: string;
    poolSize: number;
    embedded: { dir: string; port: number };
    runMigrations: boolean;
  };
  /** With REDIS_URL: whether this process also runs the queue's jobs (false for pure HTTP replicas). */
  /** prefix: bull's Redis key prefix, so two deployments (or test runs) can share one Redis. */
  redis: { url?: string; runJobs: boolean; prefix: string };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    loginMaxFailures: number;
    loginLockMinutes: number;
    loginRateLimitPerMinute: number;
  };
  encryption: { key: Buffer; previousKey?: Buffer };
  feedback: { submitRateLimitPerMinute: number };
  /** Without SMTP_URL, notifications are recorded as skipped instead of sent. */
  mail: { smtpUrl?: string; from: string };
  /** biReaderPassword: login of the read-only BI role (Grafana, Metabase); absent, the role cannot log in. */
  analytics: { biReaderPassword?: string; refreshMinIntervalSeconds: number };
  logLevel: RawConfig['LOG_LEVEL'];
  bootstrapAdmin: { email?: string; password?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n') +
        '\nSee .env.example for every variable.',
    );
    this.name = 'ConfigError';
  }
}

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) {
    const buf = Buffer.from(value, 'base64');
    if (buf.length === 32) return buf;
  }
  return null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(unknown)'),
        problem: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
    );
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    http: { host: c.API_HOST, port: c.API_PORT, bodyLimitBytes: c.BODY_LIMIT_BYTES, portalUrl: c.PUBLIC_PORTAL_URL, trustProxy: c.TRUST_PROXY },
    database: {
      url: c.DATABASE_URL,
      poolSize: c.DATABASE_POOL_SIZE,
      embedded: { dir: c.EMBEDDED_PG_DIR, port: c.EMBEDDED_PG_PORT },
      runMigrations: c.MIGRATIONS_RUN,
    },
    redis: { url: c.REDIS_URL, runJobs: c.RUN_JOBS, prefix: c.QUEUE_PREFIX },
    auth: {
      jwtSecret: c.JWT_SECRET,
      accessTtlSeconds: c.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
      loginMaxFailures: c.LOGIN_MAX_FAILURES,
      loginLockMinutes: c.LOGIN_LOCK_MINUTES,
      loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    encryption: {
      key: decodeKey(c.DATA_ENCRYPTION_KEY) as Buffer,
      previousKey: c.DATA_ENCRYPTION_KEY_PREVIOUS ? (decodeKey(c.DATA_ENCRYPTION_KEY_PREVIOUS) as Buffer) : undefined,
    },
    feedback: { submitRateLimitPerMinute: c.SUBMIT_RATE_LIMIT_PER_MINUTE },
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM },
    analytics: { biReaderPassword: c.BI_READER_PASSWORD, refreshMinIntervalSeconds: c.ANALYTICS_REFRESH_MIN_INTERVAL_SECONDS },
    logLevel: c.LOG_LEVEL,
    bootstrapAdmin: { email: c.ADMIN_EMAIL, password: c.ADMIN_PASSWORD },
  };
}
