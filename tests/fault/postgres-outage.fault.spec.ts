import { ApiProcess, PrivatePostgres, sleep, templateUrl, waitUntil } from '../support/api-process';
import { Answer, badServerAnswers, query, rowsFor, startLoad, submissionBody } from '../load/load-client';

/**
 * PostgreSQL crashes (immediate shutdown) in the middle of a load and comes
 * back. On a private server: the machine's shared one serves other tests.
 * `npm run test:fault` runs it with FAULT_SUBMISSIONS / FAULT_CLIENTS larger.
 */
const SUBMISSIONS = Number(process.env.FAULT_SUBMISSIONS ?? 300);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 20);
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 4000);

jest.setTimeout(Math.max(110_000, SUBMISSIONS * 200));

describe('fault: PostgreSQL stopped hard mid-load and restarted', () => {
  let pg: PrivatePostgres | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    pg = await PrivatePostgres.create({ copyFrom: templateUrl() });
    api = await ApiProcess.create({ DATABASE_URL: pg.url, DATABASE_POOL_SIZE: '10' });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After while down, recovers by itself, keeps every acknowledged submission once', async () => {
    const a = api!;
    const db = pg!;
    const pid = a.pid;
    const { live, finished } = startLoad({ baseUrl: a.url, submissions: SUBMISSIONS, clients: CLIENTS, keyed: 1, retry: true, readEvery: 4, asn: false, retryCapMs: 300 });
    await waitUntil('a third of the submissions acknowledged', 60_000, async () => live.acknowledged.length >= SUBMISSIONS / 3);

    db.stopImmediate();
    const downAt = live.answers.length;
    await sleep(OUTAGE_MS / 2);
    // While down: the health check and a public read both say "retry later".
    const health = await fetch(`${a.url}/api/health`);
    const stats = await fetch(`${a.url}/api/aspirations/stats`);
    await sleep(OUTAGE_MS / 2);
    const duringOutage: Answer[] = live.answers.slice(downAt);
    await db.start();
    // Recovers by itself: same process, no restart.
    await waitUntil('API healthy again', 30_000, async () => (await fetch(`${a.url}/api/health`)).ok);
    expect(a.pid).toBe(pid);

    const result = await finished;
    // A client that retries with the same key gets its first answer back, and no second row.
    const sample = result.acknowledged.filter((x) => x.retries > 0).slice(0, 5).concat(result.acknowledged.slice(0, 5));
    for (const ack of sample) {
      const res = await fetch(`${a.url}/api/aspirations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': ack.key! },
        body: JSON.stringify(submissionBody(ack.index, ack.key!.split('-')[1])),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replayed')).toBe('true');
      expect(((await res.json()) as { id: string }).id).toBe(ack.id);
    }

    const rows = await rowsFor(db.url, result.acknowledged);
    const retried = result.acknowledged.filter((x) => x.retries > 0).length;
    const unavailable = duringOutage.filter((x) => x.status === 503).length;
    console.log(
      `fault postgres submissions=${SUBMISSIONS} clients=${CLIENTS} outage_ms=${OUTAGE_MS} answers_503=${unavailable} retried_submissions=${retried} ` +
        `acknowledged=${rows.distinctAcked} rows=${rows.total} server_errors=${badServerAnswers(result.answers).length}`,
    );

    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBeTruthy();
    expect(stats.status).toBe(503);
    expect(stats.headers.get('retry-after')).toBeTruthy();
    expect(unavailable).toBeGreaterThan(0);
    // No 5xx other than 503 + Retry-After; the API never dropped a connection.
    expect(badServerAnswers(result.answers)).toEqual([]);
    expect(result.answers.filter((x) => x.status === 0)).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(retried).toBeGreaterThan(0);
    // Every acknowledged submission is there, and each key made exactly one row.
    expect(rows.missing).toEqual([]);
    expect(rows.wrongCode).toEqual([]);
    expect(rows.distinctAcked).toBe(SUBMISSIONS);
    expect(rows.total).toBe(SUBMISSIONS);
    const [{ n: keys }] = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM idempotency_key WHERE scope = 'aspiration.create'");
    expect(keys).toBe(SUBMISSIONS);
    // Work queued in the outbox before and after the crash is all done, each aspiration analysed once.
    await waitUntil('outbox drained', 60_000, async () => {
      const [{ n }] = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL');
      return n === 0;
    });
    const [{ n: analysed }] = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM aspiration_analysis');
    expect(analysed).toBe(SUBMISSIONS);
  });
});
