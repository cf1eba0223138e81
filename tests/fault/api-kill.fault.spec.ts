import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { ApiProcess, waitUntil } from '../support/api-process';
import { badServerAnswers, query, rowsFor, startLoad } from '../load/load-client';

/**
 * The API process is SIGKILLed in the middle of a load and started again on
 * the same port and database. Clients that lost their connection retry with
 * the same Idempotency-Key.
 */
const SUBMISSIONS = Number(process.env.FAULT_SUBMISSIONS ?? 300);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 20);

jest.setTimeout(Math.max(110_000, SUBMISSIONS * 200));

describe('fault: API process killed mid-load and restarted', () => {
  let db: TestDatabase | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await ApiProcess.create({ DATABASE_URL: db.url });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('keeps every acknowledged submission exactly once and finishes the queued work after the restart', async () => {
    const a = api!;
    const url = db!.url;
    const { live, finished } = startLoad({ baseUrl: a.url, submissions: SUBMISSIONS, clients: CLIENTS, keyed: 1, retry: true, readEvery: 4, asn: false, retryCapMs: 300 });
    await waitUntil('a third of the submissions acknowledged', 60_000, async () => live.acknowledged.length >= SUBMISSIONS / 3);
    await a.kill('SIGKILL');
    const killedAt = live.acknowledged.length;
    await a.start();
    const result = await finished;
    const rows = await rowsFor(url, result.acknowledged);
    const lostConnections = result.answers.filter((x) => x.status === 0).length;

    await waitUntil('outbox drained and every aspiration analysed', 90_000, async () => {
      const [s] = await query<{ undispatched: number; analysed: number }>(
        url,
        'SELECT (SELECT count(*)::int FROM outbox WHERE dispatched_at IS NULL) AS undispatched, (SELECT count(*)::int FROM aspiration_analysis) AS analysed',
      );
      return s.undispatched === 0 && s.analysed === SUBMISSIONS;
    });
    const [{ n: keys }] = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM idempotency_key WHERE scope = 'aspiration.create'");

    console.log(
      `fault api-kill submissions=${SUBMISSIONS} clients=${CLIENTS} acknowledged_at_kill=${killedAt} lost_connections=${lostConnections} ` +
        `retried_submissions=${result.acknowledged.filter((x) => x.retries > 0).length} rows=${rows.total} server_errors=${badServerAnswers(result.answers).length}`,
    );

    expect(lostConnections).toBeGreaterThan(0);
    expect(badServerAnswers(result.answers)).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(rows.missing).toEqual([]);
    expect(rows.wrongCode).toEqual([]);
    expect(rows.distinctAcked).toBe(SUBMISSIONS);
    expect(rows.total).toBe(SUBMISSIONS);
    expect(keys).toBe(SUBMISSIONS);
  });
});
