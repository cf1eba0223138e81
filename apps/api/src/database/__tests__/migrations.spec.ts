import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { TEST_ENV } from '../../testing/test-env';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import { createDataSource } from '../data-source';
import { assertSchemaNotAhead, migrate, pendingSchemaChanges, SchemaAheadError } from '../migration-runner';

describe('migrations and reference data (real Postgres)', () => {
  let empty: { url: string; drop(): Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    // An empty database, not the seeded template: migrations must build everything from nothing.
    const name = `ogh_mig_${Date.now()}`;
    const admin = new Client({ connectionString: process.env[TEST_ENV.adminUrl] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env[TEST_ENV.adminUrl]!);
    url.pathname = `/${name}`;
    empty = {
      url: url.toString(),
      drop: async () => {
        const c = new Client({ connectionString: process.env[TEST_ENV.adminUrl] });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
    ds = await createDataSource(empty.url, 2).initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await empty.drop();
  });

  it('apply from an empty database, and a second run applies nothing', async () => {
    const first = await migrate(ds);
    expect(first.length).toBe(ds.migrations.length);
    expect(await migrate(ds)).toEqual([]);
  });

  it('agree with the entities: generating a migration would produce nothing', async () => {
    const pending = await pendingSchemaChanges(ds);
    expect(pending.up).toEqual([]);
  });

  it('load the Kota Madiun reference data idempotently', async () => {
    const service = new ReferenceDataService(ds);
    const first = await service.load();
    expect(Object.fromEntries(first.map((s) => [s.table, s.inserted]))).toEqual({ kota: 1, kecamatan: 3, kelurahan: 27, opd: 15, category: 14 });
    const second = await service.load();
    for (const s of second) expect({ table: s.table, inserted: s.inserted, updated: s.updated }).toEqual({ table: s.table, inserted: 0, updated: 0 });

    const [kota] = await ds.query(`SELECT name, population FROM kota WHERE code = '35.77'`);
    expect(kota).toEqual({ name: 'Kota Madiun', population: 201733 });
    const perKecamatan = await ds.query(`SELECT k.name, count(l.code)::int AS n FROM kecamatan k JOIN kelurahan l ON l.kecamatan_code = k.code GROUP BY k.name ORDER BY k.name`);
    expect(perKecamatan).toEqual([{ name: 'Kartoharjo', n: 9 }, { name: 'Manguharjo', n: 9 }, { name: 'Taman', n: 9 }]);
    const [route] = await ds.query(`SELECT o.name FROM category c JOIN opd o ON o.id = c.default_opd_id WHERE c.code = 'ketertiban_keamanan'`);
    expect(route.name).toBe('Satuan Polisi Pamong Praja');
  });

  it('an edited reference row is repaired by the next load, and only that row', async () => {
    await ds.query(`UPDATE kelurahan SET name = 'Salah' WHERE code = '35.77.03.1004'`);
    const summary = await new ReferenceDataService(ds).load();
    expect(summary.find((s) => s.table === 'kelurahan')).toMatchObject({ inserted: 0, updated: 1 });
    const [row] = await ds.query(`SELECT name FROM kelurahan WHERE code = '35.77.03.1004'`);
    expect(row.name).toBe('Kuncen');
  });
});

describe('a database migrated by newer code', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, 2).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('is refused with a message naming the unknown migration', async () => {
    await expect(assertSchemaNotAhead(ds)).resolves.toBeUndefined();
    await ds.query(`INSERT INTO schema_migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')`);
    await expect(assertSchemaNotAhead(ds)).rejects.toThrow(SchemaAheadError);
    await expect(migrate(ds)).rejects.toThrow(/FromTheFuture9999999999999.*deploy that version/);
  });
});
