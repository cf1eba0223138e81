import { Client } from 'pg';
import { ReferenceDataService } from '../../apps/api/src/reference-data/reference-data.service';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { migrate } from '../../apps/api/src/database/migration-runner';
import { seedInitialTopicModel } from '../../apps/api/src/insight/initial-model';
import { adminUrlFrom, TEST_ENV } from '../../apps/api/src/testing/test-env';

/**
 * Once per run: find a PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or an
 * embedded one), build a migrated and seeded template database, and hand its
 * name to the test files, which each copy it into a fresh database.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let adminUrl: string;
  if (configured) {
    adminUrl = adminUrlFrom(configured);
  } else {
    const embedded = await startEmbeddedPostgres({ dir: '.data/test-postgres', port: 54330, database: 'postgres', persistent: true });
    (globalThis as Record<string, unknown>).__OGH_EMBEDDED__ = embedded;
    adminUrl = embedded.url;
  }

  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Tests need PostgreSQL and could not connect to ${redact(adminUrl)}: ${(err as Error).message}`);
  }
  const template = `ogh_test_tpl_${process.pid}`;
  await client.query(`DROP DATABASE IF EXISTS ${template}`);
  await client.query(`CREATE DATABASE ${template}`);
  await client.end();

  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const ds = await createDataSource(url.toString(), 2).initialize();
  try {
    await migrate(ds);
    await new ReferenceDataService(ds).load();
    // Every test app then loads this model instead of training its own.
    await seedInitialTopicModel(ds);
  } finally {
    await ds.destroy();
  }
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
