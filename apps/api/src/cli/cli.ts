import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ROLES, Role } from '@ogh/domain';
import { Command, InvalidArgumentError } from 'commander';
import { writeFileSync } from 'node:fs';
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
import { resolveDatabase, withScratchDatabase } from './database-target';
import { renderMigration } from './migration-file';

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

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as { message?: string; response?: { message?: string } };
  console.error(`Error: ${e.response?.message ?? e.message ?? String(err)}`);
  process.exit(1);
});
