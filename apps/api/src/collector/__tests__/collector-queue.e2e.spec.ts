import { startTestApp, TestApp } from '../../testing/test-app';
import { testRedisUrl } from '../../testing/test-env';
import { JobQueueService } from '../../queue/job-queue.service';
import { CollectorScheduler } from '../jobs/collector-scheduler';
import { FixtureServer } from './fixture-server';
import { installFixtures } from './fixtures';

/** The same collector.sync processor through bull on the machine's Redis and in-process without it. */
describe.each([
  ['in-process', ''],
  ['bull on Redis', testRedisUrl()],
])('collector.sync (%s)', (mode, redisUrl) => {
  let t: TestApp;
  let admin: string;
  const fx = new FixtureServer();

  beforeAll(async () => {
    await fx.start();
    installFixtures(fx);
    t = await startTestApp({ redisUrl });
    admin = await t.tokenFor('admin');
    expect(t.app.get(JobQueueService).mode).toBe(redisUrl ? 'bull' : 'inline');
  });
  afterAll(async () => {
    await t.close();
    await fx.stop();
  });

  const waitForRuns = async (id: string, n: number) => {
    await t.app.get(JobQueueService).drainInline();
    // Generous: under a full parallel test run the queue can take a while.
    for (const end = Date.now() + 40_000; Date.now() < end; ) {
      const runs = (await t.request('GET', `/collector/sources/${id}/runs`, { token: admin })).body as { status: string; jobId: string }[];
      if (runs.length >= n && runs.every((r) => r.status !== 'queued' && r.status !== 'running')) return runs;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`runs of ${id} did not finish (${mode})`);
  };

  it('run now and a cron tick both go through the queue; one run per window', async () => {
    const s = (await t.request('POST', '/collector/sources', {
      token: admin,
      body: { kind: 'ckan', name: `IPM ${mode}`, cron: '0 0 3 * * *', settings: { baseUrl: `${fx.base}/ckan`, resourceId: 'res-ipm', pageSize: 2 }, fieldMapping: { indicator: 'indikator', region: 'wilayah', period: 'tahun', value: 'nilai' } },
    })).body;
    const queued = await t.request('POST', `/collector/sources/${s.id}/run`, { token: admin });
    expect(queued.status).toBe(202);
    const [first] = await waitForRuns(s.id, 1);
    expect(first).toMatchObject({ status: 'succeeded', rowsInserted: expect.any(Number) });

    const scheduler = t.app.get(CollectorScheduler);
    const at = new Date();
    const jobId = await scheduler.tick(s.id, at);
    expect(await scheduler.tick(s.id, at)).toBe(jobId);
    const runs = await waitForRuns(s.id, 2);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ jobId, status: 'succeeded', rowsInserted: 0, rowsUpdated: 0 });
  });
});
