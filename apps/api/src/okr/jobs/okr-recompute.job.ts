import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobQueueService } from '../../queue/job-queue.service';
import { OkrProgressService } from '../okr-progress.service';

export const OKR_RECOMPUTE_JOB = 'okr.recompute';

/** Recomputes every automatic key result and regrades them all, hourly. */
@Injectable()
export class OkrRecomputeJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    private readonly progress: OkrProgressService,
  ) {}

  onModuleInit(): void {
    this.queue.register(OKR_RECOMPUTE_JOB, () => this.progress.recompute().then(() => undefined));
  }

  /** Five past every hour; the hour in the job id keeps replicas from running it twice. */
  @Cron('0 5 * * * *', { name: OKR_RECOMPUTE_JOB })
  async schedule(): Promise<void> {
    const window = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    await this.queue.enqueue(OKR_RECOMPUTE_JOB, {}, { jobId: `${OKR_RECOMPUTE_JOB}:${window}` });
  }
}
