import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every API replica and the CLI contend for the same lock. */
const MIGRATION_LOCK_KEY = 72_617_001;

export class SchemaAheadError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `The database has migrations this version of the API does not know (${unknownMigrations.join(', ')}). ` +
        'It was migrated by newer code: deploy that version instead of this one.',
    );
    this.name = 'SchemaAheadError';
  }
}

/**
 * Runs `work` while holding a session-level advisory lock, so that several
 * replicas booting together migrate and seed one after the other.
 */
export async function withMigrationLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function appliedMigrationNames(ds: DataSource): Promise<string[]> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = await ds.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
  if (!exists) return [];
  const rows: { name: string }[] = await ds.query(`SELECT name FROM "${table}" ORDER BY id`);
  return rows.map((r) => r.name);
}

export async function assertSchemaNotAhead(ds: DataSource): Promise<void> {
  const known = new Set(ds.migrations.map((m) => m.name ?? m.constructor.name));
  const unknown = (await appliedMigrationNames(ds)).filter((name) => !known.has(name));
  if (unknown.length) throw new SchemaAheadError(unknown);
}

/** Applies pending migrations, each in its own transaction; returns their names. */
export async function migrate(ds: DataSource): Promise<string[]> {
  return withMigrationLock(ds, async () => {
    await assertSchemaNotAhead(ds);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

/**
 * The SQL TypeORM would need to bring the database in line with the
 * entities. Empty on a migrated database when entities and migrations agree.
 */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
