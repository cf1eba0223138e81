import { DataSource } from 'typeorm';
import { JobQueueService } from '../../queue/job-queue.service';
import { startTestApp, TestApp } from '../../testing/test-app';
import { IndicatorImportService } from '../indicator-import.service';
import { CollectorScheduler } from '../jobs/collector-scheduler';
import { SyncRunsService } from '../sync-runs.service';
import { FixtureServer } from './fixture-server';
import { BPS_KEY, installFixtures } from './fixtures';

/** Sources API, every connector against local fixtures, incremental re-runs, errors and the in-process queue. */
describe('Collector sources and connectors (HTTP, real Postgres, in-process jobs)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  const fx = new FixtureServer();

  beforeAll(async () => {
    await fx.start();
    installFixtures(fx);
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t.close();
    await fx.stop();
  });

  const create = async (body: Record<string, unknown>) => {
    const r = await t.request('POST', '/collector/sources', { token: admin, body });
    if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; hasApiKey: boolean; scheduled: boolean; [k: string]: unknown };
  };
  const runAndWait = async (id: string) => {
    const queued = await t.request('POST', `/collector/sources/${id}/run`, { token: admin });
    expect(queued.status).toBe(202);
    expect(queued.body.status).toBe('queued');
    await t.app.get(JobQueueService).drainInline();
    const run = await t.request('GET', `/collector/sources/${id}/runs/${queued.body.id}`, { token: admin });
    return run.body;
  };

  it('BPS: keys from the label arrays, HTML stripped, list-not-available is empty, a re-run changes nothing, the key never shows', async () => {
    const s = await create({ kind: 'bps', name: 'BPS penduduk', settings: { baseUrl: `${fx.base}/bps`, domain: '3577', var: '11', years: '2024,2023' }, apiKey: BPS_KEY, timeoutMs: 2000 });
    expect(s.hasApiKey).toBe(true);
    expect(JSON.stringify(s)).not.toContain(BPS_KEY);
    const run = await runAndWait(s.id);
    expect(run).toMatchObject({ status: 'succeeded', rowsRead: 4, rowsInserted: 4, rowsUpdated: 0, rowsRejected: 0 });
    const rows = await db.query(`SELECT indicator, region_code, period, value::text AS value, unit FROM indicator_observation WHERE source = 'bps:3577' ORDER BY region_code, indicator`);
    expect(rows).toEqual([
      { indicator: 'Jumlah Penduduk Menurut Kecamatan - Laki-laki', region_code: '1', period: '2024', value: '20000', unit: 'Jiwa' },
      { indicator: 'Jumlah Penduduk Menurut Kecamatan - Perempuan', region_code: '1', period: '2024', value: '21000', unit: 'Jiwa' },
      { indicator: 'Jumlah Penduduk Menurut Kecamatan - Laki-laki', region_code: '11', period: '2024', value: '40000', unit: 'Jiwa' },
      { indicator: 'Jumlah Penduduk Menurut Kecamatan - Perempuan', region_code: '11', period: '2024', value: '41000', unit: 'Jiwa' },
    ]);
    const again = await runAndWait(s.id);
    expect(again).toMatchObject({ status: 'succeeded', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4 });
    const history = await t.request('GET', `/collector/sources/${s.id}/runs`, { token: admin });
    expect(history.body).toHaveLength(2);
    const audit = await db.query(`SELECT details::text AS d FROM audit_log WHERE entity_id = $1`, [s.id]);
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify([history.body, audit, (await t.request('GET', '/collector/sources', { token: admin })).body])).not.toContain(BPS_KEY);
  });

  it('BPS: a status other than OK fails the run with its message', async () => {
    const s = await create({ kind: 'bps', name: 'BPS salah', settings: { baseUrl: `${fx.base}/bps`, var: '99', years: '2024' }, apiKey: BPS_KEY });
    const run = await runAndWait(s.id);
    expect(run.status).toBe('failed');
    expect(run.error).toContain('Variable not found');
  });

  it('Open Data Jatim: pages until has_next is false, mapping into the indicator table; schema drift fails the run', async () => {
    const s = await create({ kind: 'opendata_jatim', name: 'Jatim puskesmas', settings: { baseUrl: `${fx.base}/jatim`, org: 'dinkes', dataset: 'jumlah-puskesmas', perPage: 2, periodeUpdate: ['2025-Q1'] } });
    const run = await runAndWait(s.id);
    expect(run).toMatchObject({ status: 'succeeded', rowsRead: 3, rowsInserted: 3, cursor: '2025-Q1' });
    expect(fx.hits.filter((h) => h.startsWith('/jatim/cleaned-bigdata/dinkes/jumlah-puskesmas')).map((h) => new URL(h, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(fx.hits.find((h) => h.includes('jumlah-puskesmas'))).toContain(encodeURIComponent(JSON.stringify({ periode_update: ['2025-Q1'] })));
    const [row] = await db.query(`SELECT value::text AS value, unit, period FROM indicator_observation WHERE source = 'opendata-jatim:dinkes/jumlah-puskesmas' AND region_code = 'Kota Madiun'`);
    expect(row).toEqual({ value: '6', unit: 'unit', period: '2024' });
    expect((await runAndWait(s.id)).rowsInserted).toBe(0);

    const drift = await create({ kind: 'opendata_jatim', name: 'Jatim drift', settings: { baseUrl: `${fx.base}/jatim`, org: 'dinkes', dataset: 'drift' } });
    const failed = await runAndWait(drift.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('lack mapped fields: jumlah');
  });

  it('CKAN: package_search then datastore_search with offset paging; idempotent', async () => {
    const s = await create({ kind: 'ckan', name: 'Satu Data IPM', settings: { baseUrl: `${fx.base}/ckan`, packageQuery: 'ipm', pageSize: 2 }, fieldMapping: { indicator: 'indikator', region: 'wilayah', period: 'tahun', value: 'nilai' } });
    const run = await runAndWait(s.id);
    expect(run).toMatchObject({ status: 'succeeded', rowsRead: 5, rowsInserted: 5 });
    expect(fx.hits.filter((h) => h.startsWith('/ckan/api/3/action/datastore_search')).map((h) => new URL(h, 'http://x').searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect(await runAndWait(s.id)).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 5 });
  });

  it('generic CSV: a bad row is rejected with its number (partial); ETag makes the re-run read nothing', async () => {
    const s = await create({ kind: 'generic_http', name: 'Posyandu CSV', settings: { url: `${fx.base}/generic/data.csv`, format: 'csv' }, fieldMapping: { indicator: 'indikator', region: 'kecamatan', period: 'tahun', value: 'nilai', unit: 'satuan' } });
    const run = await runAndWait(s.id);
    expect(run).toMatchObject({ status: 'partial', rowsRead: 3, rowsInserted: 2, rowsRejected: 1, rejectedSamples: [{ row: 3, reason: 'value: not a number "banyak"' }] });
    const again = await runAndWait(s.id);
    expect(again).toMatchObject({ status: 'succeeded', rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, etag: '"v1"' });
  });

  it('5xx is retried, then the run fails with the status and the URL without the key; 4xx is not retried; timeouts fail', async () => {
    const key = 'generic-secret-key-42';
    const s = await create({ kind: 'generic_http', name: 'Rusak', settings: { url: `${fx.base}/generic/fail500?api_key=${key}`, retries: 2, retryBackoffMs: 10 }, apiKey: key });
    const run = await runAndWait(s.id);
    expect(run.status).toBe('failed');
    expect(run.error).toBe(`HTTP 500 from ${fx.base}/generic/fail500?api_key=*** after 3 attempts`);
    expect(fx.count('/generic/fail500')).toBe(3);
    expect(JSON.stringify(run)).not.toContain(key);

    const forbidden = await create({ kind: 'generic_http', name: 'Terlarang', settings: { url: `${fx.base}/generic/forbidden`, retries: 2, retryBackoffMs: 10 } });
    expect((await runAndWait(forbidden.id)).error).toBe(`HTTP 403 from ${fx.base}/generic/forbidden`);
    expect(fx.count('/generic/forbidden')).toBe(1);

    const slow = await create({ kind: 'generic_http', name: 'Lambat', settings: { url: `${fx.base}/generic/slow`, retries: 1, retryBackoffMs: 10 }, timeoutMs: 200 });
    const timedOut = await runAndWait(slow.id);
    expect(timedOut).toMatchObject({ status: 'failed', error: `timed out after 200 ms from ${fx.base}/generic/slow after 2 attempts` });
  });

  it('a run left "running" by a stopped process is marked failed as interrupted; a live run is left alone', async () => {
    const s = await create({ kind: 'generic_http', name: 'Posyandu CSV (interrupted)', settings: { url: `${fx.base}/generic/data.csv`, format: 'csv' }, fieldMapping: { indicator: 'indikator', region: 'kecamatan', period: 'tahun', value: 'nilai', unit: 'satuan' } });
    // what a killed worker leaves: a run marked running whose source lock no session holds
    const [stale] = await db.query(`INSERT INTO sync_run (source_id, trigger, status, started_at) VALUES ($1, 'source', 'running', now() - interval '1 hour') RETURNING id`, [s.id]);
    expect((await runAndWait(s.id)).status).toBe('partial');
    const left = await t.request('GET', `/collector/sources/${s.id}/runs/${stale.id}`, { token: admin });
    expect(left.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted: the process running it stopped/), finishedAt: expect.any(String) });

    // file imports hold a lock of their own run while they run
    const runs = t.app.get(SyncRunsService);
    const [live] = await db.query(`INSERT INTO sync_run (trigger, status, started_at) VALUES ('import:musrenbang', 'running', now()) RETURNING id`);
    const [dead] = await db.query(`INSERT INTO sync_run (trigger, status, started_at) VALUES ('import:musrenbang', 'running', now()) RETURNING id`);
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [`collector-import:${live.id}`]);
      expect(await runs.markInterrupted()).toBe(1);
      expect((await runs.get(dead.id))?.status).toBe('failed');
      expect((await runs.get(live.id))?.status).toBe('running');
      await holder.query(`SELECT pg_advisory_unlock_all()`);
    } finally {
      await holder.release();
    }
    // the next import sweeps what its lock-holder left
    await t.app.get(IndicatorImportService).import('indicator,region,period,value\nJumlah Posyandu,Taman,2031,3\n', { format: 'csv', source: 'dinkes' });
    expect((await runs.get(live.id))?.status).toBe('failed');
  });

  it('SIPD usulan into musrenbang_proposal; unknown kelurahan rejected', async () => {
    const s = await create({ kind: 'sipd', name: 'SIPD usulan 2026', settings: { url: `${fx.base}/sipd/usulan`, perPage: 2 } });
    const run = await runAndWait(s.id);
    expect(run).toMatchObject({ status: 'partial', rowsRead: 3, rowsInserted: 2, rowsRejected: 1 });
    const rows = await db.query(`SELECT external_id, stage, status, note, kelurahan_code FROM musrenbang_proposal WHERE stage = 'sipd' ORDER BY external_id`);
    expect(rows).toEqual([
      { external_id: '501', stage: 'sipd', status: 'diusulkan', note: null, kelurahan_code: expect.stringMatching(/^35\.77\./) },
      { external_id: '502', stage: 'sipd', status: 'tidak diakomodir', note: 'Bukan kewenangan', kelurahan_code: expect.stringMatching(/^35\.77\./) },
    ]);
    expect((await runAndWait(s.id)).rowsInserted).toBe(0);
  });

  it('schedules at runtime: create, pause, resume; a tick only enqueues with a window job id', async () => {
    const scheduler = t.app.get(CollectorScheduler);
    const s = await create({ kind: 'generic_http', name: 'Terjadwal', cron: '0 0 2 * * *', settings: { url: `${fx.base}/generic/data.csv`, format: 'csv' }, fieldMapping: { indicator: 'indikator', region: 'kecamatan', period: 'tahun', value: 'nilai', unit: 'satuan' } });
    expect(s.scheduled).toBe(true);
    expect(s.nextRunAt).toMatch(/T19:00:00.000Z$/);
    expect((await t.request('POST', `/collector/sources/${s.id}/pause`, { token: admin })).body).toMatchObject({ enabled: false, scheduled: false });
    expect(scheduler.isScheduled(s.id)).toBe(false);
    expect((await t.request('POST', `/collector/sources/${s.id}/resume`, { token: admin })).body).toMatchObject({ enabled: true, scheduled: true });
    const at = new Date('2026-03-01T19:00:10Z');
    const [a, b] = await Promise.all([scheduler.tick(s.id, at), scheduler.tick(s.id, at)]);
    expect(a).toBe(`${s.id}:2026-03-01T19:00:00.000Z`);
    expect(b).toBe(a);
    await t.app.get(JobQueueService).drainInline();
    const runs = await t.request('GET', `/collector/sources/${s.id}/runs`, { token: admin });
    expect(runs.body).toHaveLength(1);
    expect(runs.body[0]).toMatchObject({ jobId: a, status: 'partial' });
  });

  it('validation: secrets in settings, bad cron, unknown kind, wrong role', async () => {
    const bad = await t.request('POST', '/collector/sources', { token: admin, body: { kind: 'bps', name: 'x bps', settings: { apiKey: 'oops' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'settings.apiKey' });
    expect((await t.request('POST', '/collector/sources', { token: admin, body: { kind: 'bps', name: 'x bps', cron: '99 99 99 * * *' } })).status).toBe(400);
    expect((await t.request('POST', '/collector/sources', { token: admin, body: { kind: 'ftp', name: 'x ftp' } })).status).toBe(400);
    const bappeda = await t.tokenFor('bappeda');
    expect((await t.request('GET', '/collector/sources', { token: bappeda })).status).toBe(403);
  });
});
