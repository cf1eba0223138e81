import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';
import { SubmissionBatcher, SubmissionValues } from '../submission-batcher';
import { hashFollowUpKey, newFollowUpKey } from '../tracking-code';

/** Group commit of submissions, against the real database. */
describe('submission batcher (real Postgres)', () => {
  let t: TestApp;
  let ds: DataSource;
  let batcher: SubmissionBatcher;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
    batcher = t.app.get(SubmissionBatcher);
  });
  afterAll(() => t.close());

  async function values(text: string, over: Partial<SubmissionValues> = {}): Promise<SubmissionValues> {
    const [opd] = await ds.query(`SELECT default_opd_id AS id FROM category WHERE code = 'kesehatan'`);
    const now = new Date();
    return {
      followUpKeyHash: hashFollowUpKey(newFollowUpKey()),
      title: null,
      publicTitle: null,
      text,
      publicText: text,
      categoryCode: 'kesehatan',
      categorySource: 'citizen',
      kelurahanCode: '35.77.02.1005',
      kecamatanCode: '35.77.02',
      latitude: null,
      longitude: null,
      address: null,
      publicAddress: null,
      channel: 'portal',
      opdId: opd.id,
      submitterUserId: null,
      submittedAt: now,
      dueVerifyAt: new Date(now.getTime() + 86_400_000),
      duePlanAt: new Date(now.getTime() + 7 * 86_400_000),
      contact: null,
      outboxTopic: 'aspiration.submitted',
      ...over,
    };
  }

  it('answers concurrent HTTP submissions each with its own committed aspiration, event and outbox message', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Antrean puskesmas panjang sekali, mohon loket ditambah (uji serentak ${i}).`);
    const answers = await Promise.all(texts.map((text) => t.request('POST', '/aspirations', { body: { text, kelurahanCode: '35.77.01.1001', categoryCode: 'kesehatan' } })));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(40);
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(40);

    const rows: { id: string; text: string; tracking_code: string; events: number; outbox: number }[] = await ds.query(
      `SELECT a.id, a.text, a.tracking_code,
         (SELECT count(*)::int FROM aspiration_event e WHERE e.aspiration_id = a.id AND e.kind = 'submitted') AS events,
         (SELECT count(*)::int FROM outbox o WHERE o.payload->>'aspirationId' = a.id::text AND o.topic = 'aspiration.submitted') AS outbox
       FROM aspiration a WHERE a.id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(40);
    for (const r of rows) expect({ events: r.events, outbox: r.outbox }).toEqual({ events: 1, outbox: 1 });
    // Each answer names the row holding its own text.
    const byId = new Map(rows.map((r) => [r.id, r]));
    answers.forEach((a, i) => {
      expect(byId.get(a.body.id)?.text).toBe(texts[i]);
      expect(byId.get(a.body.id)?.tracking_code).toBe(a.body.trackingCode);
    });
  });

  it('writes the good rows of a batch that PostgreSQL refuses, and fails only the bad one', async () => {
    const good = await Promise.all(Array.from({ length: 12 }, (_, i) => values(`Got mampet di gang ${i}, air meluap ke jalan.`)));
    // A kelurahan that does not exist breaks the foreign key: the whole multi-row statement is refused.
    const bad = await values('Baris yang melanggar foreign key kelurahan.', { kelurahanCode: '99.99.99.9999' });
    const results = await Promise.allSettled([...good.slice(0, 6), bad, ...good.slice(6)].map((v) => batcher.insert(v)));

    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(results[6].status).toBe('rejected');
    expect(String((results[6] as PromiseRejectedResult).reason.message)).toMatch(/foreign key/);

    const written = results.filter((r): r is PromiseFulfilledResult<{ id: string; trackingCode: string }> => r.status === 'fulfilled').map((r) => r.value);
    expect(written).toHaveLength(12);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM aspiration WHERE id = ANY($1)`, [written.map((w) => w.id)]);
    expect(n).toBe(12);
    const [{ none }] = await ds.query(`SELECT count(*)::int AS none FROM aspiration WHERE text = $1`, [bad.text]);
    expect(none).toBe(0);
  });

  it('gives a colliding tracking code a new one instead of failing the submission', async () => {
    const first = await batcher.insert(await values('Lampu jalan mati di depan balai RW, mohon diganti.'));
    // The next two codes drawn collide with the one just written; the third is fresh.
    const draw = batcher.drawCode;
    let drawn = 0;
    batcher.drawCode = () => (drawn++ < 2 ? first.trackingCode : draw());
    try {
      const second = await batcher.insert(await values('Lampu jalan mati di ujung gang, mohon diganti juga.'));
      expect(second.trackingCode).not.toBe(first.trackingCode);
      expect(drawn).toBe(3);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM aspiration WHERE id = $1 AND tracking_code = $2`, [second.id, second.trackingCode]);
      expect(n).toBe(1);
    } finally {
      batcher.drawCode = draw;
    }
  });
});
