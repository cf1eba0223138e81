import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProvisionConfigError } from '../../metabase/src/config';
import { GRID_WIDTH } from '../../metabase/src/dashboard-layout';
import { defaultQuestionsDir, run } from '../../metabase/src/main';
import { COLLECTION_NAME, DASHBOARD_NAME, ProvisionError } from '../../metabase/src/provision';
import { loadQuestions } from '../../metabase/src/questions';
import { MetabaseStandin, setUpState, startMetabaseStandin } from './metabase-standin';

const ADMIN_EMAIL = 'bi@diskominfo.madiunkota.go.id';
const ADMIN_PASSWORD = 'Kata-Sandi-Metabase-2026';
const BI_PASSWORD = 'bi-reader-rahasia-123';

const envFor = (mb: MetabaseStandin, extra: Record<string, string> = {}) => ({
  METABASE_URL: mb.url,
  METABASE_ADMIN_EMAIL: ADMIN_EMAIL,
  METABASE_ADMIN_PASSWORD: ADMIN_PASSWORD,
  BI_DB_HOST: 'postgres',
  BI_DB_PORT: '5432',
  BI_DB_NAME: 'ogh',
  BI_READER_PASSWORD: BI_PASSWORD,
  METABASE_WAIT_SECONDS: '5',
  ...extra,
});

const summary = (w: { method: string; path: string }[]) => w.map((r) => `${r.method} ${r.path}`);

