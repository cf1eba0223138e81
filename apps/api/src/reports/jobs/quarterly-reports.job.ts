import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobQueueService } from '../../queue/job-queue.service';
import { previousPeriod } from '../report-period';
import { ReportsService } from '../reports.service';

export const QUARTERLY_REPORTS_JOB = 'reports.quarterly';

/**
 * On the first day of each quarter (WIB) generates the previous quarter's
 * report set as drafts: admin or Bappeda read them and publish
 * (POST /api/reports/:id/publish). Drafts, not auto-published, because a
 * published report is a public statement of the city.
 */
@Injectable()
export class QuarterlyReportsJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    private readonly reports: ReportsService,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ period: string }>(QUARTERLY_REPORTS_JOB, (data) => this.reports.generate({ period: data.period, publish: false }).then(() => undefined), { attempts: 3 });
  }

  /** 06:00 WIB on 1 January, April, July and October; the period in the job id keeps replicas (and retries of the cron) from generating twice. */
  @Cron('0 0 6 1 1,4,7,10 *', { name: QUARTERLY_REPORTS_JOB, timeZone: 'Asia/Jakarta' })
  async schedule(now: Date = new Date()): Promise<string> {
    const period = previousPeriod(now).code;
    return this.queue.enqueue(QUARTERLY_REPORTS_JOB, { period }, { jobId: `${QUARTERLY_REPORTS_JOB}:${period}` });
  }
}
