import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { ApiProcess, PrivateRedis, waitUntil } from '../support/api-process';
import { badServerAnswers, query, rowsFor, runId, runLoad } from '../load/load-client';

/**
 * Redis (the job queue) is killed while citizens keep submitting, then comes
 * back. A private Redis: the shared one serves other tests. Submissions must
 * keep being accepted (the outbox holds their work), and once Redis returns
 * the work is dispatched and done exactly once.
 */
const SUBMISSIONS = Number(process.env.FAULT_SUBMISSIONS ?? 300);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 20);

jest.setTimeout(Math.max(110_000, SUBMISSIONS * 200));

describe('fault: Redis stopped mid-load and restarted', () => {
  let db: TestDatabase | undefined;
  let redis: PrivateRedis | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.create();
    api = await ApiProcess.create({ DATABASE_URL: db.url, REDIS_URL: redis.url, QUEUE_PREFIX: `fault-${runId()}`, RUN_JOBS: 'true' });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    await redis?.kill();
    await db?.drop();
  });

  it('keeps accepting submissions, then dispatches the queued work once Redis returns, processing nothing twice', async () => {
    const a = api!;
    const url = db!.url;
    const third = Math.floor(SUBMISSIONS / 3);
    const options = { baseUrl: a.url, clients: CLIENTS, keyed: 0.5, retry: false, readEvery: 4, asn: true };

    const t0 = Date.now();
    const mark = (what: string) => process.env.FAULT_DEBUG && process.stderr.write(`[redis-fault +${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}\n`);
    const before = await runLoad({ ...options, submissions: third });
    mark('before done');
    const killedAt = new Date();
    await redis!.kill();
    const during = await runLoad({ ...options, submissions: SUBMISSIONS - 2 * third });
    const [{ n: pendingWhileDown }] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL');
    const healthWhileDown = await fetch(`${a.url}/api/health`);
    mark('during done');
    await redis!.start();
    const restartedAt = new Date();
    const after = await runLoad({ ...options, submissions: third });
    mark('after done');

    const acknowledged = [...before.acknowledged, ...during.acknowledged, ...after.acknowledged];
    const answers = [...before.answers, ...during.answers, ...after.answers];
    const rows = await rowsFor(url, acknowledged);

    // All queued work reaches the queue and is done: every outbox message dispatched, every aspiration analysed.
    let state = { undispatched: -1, analysed: -1, inserts: -1, updates: -1 };
    await waitUntil('outbox drained and every aspiration analysed', 60_000, async () => {
      const [s] = await query<{ undispatched: number; analysed: number }>(
        url,
        'SELECT (SELECT count(*)::int FROM outbox WHERE dispatched_at IS NULL) AS undispatched, (SELECT count(*)::int FROM aspiration_analysis) AS analysed',
      );
      state = { ...state, ...s };
      return s.undispatched === 0 && s.analysed === SUBMISSIONS;
    }).catch(async (err) => {
      // Which work was lost: outbox messages marked dispatched whose job never ran.
      const lost = await query(
        url,
        `SELECT o.id, o.attempts, o.created_at, o.dispatched_at, o.last_error FROM outbox o
         WHERE o.topic = 'aspiration.submitted' AND NOT EXISTS (SELECT 1 FROM aspiration_analysis x WHERE x.aspiration_id = (o.payload->>'aspirationId')::uuid)
         ORDER BY o.id`,
      );
      throw new Error(
        `${(err as Error).message}: ${JSON.stringify(state)}; Redis killed at ${killedAt.toISOString()}, restarted at ${restartedAt.toISOString()}; ` +
          `${lost.length} submitted messages without analysis, e.g. ${JSON.stringify(lost.slice(0, 5))}\n${a.logTail(10)}`,
      );
    });
    // Processed once: an analysis done twice would be an ON CONFLICT update of its row.
    await waitUntil('table statistics flushed', 30_000, async () => {
      const [s] = await query<{ inserts: number; updates: number }>(url, "SELECT n_tup_ins::int AS inserts, n_tup_upd::int AS updates FROM pg_stat_user_tables WHERE relname = 'aspiration_analysis'");
      state = { ...state, ...s };
      return s.inserts >= SUBMISSIONS;
    });
    const [{ n: statusMessages }] = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM outbox WHERE topic = 'aspiration.status_changed'");
    // Messages whose hand-over to Redis failed at least once (re-dispatched under a new job id).
    const [{ n: redispatched }] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM outbox WHERE attempts > 1');

    console.log(
      `fault redis submissions=${SUBMISSIONS} accepted_while_down=${during.acknowledged.length}/${SUBMISSIONS - 2 * third} pending_while_down=${pendingWhileDown} ` +
        `analysed=${state.analysed} analysis_inserts=${state.inserts} analysis_updates=${state.updates} status_messages=${statusMessages} redispatched=${redispatched} server_errors=${badServerAnswers(answers).length}`,
    );

    expect(during.failed).toEqual([]);
    expect(during.acknowledged.length).toBe(SUBMISSIONS - 2 * third);
    expect(pendingWhileDown).toBeGreaterThan(0);
    expect(healthWhileDown.status).toBe(503);
    expect(badServerAnswers(answers)).toEqual([]);
    expect([...before.failed, ...after.failed]).toEqual([]);
    expect(rows.missing).toEqual([]);
    expect(rows.total).toBe(SUBMISSIONS);
    expect(rows.distinctAcked).toBe(SUBMISSIONS);
    expect(state.inserts).toBe(SUBMISSIONS);
    expect(state.updates).toBe(0);
  });
});