describe('metabase:provision against a stand-in of the Metabase API', () => {
  const shipped = loadQuestions(defaultQuestionsDir());
  let dir: string;
  let mb: MetabaseStandin;
  const lines: string[] = [];
  const provisionOnce = (extra: Record<string, string> = {}, opts: { updateDatabasePassword?: boolean } = {}) =>
    run({ env: envFor(mb, extra), questionsDir: dir, log: (l) => lines.push(l), ...opts });

  beforeAll(async () => {
    // A copy, so a test can edit a question file.
    dir = mkdtempSync(join(tmpdir(), 'ogh-metabase-questions-'));
    cpSync(defaultQuestionsDir(), dir, { recursive: true });
    mb = await startMetabaseStandin();
  });
  afterAll(async () => {
    await mb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets up a new Metabase: admin, BI database, collection, one card per question and the dashboard', async () => {
    const result = await provisionOnce();
    expect(mb.requests.filter((r) => r.method === 'GET' && r.path === '/api/health').length).toBeGreaterThanOrEqual(1);

    const setup = mb.requests.filter((r) => r.path === '/api/setup');
    expect(setup).toHaveLength(1);
    expect(setup[0].body).toMatchObject({ token: 'f1c3d2e4-setup-token', user: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, prefs: { allow_tracking: false } });
    expect(mb.state.users.map((u) => u.email)).toEqual([ADMIN_EMAIL]);

    const dbs = mb.state.databases.filter((d) => d.engine === 'postgres');
    expect(dbs).toHaveLength(1);
    expect(dbs[0].details).toEqual({
      host: 'postgres',
      port: 5432,
      dbname: 'ogh',
      user: 'ogh_bi_reader',
      password: BI_PASSWORD,
      ssl: false,
      'schema-filters-type': 'inclusion',
      'schema-filters-patterns': 'analytics',
    });

    const collections = mb.state.collections.filter((c) => c.name === COLLECTION_NAME);
    expect(collections).toHaveLength(1);
    const collectionId = collections[0].id as number;
    expect(result.collectionId).toBe(collectionId);

    // Every question file became a native card in the collection, on the BI database, with its SQL as written.
    expect(mb.state.cards).toHaveLength(shipped.length);
    for (const q of shipped) {
      const card = mb.state.cards.find((c) => c.name === q.name);
      expect(card).toMatchObject({ description: q.description, display: q.display, collection_id: collectionId, database: dbs[0].id, sql: q.sql });
      if (q.dimensions.length && q.display !== 'pie') expect(card!.visualization_settings).toEqual({ 'graph.dimensions': q.dimensions, 'graph.metrics': q.metrics });
    }

    const dashboards = mb.state.dashboards.filter((d) => d.name === DASHBOARD_NAME);
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0].collection_id).toBe(collectionId);
    const dashcards = dashboards[0].dashcards;
    expect(dashcards.map((dc) => dc.card_id).sort((a, b) => a! - b!)).toEqual(mb.state.cards.map((c) => c.id).sort((a, b) => a - b));
    // Inside the grid and not overlapping.
    for (const dc of dashcards) expect(dc.col + dc.size_x).toBeLessThanOrEqual(GRID_WIDTH);
    for (const a of dashcards) {
      for (const b of dashcards) {
        if (a === b) continue;
        const overlap = a.col < b.col + b.size_x && b.col < a.col + a.size_x && a.row < b.row + b.size_y && b.row < a.row + a.size_y;
        expect(overlap).toBe(false);
      }
    }

    expect(result.actions.map((a) => `${a.kind}:${a.outcome}`)).toEqual([
      'setup:performed',
      'database:created',
      'collection:created',
      ...shipped.map(() => 'card:created'),
      'dashboard:created',
    ]);
    expect(lines.some((l) => l.startsWith('created') && l.includes(`card "${shipped[0].name}"`))).toBe(true);
  });

  it('changes nothing on a second run: it signs in and makes no POST or PUT', async () => {
    mb.requests.length = 0;
    lines.length = 0;
    const result = await provisionOnce();
    expect(summary(mb.writes())).toEqual([]);
    expect(mb.requests.filter((r) => r.path === '/api/session' && r.method === 'POST')).toHaveLength(1);
    expect(mb.requests.some((r) => r.path === '/api/setup')).toBe(false);
    expect(result.actions.every((a) => a.outcome === 'unchanged')).toBe(true);
    expect(result.actions).toHaveLength(3 + shipped.length);
    expect(lines.filter((l) => l.startsWith('unchanged'))).toHaveLength(3 + shipped.length);
    // It read cards in the legacy form it compares with.
    expect(mb.requests.filter((r) => r.path.startsWith('/api/card/')).every((r) => r.query.get('legacy-mbql') === 'true')).toBe(true);
  });

  it('updates exactly the card whose SQL file changed', async () => {
    const file = shipped[1].file;
    const original = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), `${original.trimEnd()}\nLIMIT 500\n`);
    mb.requests.length = 0;
    const result = await provisionOnce();

    const card = mb.state.cards.find((c) => c.name === shipped[1].name)!;
    expect(summary(mb.writes())).toEqual([`PUT /api/card/${card.id}`]);
    expect(card.sql.endsWith('LIMIT 500')).toBe(true);
    expect(mb.state.cards).toHaveLength(shipped.length);
    expect(result.actions.find((a) => a.name === shipped[1].name)).toMatchObject({ outcome: 'updated', changes: ['sql'] });

    mb.requests.length = 0;
    await provisionOnce();
    expect(summary(mb.writes())).toEqual([]);
  });

  it('puts back what was changed by hand in Metabase, and keeps cards added to the dashboard by hand', async () => {
    const card = mb.state.cards.find((c) => c.name === shipped[0].name)!;
    card.description = 'diubah lewat antarmuka';
    const dashboard = mb.state.dashboards.find((d) => d.name === DASHBOARD_NAME)!;
    const ours = dashboard.dashcards.find((dc) => dc.card_id === card.id)!;
    ours.row = 99;
    const extra = { id: 9001, name: 'Catatan analis', description: null, display: 'table', collection_id: null, database: card.database, sql: 'SELECT 1', visualization_settings: {}, archived: false };
    mb.state.cards.push(extra);
    dashboard.dashcards.push({ id: 7001, card_id: extra.id, row: 200, col: 0, size_x: 6, size_y: 3, parameter_mappings: [], visualization_settings: {} });
    mb.requests.length = 0;

    await provisionOnce();
    expect(summary(mb.writes())).toEqual([`PUT /api/card/${card.id}`, `PUT /api/dashboard/${dashboard.id}`]);
    expect(card.description).toBe(shipped[0].description);
    const after = mb.state.dashboards.find((d) => d.id === dashboard.id)!;
    expect(after.dashcards.find((dc) => dc.card_id === card.id)).toMatchObject({ id: ours.id, row: 0 });
    expect(after.dashcards.find((dc) => dc.card_id === extra.id)).toMatchObject({ id: 7001, row: 200 });
    expect(after.dashcards).toHaveLength(shipped.length + 1);

    mb.requests.length = 0;
    await provisionOnce();
    expect(summary(mb.writes())).toEqual([]);
  });

  it('re-sends the BI password only when asked to, and follows a moved database host', async () => {
    const db = mb.state.databases.find((d) => d.engine === 'postgres')!;
    mb.requests.length = 0;
    await provisionOnce({ BI_READER_PASSWORD: 'kata-sandi-bi-baru-456' });
    // Metabase never shows the stored password, so a rotation is not noticed by itself…
    expect(summary(mb.writes())).toEqual([]);

    await provisionOnce({ BI_READER_PASSWORD: 'kata-sandi-bi-baru-456' }, { updateDatabasePassword: true });
    expect(summary(mb.writes())).toEqual([`PUT /api/database/${db.id}`]);
    expect(db.details.password).toBe('kata-sandi-bi-baru-456');

    mb.requests.length = 0;
    await provisionOnce({ BI_READER_PASSWORD: 'kata-sandi-bi-baru-456', BI_DB_HOST: 'pg-replika' });
    expect(summary(mb.writes())).toEqual([`PUT /api/database/${db.id}`]);
    expect(db.details).toMatchObject({ host: 'pg-replika', password: 'kata-sandi-bi-baru-456' });
  });
});

