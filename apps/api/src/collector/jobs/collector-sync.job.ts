import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '../../queue/job-queue.service';
import { SyncJobData, SyncService } from '../sync.service';

export const COLLECTOR_SYNC_JOB = 'collector.sync';

/**
 * The processor of collector.sync (bull with Redis, in-process without).
 * A run that ends failed is recorded in the run history and does not throw;
 * unexpected errors (database down) throw so the queue retries with backoff.
 */
@Injectable()
export class CollectorSyncJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    private readonly sync: SyncService,
  ) {}

  onModuleInit(): void {
    this.queue.register<SyncJobData>(COLLECTOR_SYNC_JOB, async (data, meta) => {
      await this.sync.run(data, meta.jobId);
    }, { concurrency: 2, attempts: 3, backoffMs: 2000 });
  }

  enqueue(data: SyncJobData, jobId: string): Promise<string> {
    return this.queue.enqueue(COLLECTOR_SYNC_JOB, data, { jobId });
  }
}
