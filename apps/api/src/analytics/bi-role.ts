import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BI_ROLE } from './analytics-views';

/**
 * Lets Grafana and Metabase log in as the read-only BI role with the password
 * from BI_READER_PASSWORD. The role itself and its grants come from the
 * AnalyticsSchema migration; without the variable the role stays NOLOGIN.
 */
export async function enableBiLogin(ds: DataSource, password: string): Promise<boolean> {
  const logger = new Logger('Analytics');
  try {
    // ALTER ROLE takes no bind parameters: format() quotes the password as a literal.
    const [{ sql }] = await ds.query(`SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1::text, $2::text) AS sql`, [BI_ROLE, password]);
    await ds.query(sql);
    return true;
  } catch (err) {
    logger.warn(`Could not enable login for ${BI_ROLE} (${(err as Error).message}); an administrator must run ALTER ROLE ${BI_ROLE} LOGIN PASSWORD '…'`);
    return false;
  }
}
