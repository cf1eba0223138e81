import { DataSource } from 'typeorm';
import { JobQueueService } from '../../queue/job-queue.service';
import { dropQueueKeys, startTestApp, TestApp } from '../../testing/test-app';
import { testRedisUrl } from '../../testing/test-env';
import { OutboxService } from '../outbox.service';

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each([
  ['in-process', undefined],
  ['bull on Redis', testRedisUrl()],
])('transactional outbox (%s)', (_mode, redisUrl) => {
  let t: TestApp;
  let ds: DataSource;
  let outbox: OutboxService;
  const seen: string[] = [];
  let failFirst = true;
  const topic = `test.topic.${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    t = await startTestApp({ redisUrl });
    ds = t.app.get(DataSource);
    outbox = t.app.get(OutboxService);
    outbox.handle<{ n: number }>(topic, async ({ outboxId, payload }) => {
      if (payload.n === 2 && failFirst) {
        failFirst = false;
        throw new Error('transient failure');
      }
      seen.push(`${outboxId}:${payload.n}`);
    }, { attempts: 1, backoffMs: 10 });
  });
  afterAll(() => t.close());

  it('dispatches only committed messages, each once, and retries a failed one', async () => {
    await ds.transaction((m) => outbox.add(m, topic, { n: 1 }));
    await ds.transaction((m) => outbox.add(m, topic, { n: 2 }));
    await ds.transaction(async (m) => {
      await outbox.add(m, topic, { n: 99 });
      throw new Error('rolled back');
    }).catch(() => undefined);

    await until(async () => seen.length >= 2);
    await outbox.dispatch();
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((s) => s.split(':')[1]).sort()).toEqual(['1', '2']);
    const rows = await ds.query('SELECT payload, dispatched_at IS NOT NULL AS dispatched FROM outbox WHERE topic = $1 ORDER BY id', [topic]);
    expect(rows.map((r: { payload: { n: number }; dispatched: boolean }) => [r.payload.n, r.dispatched])).toEqual([[1, true], [2, true]]);
  });
});

describe('transactional outbox on an HTTP-only process (RUN_JOBS=false, no Redis)', () => {
  it('keeps messages in the table for a worker instead of processing them', async () => {
    const t = await startTestApp({ env: { RUN_JOBS: 'false' } });
    try {
      const ds = t.app.get(DataSource);
      const outbox = t.app.get(OutboxService);
      const seen: number[] = [];
      outbox.handle<{ n: number }>('test.http-only', async ({ payload }) => {
        seen.push(payload.n);
      });
      await ds.transaction((m) => outbox.add(m, 'test.http-only', { n: 1 }));
      outbox.kick();
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).toEqual([]);
      const [row] = await ds.query(`SELECT dispatched_at FROM outbox WHERE topic = 'test.http-only'`);
      expect(row.dispatched_at).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('transactional outbox when Redis loses its jobs', () => {
  it('a message is done only when its job ran; one whose job Redis lost is dispatched again, and a done one is not run twice', async () => {
    // RUN_JOBS=false: this process hands jobs to Redis but runs none, so they wait there.
    const t = await startTestApp({ redisUrl: testRedisUrl(), env: { RUN_JOBS: 'false' } });
    try {
      const ds = t.app.get(DataSource);
      const outbox = t.app.get(OutboxService);
      const queue = t.app.get(JobQueueService);
      const topic = 'test.lost';
      outbox.handle<{ n: number }>(topic, async () => undefined);
      await ds.transaction((m) => outbox.add(m, topic, { n: 1 }));
      expect(await outbox.dispatch()).toBe(1);
      const [row] = await ds.query(`SELECT id, attempts, dispatched_at, processed_at FROM outbox WHERE topic = $1`, [topic]);
      expect(row.dispatched_at).not.toBeNull();
      expect(row.processed_at).toBeNull();
      const firstJob = `outbox-${row.id}-0`;
      expect(await queue.jobAlive(`outbox.${topic}`, firstJob)).toBe(true);

      // Waiting in Redis: not lost, whatever its age.
      await ds.query(`UPDATE outbox SET dispatched_at = now() - interval '1 minute' WHERE id = $1`, [row.id]);
      expect(await outbox.recoverLost()).toBe(0);

      // Redis restarted without persistence: the job is gone, the message goes back to pending and out again under a new id.
      await dropQueueKeys(testRedisUrl(), t.config.redis.prefix);
      expect(await queue.jobAlive(`outbox.${topic}`, firstJob)).toBe(false);
      expect(await outbox.recoverLost()).toBe(1);
      expect(await outbox.dispatch()).toBe(1);
      expect(await queue.jobAlive(`outbox.${topic}`, `outbox-${row.id}-1`)).toBe(true);

      // Once processed, a late or repeated delivery does nothing, and recovery leaves it alone.
      await ds.query(`UPDATE outbox SET processed_at = now(), dispatched_at = now() - interval '1 minute' WHERE id = $1`, [row.id]);
      await dropQueueKeys(testRedisUrl(), t.config.redis.prefix);
      expect(await outbox.recoverLost()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