describe('metabase:provision on a Metabase that is already set up', () => {
  let mb: MetabaseStandin;
  beforeEach(async () => {
    mb = await startMetabaseStandin(setUpState(ADMIN_EMAIL, ADMIN_PASSWORD));
  });
  afterEach(async () => {
    await mb.close();
  });

  it('signs in instead of running setup, then creates everything', async () => {
    const result = await run({ env: envFor(mb), log: () => undefined });
    expect(mb.requests.some((r) => r.path === '/api/setup')).toBe(false);
    expect(mb.requests.filter((r) => r.method === 'POST' && r.path === '/api/session').map((r) => r.body)).toEqual([{ username: ADMIN_EMAIL, password: ADMIN_PASSWORD }]);
    expect(result.actions[0]).toMatchObject({ kind: 'database', outcome: 'created' });
    // The admin's personal collection and the sample database are left alone.
    expect(mb.state.databases.map((d) => d.name)).toEqual(['Sample Database', 'Open Governance Hub (analytics)']);
    expect(mb.state.cards.length).toBeGreaterThanOrEqual(10);
    expect(mb.state.dashboards).toHaveLength(1);
  });

  it('stops with a clear error on wrong administrator credentials and writes nothing', async () => {
    const err = await run({ env: envFor(mb, { METABASE_ADMIN_PASSWORD: 'salah-total-123' }), log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    expect((err as Error).message).toMatch(/refused the sign-in of bi@diskominfo\.madiunkota\.go\.id \(HTTP 401\).*METABASE_ADMIN_PASSWORD/);
    expect(summary(mb.writes())).toEqual([]);
  });
});

describe('metabase:provision configuration', () => {
  it('names every missing or malformed variable before calling Metabase', async () => {
    const err = await run({ env: { METABASE_URL: 'metabase:3000', METABASE_ADMIN_EMAIL: 'admin@x.id', BI_DB_PORT: 'lima', BI_DB_HOST: 'pg' }, log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionConfigError);
    const message = (err as Error).message;
    for (const v of ['METABASE_URL must be an http', 'METABASE_ADMIN_PASSWORD is not set', 'BI_DB_NAME is not set', 'BI_READER_PASSWORD is not set', 'BI_DB_PORT must be a whole number']) {
      expect(message).toContain(v);
    }
    expect(message).not.toContain('BI_DB_HOST');
  });

  it('gives up with a message when Metabase never becomes healthy', async () => {
    const mb = await startMetabaseStandin();
    const url = mb.url;
    await mb.close();
    const err = await run({ env: { ...envFor(mb), METABASE_URL: url, METABASE_WAIT_SECONDS: '0' }, log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    expect((err as Error).message).toContain(`Metabase at ${url} is not healthy after 0 s`);
  });
});
