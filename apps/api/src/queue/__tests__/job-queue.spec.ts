import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/app-config';
import { testRedisUrl } from '../../testing/test-env';
import { JobQueueService } from '../job-queue.service';

function queueService(redisUrl?: string): JobQueueService {
  return new JobQueueService(loadConfig({ JWT_SECRET: 'j'.repeat(40), DATA_ENCRYPTION_KEY: 'ab'.repeat(32), REDIS_URL: redisUrl ?? '' }));
}

const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('job queue, in-process (no REDIS_URL)', () => {
  it('runs jobs, de-duplicates by job id and retries failures', async () => {
    const q = queueService();
    expect(q.mode).toBe('inline');
    const seen: string[] = [];
    let failuresLeft = 2;
    q.register<{ n: number }>('test.inline', async (data) => {
      if (data.n === 99 && failuresLeft-- > 0) throw new Error('transient');
      seen.push(String(data.n));
    }, { attempts: 3, backoffMs: 5 });

    await q.enqueue('test.inline', { n: 1 }, { jobId: 'same' });
    await q.enqueue('test.inline', { n: 1 }, { jobId: 'same' });
    await q.enqueue('test.inline', { n: 99 });
    await q.drainInline();
    expect(seen.sort()).toEqual(['1', '99']);
    await q.onApplicationShutdown();
  });

  it('refuses an unregistered job and a double registration', async () => {
    const q = queueService();
    await expect(q.enqueue('nope', {})).rejects.toThrow(/No processor registered/);
    q.register('x', async () => undefined);
    expect(() => q.register('x', async () => undefined)).toThrow(/registered twice/);
  });
});

describe('job queue on bull (real Redis)', () => {
  const url = testRedisUrl();

  beforeAll(async () => {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
    try {
      await probe.connect();
      await probe.ping();
    } catch (err) {
      throw new Error(`This test needs Redis at ${url} (set TEST_REDIS_URL): ${(err as Error).message}`);
    } finally {
      probe.disconnect();
    }
  });

  it('processes a job once even when the same job id is enqueued twice', async () => {
    const q = queueService(url);
    expect(q.mode).toBe('bull');
    const name = `test.bull.${randomBytes(4).toString('hex')}`;
    const processed: number[] = [];
    q.register<{ n: number }>(name, async (data) => {
      processed.push(data.n);
    });
    await q.enqueue(name, { n: 7 }, { jobId: 'fixed-window-1' });
    await q.enqueue(name, { n: 7 }, { jobId: 'fixed-window-1' });
    await q.enqueue(name, { n: 8 }, { jobId: 'fixed-window-2' });
    await until(() => processed.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(processed.sort()).toEqual([7, 8]);
    expect(await q.redisReachable()).toBe(true);
    await q.onApplicationShutdown();
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const q = queueService(url);
    const name = `test.bull.retry.${randomBytes(4).toString('hex')}`;
    const attempts: number[] = [];
    q.register(name, async (_data, meta) => {
      attempts.push(meta.attempt);
      if (meta.attempt < 3) throw new Error('transient');
    }, { attempts: 3, backoffMs: 20 });
    await q.enqueue(name, {});
    await until(() => attempts.length >= 3);
    expect(attempts).toEqual([1, 2, 3]);
    await q.onApplicationShutdown();
  });
});
