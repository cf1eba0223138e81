import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_ENV } from './test-env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[TEST_ENV.adminUrl];
  if (!url) throw new Error('Test database not prepared: run the tests through `npm test` (jest global setup).');
  return url;
}

/** A fresh database copied from the migrated, seeded template: one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEST_ENV.template]!;
  const name = `ogh_t_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant: try again shortly.
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
