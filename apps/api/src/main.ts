import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './app.factory';
import { createLogger } from './common/logging/logger';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { SchemaAheadError } from './database/migration-runner';
import { prepareDatabase } from './database/prepare-database';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  const db = config.database.url
    ? { url: config.database.url, stop: async () => undefined }
    : await startEmbeddedPostgres({
        dir: config.database.embedded.dir,
        port: config.database.embedded.port,
        database: 'ogh',
        log: (line) => logger.debug({ component: 'embedded-postgres' }, line),
      });
  if (!config.database.url) logger.info(`No DATABASE_URL: using embedded PostgreSQL in ${config.database.embedded.dir} (port ${config.database.embedded.port})`);

  const app = await createApp({ config, databaseUrl: db.url, logger });
  const prepared = await prepareDatabase(app, config);
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.info(
    { queueMode: config.redis.url ? 'bull' : 'inline', runJobs: config.redis.runJobs },
    `Job queue mode: ${config.redis.url ? 'bull on Redis' : 'in-process (no REDIS_URL)'}${config.redis.runJobs ? '' : '; this process runs no jobs (RUN_JOBS=false)'}`,
  );
  logger.info(`API ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const base = `http://localhost:${config.http.port}`;
  const lines = [
    '',
    `  Open Governance Hub API  ${base}/api`,
    `  Health                   ${base}/api/health`,
    `  API docs (OpenAPI)       ${base}/api/docs`,
  ];
  if (prepared.admin) {
    lines.push('', `  First administrator: ${prepared.admin.email}`);
    lines.push(
      prepared.admin.oneTimePassword
        ? `  One-time password:   ${prepared.admin.oneTimePassword}   (shown once; change it at first sign-in)`
        : '  Password: the ADMIN_PASSWORD you configured',
    );
    // First start: offer the demo city rather than seeding it unasked into what may become a production database.
    lines.push('', '  Isi data demo (kota contoh, bertanda DEMO): npm run demo:seed   (hapus: npm run demo:seed -- --remove)');
  }
  // Deliberately on stdout, not in the JSON log stream: the password must not be kept in logs.
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`Received ${signal}, shutting down`);
    await app.close().catch((e) => logger.error(e));
    await db.stop().catch((e) => logger.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof SchemaAheadError) {
    process.stderr.write(`Refusing to start: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`API failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
