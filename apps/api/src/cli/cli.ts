import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ROLES, Role } from '@ogh/domain';
import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { migrate, pendingSchemaChanges } from '../database/migration-runner';
import { KeyRotationService } from '../common/crypto/key-rotation.service';
import { AnalysisService } from '../insight/analysis.service';
import { InsightModelService } from '../insight/insight-model.service';
import { TrendsService } from '../insight/trends.service';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { UsersService } from '../users/users.service';
import { IndicatorImportService } from '../collector/indicator-import.service';
import { MusrenbangImportService } from '../collector/musrenbang-import.service';
import type { RunCounts } from '../collector/pipeline';
import type { RunView } from '../collector/sync-runs.service';
import { createReadStream } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { resolveDatabase, withScratchDatabase } from './database-target';
import { renderMigration } from './migration-file';
import { ReportsService } from '../reports/reports.service';
import { DEFAULT_DEMO_ASPIRATIONS, DemoSeedService, MAX_DEMO_ASPIRATIONS } from '../demo/demo-seed.service';

/** Admin tasks: `npm run cli -- <command>`. */
const program = new Command('ogh').description('Open Governance Hub administration');

function config() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

async function withApp<T>(work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const cfg = config();
  const db = await resolveDatabase(cfg);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config: cfg, databaseUrl: db.url, schedule: false }), { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
    await db.stop();
  }
}

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const db = await resolveDatabase(config());
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await migrate(ds);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await ds.destroy();
      await db.stop();
    }
  });

program
  .command('migration:check')
  .description('fail when the entities and the migrations disagree (checked on a scratch database)')
  .action(async () => {
    const db = await resolveDatabase(config());
    try {
      const pending = await withScratchDatabase(db.url, async (url) => {
        const ds = await createDataSource(url).initialize();
        try {
          await migrate(ds);
          return await pendingSchemaChanges(ds);
        } finally {
          await ds.destroy();
        }
      });
      if (pending.up.length) {
        console.error('Entities and migrations disagree. A migration would need:\n' + pending.up.map((q) => `  ${q};`).join('\n'));
        console.error('Generate one with: npm run cli -- migration:generate <Name>');
        process.exitCode = 1;
      } else {
        console.log('Entities and migrations agree: generating a migration produces nothing.');
      }
    } finally {
      await db.stop();
    }
  });

program
  .command('migration:generate')
  .argument('<name>', 'PascalCase name, e.g. AddPolicyTable')
  .description('write a migration with what the entities need beyond the existing migrations')
  .action(async (name: string) => {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new InvalidArgumentError('name must be PascalCase');
    const db = await resolveDatabase(config());
    try {
      const pending = await withScratchDatabase(db.url, async (url) => {
        const ds = await createDataSource(url).initialize();
        try {
          await migrate(ds);
          return await pendingSchemaChanges(ds);
        } finally {
          await ds.destroy();
        }
      });
      if (!pending.up.length) {
        console.log('Nothing to generate: entities and migrations agree.');
        return;
      }
      const ts = Date.now();
      const className = `${name}${ts}`;
      const file = join(process.cwd(), 'apps/api/src/database/migrations', `${ts}-${name}.ts`);
      writeFileSync(file, renderMigration(className, pending.up, pending.down));
      console.log(`Wrote ${file}\nReview it, then add ${className} to apps/api/src/database/migrations/index.ts`);
    } finally {
      await db.stop();
    }
  });

program
  .command('reference:load')
  .description('load wilayah, OPD and categories (idempotent)')
  .action(async () => {
    await withApp(async (app) => {
      const summary = await app.get(ReferenceDataService).load();
      console.table(summary);
    });
  });

program
  .command('user:create')
  .description('create a user; without --password a one-time password is printed')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (v: string) => {
    if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
    return v as Role;
  })
  .option('--opd <code>', 'OPD code (required for asn)')
  .option('--password <password>', 'at least 12 characters')
  .action(async (opts: { email: string; name: string; role: Role; opd?: string; password?: string }) => {
    await withApp(async (app) => {
      const { user, oneTimePassword } = await app.get(UsersService).create(
        { email: opts.email, name: opts.name, role: opts.role, opdCode: opts.opd, password: opts.password },
        null,
      );
      console.log(`Created ${user.role} ${user.email} (${user.id})${user.opd ? ` for ${user.opd.name}` : ''}`);
      if (oneTimePassword) console.log(`One-time password: ${oneTimePassword}`);
    });
  });

program
  .command('crypto:rotate')
  .description('re-encrypt personal data sealed with DATA_ENCRYPTION_KEY_PREVIOUS under DATA_ENCRYPTION_KEY')
  .action(async () => {
    await withApp(async (app) => {
      const result = await app.get(KeyRotationService).rotateContacts();
      console.log(`Examined ${result.examined} contact records, re-encrypted ${result.resealed}. The previous key can be removed once this shows 0 re-encrypted.`);
    });
  });

