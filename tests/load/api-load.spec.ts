import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { ApiProcess } from '../support/api-process';
import { badServerAnswers, percentile, query, rowsFor, runLoad } from './load-client';

/**
 * Load on loopback against the built API: citizens submitting, public reads
 * (tracking, lists, statistics) and an ASN officer at work, all at once.
 * `npm test` runs a small version; `npm run test:load` the full one
 * (LOAD_SUBMISSIONS=10000 LOAD_CLIENTS=100).
 */
const SUBMISSIONS = Number(process.env.LOAD_SUBMISSIONS ?? 1000);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
/** RSS ceiling of the API process; a leak under 10,000 submissions crosses it. */
const MAX_RSS_MB = Number(process.env.LOAD_MAX_RSS_MB ?? 700);

jest.setTimeout(Math.max(110_000, SUBMISSIONS * 60));

describe(`load: ${SUBMISSIONS} submissions at ${CLIENTS} clients with public reads and ASN actions`, () => {
  let db: TestDatabase;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await ApiProcess.create({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10' });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('acknowledges every submission with exactly one row, answers no 5xx and keeps its memory bounded', async () => {
    const a = api!;
    a.resetPeakRss();
    const result = await runLoad({ baseUrl: a.url, submissions: SUBMISSIONS, clients: CLIENTS, keyed: 0.1, retry: false, readEvery: 3, asn: true });

    const rows = await rowsFor(db.url, result.acknowledged);
    const submits = result.answers.filter((x) => x.kind === 'submit');
    const reads = result.answers.filter((x) => ['track', 'list', 'stats'].includes(x.kind));
    const bad = badServerAnswers(result.answers);
    const rps = submits.length / result.seconds;
    const p50 = percentile(submits.map((x) => x.ms), 50);
    const p99 = percentile(submits.map((x) => x.ms), 99);
    const readP99 = percentile(reads.map((x) => x.ms), 99);
    const rowsMatch = rows.missing.length === 0 && rows.wrongCode.length === 0 && rows.total === rows.distinctAcked && rows.distinctAcked === SUBMISSIONS;

    // The officer's status changes are in the database too, one event per 200.
    const [{ n: verified }] = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM aspiration WHERE status = 'verified'");

    console.log(
      `load submissions=${SUBMISSIONS} clients=${CLIENTS} seconds=${result.seconds.toFixed(1)} rps=${rps.toFixed(0)} p50_ms=${p50.toFixed(1)} p99_ms=${p99.toFixed(1)} ` +
        `reads=${reads.length} read_p99_ms=${readP99.toFixed(1)} asn_actions=${result.asnActions} peak_rss_mb=${a.peakRssMb} non_201=${result.failed.length} ` +
        `server_errors=${bad.length} rows_match=${rowsMatch}`,
    );

    expect(bad).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(rows.missing).toEqual([]);
    expect(rows.wrongCode).toEqual([]);
    expect(rows.distinctAcked).toBe(SUBMISSIONS);
    expect(rows.total).toBe(SUBMISSIONS);
    // Every public read and ASN request was answered normally.
    expect(result.answers.filter((x) => x.kind !== 'submit' && x.status !== 200)).toEqual([]);
    expect(reads.length).toBeGreaterThan(SUBMISSIONS / 4);
    expect(result.asnActions).toBeGreaterThan(0);
    expect(verified).toBe(result.asnActions);
    expect(a.peakRssMb).toBeGreaterThan(0);
    expect(a.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect(a.errorLines()).toEqual([]);
  });
});
