import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/** The database the CLI works on: DATABASE_URL, or the same embedded server the API uses. */
export async function resolveDatabase(config: AppConfig): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.database.url) return { url: config.database.url, stop: async () => undefined };
  return startEmbeddedPostgres({ dir: config.database.embedded.dir, port: config.database.embedded.port, database: 'ogh' });
}

/** A throw-away database on the same server, for checks that must start from empty. */
export async function withScratchDatabase<T>(url: string, work: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = `ogh_scratch_${randomBytes(4).toString('hex')}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await work(scratch.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}
