import { SchedulerRegistry } from '@nestjs/schedule';
import type { DataSource } from 'typeorm';
import { CollectorScheduler, windowJobId } from '../jobs/collector-scheduler';
import type { CollectorSyncJob } from '../jobs/collector-sync.job';

/** With ScheduleModule on (production), a source's cron is registered and started, and its tick only enqueues. */
describe('CollectorScheduler with a SchedulerRegistry', () => {
  it('registers, fires (enqueue with the window job id), reschedules and removes', async () => {
    const registry = new SchedulerRegistry();
    const enqueued: { data: unknown; jobId: string }[] = [];
    const syncJob = { enqueue: (data: unknown, jobId: string) => (enqueued.push({ data, jobId }), Promise.resolve(jobId)) } as unknown as CollectorSyncJob;
    const scheduler = new CollectorScheduler({} as DataSource, syncJob, registry);
    scheduler.apply({ id: 'src-1', cron: '* * * * * *', enabled: true });
    expect(registry.doesExist('cron', 'collector:src-1')).toBe(true);
    await new Promise((r) => setTimeout(r, 1300));
    expect(enqueued.length).toBeGreaterThanOrEqual(1);
    expect(enqueued[0]).toEqual({ data: { sourceId: 'src-1' }, jobId: expect.stringMatching(/^src-1:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/) });
    scheduler.apply({ id: 'src-1', cron: '0 0 2 * * *', enabled: false });
    expect(registry.doesExist('cron', 'collector:src-1')).toBe(false);
    scheduler.apply({ id: 'src-1', cron: '0 0 2 * * *', enabled: true });
    expect(scheduler.nextRun('src-1')?.toISOString()).toMatch(/T19:00:00\.000Z$/);
    scheduler.onApplicationShutdown();
    expect(registry.getCronJobs().size).toBe(0);
  });

  it('window job ids are per minute', () => {
    expect(windowJobId('s', new Date('2026-01-01T00:00:59.900Z'))).toBe('s:2026-01-01T00:00:00.000Z');
    expect(windowJobId('s', new Date('2026-01-01T00:01:00.000Z'))).toBe('s:2026-01-01T00:01:00.000Z');
  });
});
