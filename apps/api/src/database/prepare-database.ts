import { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enableBiLogin } from '../analytics/bi-role';
import { AppConfig } from '../config/app-config';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { seedInitialTopicModel } from '../insight/initial-model';
import { DefaultCycleSeed } from '../okr/default-cycle.seed';
import { BootstrapAdminResult, BootstrapAdminService } from '../users/bootstrap-admin.service';
import { assertSchemaNotAhead, migrate, withMigrationLock } from './migration-runner';

export interface PreparedDatabase {
  migrationsApplied: string[];
  admin: BootstrapAdminResult | null;
}

/**
 * Boot-time database work, under the migration lock so that replicas
 * starting together take turns: migrations, reference data, first admin.
 * Every step is idempotent, so a crash half-way is repaired by the next boot.
 */
export async function prepareDatabase(app: INestApplicationContext, config: AppConfig): Promise<PreparedDatabase> {
  const logger = new Logger('Database');
  const ds = app.get(DataSource);
  if (!config.database.runMigrations) {
    await assertSchemaNotAhead(ds);
    return { migrationsApplied: [], admin: null };
  }
  const migrationsApplied = await migrate(ds);
  if (migrationsApplied.length) logger.log(`Applied migrations: ${migrationsApplied.join(', ')}`);
  return withMigrationLock(ds, async () => {
    const summary = await app.get(ReferenceDataService).load();
    const changed = summary.filter((s) => s.inserted || s.updated);
    if (changed.length) logger.log(`Reference data loaded: ${changed.map((s) => `${s.table} +${s.inserted} ~${s.updated}`).join(', ')}`);
    const admin = await app.get(BootstrapAdminService).ensureAdmin();
    const model = await seedInitialTopicModel(ds);
    if (model) logger.log(`Trained the initial topic model ${model} from the shipped corpus`);
    const okr = await app.get(DefaultCycleSeed).load();
    if (okr.cycle === 'created' || okr.keyResultsInserted) logger.log(`Default OKR cycle loaded: +${okr.objectivesInserted} objectives, +${okr.keyResultsInserted} key results`);
    if (config.analytics.biReaderPassword && (await enableBiLogin(ds, config.analytics.biReaderPassword))) logger.log('The BI role ogh_bi_reader can log in (BI_READER_PASSWORD)');
    return { migrationsApplied, admin };
  });
}
