import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobQueueService } from '../../queue/job-queue.service';
import { InsightModelService } from '../insight-model.service';
import { TrendsService } from '../trends.service';

export const RETRAIN_JOB = 'insight.retrain';
export const TRENDS_JOB = 'insight.trends';

/** Crons only enqueue; the job ids carry the time window so replicas run each once. */
@Injectable()
export class InsightJobs implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    private readonly models: InsightModelService,
    private readonly trends: TrendsService,
  ) {}

  onModuleInit(): void {
    this.queue.register(RETRAIN_JOB, () => this.models.retrain(null).then(() => undefined), { attempts: 2, backoffMs: 60_000 });
    this.queue.register(TRENDS_JOB, () => this.trends.recompute().then(() => undefined), { attempts: 3, backoffMs: 10_000 });
  }

  @Cron('0 0 2 * * 0', { name: RETRAIN_JOB, timeZone: 'Asia/Jakarta' })
  async scheduleRetrain(): Promise<void> {
    await this.queue.enqueue(RETRAIN_JOB, {}, { jobId: `${RETRAIN_JOB}:${new Date().toISOString().slice(0, 10)}` });
  }

  @Cron('0 5 * * * *', { name: TRENDS_JOB })
  async scheduleTrends(): Promise<void> {
    await this.queue.enqueue(TRENDS_JOB, {}, { jobId: `${TRENDS_JOB}:${new Date().toISOString().slice(0, 13)}` });
  }
}
