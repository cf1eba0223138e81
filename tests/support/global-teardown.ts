import { Client } from 'pg';
import { TEST_ENV } from '../../apps/api/src/testing/test-env';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (adminUrl && template) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  }
  const embedded = (globalThis as Record<string, unknown>).__OGH_EMBEDDED__ as { stop(): Promise<void> } | undefined;
  await embedded?.stop();
}
