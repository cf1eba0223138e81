import { FixtureServer } from '../../apps/api/src/collector/__tests__/fixture-server';
import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { ADMIN, ApiProcess, sleep, waitUntil } from '../support/api-process';
import { query } from '../load/load-client';

/**
 * A collector run is killed (the API process, SIGKILL) half-way through a
 * slow, paged CKAN source, after some of its batches are committed. The next
 * run must complete, and the data must be exactly what one clean run of the
 * same source gives (compared with a second source fed the same pages).
 */
const RECORDS = Number(process.env.FAULT_COLLECTOR_RECORDS ?? 3000);
const PAGE = 100;
const PAGE_DELAY_MS = 120;

jest.setTimeout(110_000);

describe('fault: collector run killed mid-run, then run again', () => {
  const fx = new FixtureServer();
  let db: TestDatabase | undefined;
  let api: ApiProcess | undefined;

  const records = Array.from({ length: RECORDS }, (_, i) => ({
    _id: i + 1,
    indikator: `Indikator uji ${i % 500}`,
    wilayah: ['Kartoharjo', 'Manguharjo', 'Taman'][i % 3],
    tahun: String(2015 + Math.floor(i / 500)),
    nilai: String((i * 37) % 1000 / 10),
    satuan: 'persen',
  }));

  beforeAll(async () => {
    fx.json('/ckan/api/3/action/package_search', { success: true, result: { count: 1, results: [{ name: 'uji', resources: [{ id: 'res-uji', url: 'x', format: 'CSV', datastore_active: true }] }] } });
    // A slow source: every page takes a while, so a run spans several committed batches.
    fx.route('/ckan/api/3/action/datastore_search', async (_req, url, res) => {
      await sleep(PAGE_DELAY_MS);
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true, result: { fields: [], records: records.slice(offset, offset + limit), total: records.length } }));
    });
    await fx.start();
    db = await createTestDatabase();
    api = await ApiProcess.create({ DATABASE_URL: db.url });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await fx.stop();
  });

  async function admin(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const login = await fetch(`${api!.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${api!.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  const createSource = async (name: string) => {
    const r = await admin('/collector/sources', 'POST', {
      kind: 'ckan',
      name,
      settings: { baseUrl: `${fx.base}/ckan`, resourceId: 'res-uji', pageSize: PAGE },
      fieldMapping: { indicator: 'indikator', region: 'wilayah', period: 'tahun', value: 'nilai', unit: 'satuan' },
    });
    expect(r.status).toBe(201);
    return String(r.body.id);
  };

  const runToEnd = async (sourceId: string) => {
    const queued = await admin(`/collector/sources/${sourceId}/run`, 'POST');
    expect(queued.status).toBe(202);
    let run: Record<string, unknown> = {};
    await waitUntil('collector run finished', 60_000, async () => {
      run = (await admin(`/collector/sources/${sourceId}/runs/${String(queued.body.id)}`)).body;
      return ['succeeded', 'partial', 'failed'].includes(String(run.status));
    });
    return run;
  };

  const observations = (sourceId: string) =>
    query<{ indicator: string; region_code: string; period: string; value: string; unit: string }>(
      db!.url,
      'SELECT indicator, region_code, period, value::text AS value, unit FROM indicator_observation WHERE source_id = $1 ORDER BY indicator, region_code, period',
      [sourceId],
    );

  it('completes on the next run with exactly the data of one clean run', async () => {
    const killed = await createSource('Uji terputus');
    const queued = await admin(`/collector/sources/${killed}/run`, 'POST');
    expect(queued.status).toBe(202);
    // Strike once some batches are committed and the run is still fetching.
    await waitUntil('first batch committed', 60_000, async () => (await observations(killed)).length > 0);
    const committedAtKill = (await observations(killed)).length;
    await api!.kill('SIGKILL');
    expect(committedAtKill).toBeLessThan(RECORDS);

    await api!.start();
    const [interrupted] = await query<{ status: string }>(db!.url, 'SELECT status FROM sync_run WHERE id = $1', [String(queued.body.id)]);
    const rerun = await runToEnd(killed);
    const cleanSource = await createSource('Uji bersih');
    const clean = await runToEnd(cleanSource);

    const afterKill = await observations(killed);
    const cleanRows = await observations(cleanSource);

    console.log(
      `fault collector records=${RECORDS} committed_at_kill=${committedAtKill} interrupted_run=${interrupted?.status} rerun=${String(rerun.status)} ` +
        `rerun_inserted=${String(rerun.rowsInserted)} rerun_unchanged=${String(rerun.rowsUnchanged)} rows_after=${afterKill.length} clean_rows=${cleanRows.length}`,
    );

    expect(interrupted?.status).not.toBe('succeeded');
    expect(rerun).toMatchObject({ status: 'succeeded', rowsRead: RECORDS, rowsRejected: 0 });
    expect(Number(rerun.rowsInserted) + Number(rerun.rowsUnchanged) + Number(rerun.rowsUpdated)).toBe(RECORDS);
    expect(clean).toMatchObject({ status: 'succeeded', rowsRead: RECORDS, rowsInserted: RECORDS });
    expect(afterKill).toHaveLength(RECORDS);
    expect(afterKill).toEqual(cleanRows);
  });
});
