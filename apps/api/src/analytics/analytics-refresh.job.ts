import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobQueueService } from '../queue/job-queue.service';
import { AnalyticsRefreshService } from './analytics-refresh.service';

export const ANALYTICS_REFRESH_JOB = 'analytics.refresh';

/**
 * Refreshes the materialized analytics views every five minutes (the
 * service skips a refresh within its minimum interval), and on request after
 * bulk imports.
 */
@Injectable()
export class AnalyticsRefreshJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    private readonly analytics: AnalyticsRefreshService,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ force?: boolean }>(ANALYTICS_REFRESH_JOB, (data) => this.analytics.refresh({ force: data?.force }).then(() => undefined), { attempts: 2 });
  }

  @Cron('0 */5 * * * *', { name: ANALYTICS_REFRESH_JOB })
  async schedule(): Promise<void> {
    const window = new Date(Math.floor(Date.now() / 300_000) * 300_000).toISOString();
    await this.queue.enqueue(ANALYTICS_REFRESH_JOB, {}, { jobId: `${ANALYTICS_REFRESH_JOB}:${window}` });
  }

  /** After a bulk import: one forced refresh per minute at most, however many imports finish in it. */
  async requestAfterImport(): Promise<string> {
    const window = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    return this.queue.enqueue(ANALYTICS_REFRESH_JOB, { force: true }, { jobId: `${ANALYTICS_REFRESH_JOB}:import:${window}`, delayMs: 1000 });
  }
}
