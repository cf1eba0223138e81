/**
 * What the provisioning command needs, read once from the environment. A
 * missing or malformed variable stops it with a message naming the variable.
 */
export interface ProvisionConfig {
  metabaseUrl: string;
  admin: { email: string; password: string; firstName: string; lastName: string };
  siteName: string;
  /** The PostgreSQL database as Metabase connects to it: the read-only BI role, schema analytics only. */
  database: { displayName: string; host: string; port: number; dbname: string; user: string; password: string; ssl: boolean };
  /** How long to wait for Metabase to answer /api/health before giving up. */
  waitSeconds: number;
}

export class ProvisionConfigError extends Error {}

export const DEFAULTS = {
  siteName: 'Open Governance Hub — Diskominfo Kota Madiun',
  databaseDisplayName: 'Open Governance Hub (analytics)',
  biUser: 'ogh_bi_reader',
};

export function loadProvisionConfig(env: Record<string, string | undefined> = process.env): ProvisionConfig {
  const problems: string[] = [];
  const get = (name: string, fallback?: string): string => {
    const v = env[name]?.trim();
    if (v) return v;
    if (fallback !== undefined) return fallback;
    problems.push(`${name} is not set`);
    return '';
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name, String(fallback));
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = get(name, String(fallback)).toLowerCase();
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false (got "${raw}")`);
    return raw === 'true';
  };

  const metabaseUrl = get('METABASE_URL').replace(/\/+$/, '');
  if (metabaseUrl && !/^https?:\/\/[^/]+/.test(metabaseUrl)) problems.push(`METABASE_URL must be an http:// or https:// URL (got "${metabaseUrl}")`);
  const email = get('METABASE_ADMIN_EMAIL');
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) problems.push(`METABASE_ADMIN_EMAIL must be an e-mail address (got "${email}")`);
  const password = get('METABASE_ADMIN_PASSWORD');
  const config: ProvisionConfig = {
    metabaseUrl,
    admin: { email, password, firstName: get('METABASE_ADMIN_FIRST_NAME', 'Admin'), lastName: get('METABASE_ADMIN_LAST_NAME', 'Diskominfo') },
    siteName: get('METABASE_SITE_NAME', DEFAULTS.siteName),
    database: {
      displayName: get('METABASE_DATABASE_NAME', DEFAULTS.databaseDisplayName),
      host: get('BI_DB_HOST'),
      port: int('BI_DB_PORT', 5432, 1, 65535),
      dbname: get('BI_DB_NAME'),
      user: get('BI_DB_USER', DEFAULTS.biUser),
      password: get('BI_READER_PASSWORD'),
      ssl: bool('BI_DB_SSL', false),
    },
    waitSeconds: int('METABASE_WAIT_SECONDS', 300, 0, 3600),
  };
  if (problems.length) throw new ProvisionConfigError(`Metabase provisioning is not configured:\n  - ${problems.join('\n  - ')}`);
  return config;
}
