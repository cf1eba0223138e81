import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BI_ROLE } from '../analytics/analytics-views';
import { enableBiLogin } from '../analytics/bi-role';

export const TEST_BI_PASSWORD = 'bi-reader-uji-123';

/**
 * A connection to the test database as the read-only BI role, the way
 * Grafana and Metabase connect. The role is cluster-wide, so files running
 * in parallel may alter it at the same moment: retry briefly.
 */
export async function connectAsBiReader(ds: DataSource, databaseUrl: string): Promise<Client> {
  for (let attempt = 1; !(await enableBiLogin(ds, TEST_BI_PASSWORD)); attempt++) {
    if (attempt >= 5) throw new Error(`could not give ${BI_ROLE} a login on the test PostgreSQL`);
    await new Promise((r) => setTimeout(r, 200 * attempt));
  }
  const url = new URL(databaseUrl);
  url.username = BI_ROLE;
  url.password = TEST_BI_PASSWORD;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}