program
  .command('insight:backfill')
  .description('re-analyse every aspiration with the active model (after a model change)')
  .action(async () => {
    await withApp(async (app) => {
      const started = Date.now();
      const done = await app.get(AnalysisService).backfill((n, total) => process.stdout.write(`\r  analysed ${n}/${total}`));
      console.log(`\nRe-analysed ${done} aspirations in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    });
  });

program
  .command('insight:retrain')
  .description('train a topic model on the corpus plus ASN corrections; promote it if cross-validation is not worse')
  .action(async () => {
    await withApp(async (app) => {
      const r = await app.get(InsightModelService).retrain(null);
      console.log(`${r.candidate.version}: ${r.promoted ? 'promoted' : 'not promoted'} (${r.reason})`);
    });
  });

program
  .command('insight:trends')
  .description('recompute weekly trends, emerging issues and forecasts')
  .action(async () => {
    await withApp(async (app) => console.log(await app.get(TrendsService).recompute()));
  });

function printRun(run: RunView): void {
  console.table({ status: run.status, read: run.rowsRead, inserted: run.rowsInserted, updated: run.rowsUpdated, unchanged: run.rowsUnchanged, rejected: run.rowsRejected });
  if (run.rejectedSamples.length) console.table(run.rejectedSamples.slice(0, 20));
  if (run.rowsRejected > 20) console.log(`… and ${run.rowsRejected - 20} more rejected rows`);
  if (run.error) console.error(`Error: ${run.error}`);
  if (run.status === 'failed') process.exitCode = 1;
}

program
  .command('import')
  .argument('<kind>', 'musrenbang | indicators')
  .argument('<file>', 'a .csv or .xlsx file (musrenbang: an e-Musrenbang export; indicators: indicator,region,period,value[,unit][,source])')
  .option('--stage <stage>', 'musrenbang: stage when the file has no Tahapan column', 'kelurahan')
  .option('--no-bulk', 'musrenbang CSV: upsert row batches instead of COPY into a staging table and a set-based merge')
  .option('--source <label>', 'indicators: source label when the file has no source column', 'file')
  .description('import a file into the collector tables (re-importing changes nothing); progress bar, then a summary table')
  .action(async (kind: string, file: string, opts: { stage: string; bulk: boolean; source: string }) => {
    if (kind !== 'musrenbang' && kind !== 'indicators') throw new InvalidArgumentError('kind must be musrenbang or indicators');
    await withApp(async (app) => {
      const bar = new SingleBar({ format: '  {bar} {value} rows | inserted {inserted} updated {updated} unchanged {unchanged} rejected {rejected}', hideCursor: true }, Presets.shades_classic);
      bar.start(0, 0, { inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
      const onProgress = (c: RunCounts) => {
        bar.setTotal(c.read);
        bar.update(c.read, { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected });
      };
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
      const started = performance.now();
      const run =
        kind === 'musrenbang'
          ? await app.get(MusrenbangImportService).import(createReadStream(file), { format, stage: opts.stage, bulk: opts.bulk, onProgress })
          : await app.get(IndicatorImportService).import(createReadStream(file), { format, source: opts.source, onProgress });
      bar.stop();
      printRun(run);
      const seconds = (performance.now() - started) / 1000;
      console.log(`import_rows=${run.rowsRead} import_seconds=${seconds.toFixed(2)} peak_rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}`);
    });
  });

function positiveInt(max: number) {
  return (v: string) => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`must be an integer from 1 to ${max}`);
    return n;
  };
}

program
  .command('demo:seed')
  .description('fill a clearly marked demo city (DEMO- tracking codes, [DEMO] names): two years of aspirations and everything around them')
  .option('--aspirations <n>', `number of demo aspirations (1000000 for benchmarks)`, positiveInt(MAX_DEMO_ASPIRATIONS), DEFAULT_DEMO_ASPIRATIONS)
  .option('--seed <n>', 'random seed: the same seed gives the same city', positiveInt(2 ** 31 - 1), 1)
  .option('--reset', 'delete the existing demo data first, then seed again')
  .option('--remove', 'only delete the demo data (real data is never touched)')
  .action(async (opts: { aspirations: number; seed: number; reset?: boolean; remove?: boolean }) => {
    await withApp(async (app) => {
      const demo = app.get(DemoSeedService);
      if (opts.remove || opts.reset) {
        const removed = await demo.remove();
        console.log('Removed demo data:');
        console.table(removed);
        if (opts.remove) return;
      }
      const bar = new SingleBar({ format: '  {bar} {value}/{total} aspirations', hideCursor: true }, Presets.shades_classic);
      let started = false;
      const onProgress = (done: number, total: number) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      };
      const result = await demo.seed({ aspirations: opts.aspirations, seed: opts.seed, onProgress });
      if (started) bar.stop();
      if (result.status === 'present') {
        console.log('Demo data is already present; nothing was changed. Rebuild it with `npm run demo:seed -- --reset`, remove it with `npm run demo:seed -- --remove`.');
        console.table(result.counts);
        return;
      }
      console.table(result.counts);
      console.log(`demo_aspirations=${result.counts.aspirations} demo_seed_seconds=${result.seconds.toFixed(1)} ${Object.entries(result.phases).map(([k, v]) => `${k}_s=${v}`).join(' ')}`);
    });
  });

program
  .command('report:generate')
  .description('generate a quarter\'s open reports (Markdown, JSON, CSV, DOCX, PDF) from the analytics views; drafts unless --publish')
  .option('--period <quarter>', 'e.g. 2026-Q4 (default: the last complete quarter)')
  .option('--publish', 'publish the files at once')
  .option('--out <dir>', 'also write the files into this folder')
  .action(async (opts: { period?: string; publish?: boolean; out?: string }) => {
    await withApp(async (app) => {
      const reports = app.get(ReportsService);
      const files = await reports.generate({ period: opts.period, publish: !!opts.publish });
      console.table(files.map((f) => ({ id: f.id, period: f.period, format: f.format, file: f.fileName, bytes: f.size, published: !!f.publishedAt })));
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true });
        for (const f of files) writeFileSync(join(opts.out, f.fileName), await reports.content(f.id));
        console.log(`Wrote ${files.length} files to ${opts.out}`);
      }
    });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as { message?: string; response?: { message?: string } };
  console.error(`Error: ${e.response?.message ?? e.message ?? String(err)}`);
  process.exit(1);
});
