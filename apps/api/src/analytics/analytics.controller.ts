import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import { AnalyticsRefreshJob } from './analytics-refresh.job';
import { AnalyticsRefreshService, RefreshState } from './analytics-refresh.service';

/** State of the analytics views that Grafana and Metabase read. */
@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly refresher: AnalyticsRefreshService,
    private readonly job: AnalyticsRefreshJob,
  ) {}

  /** When each materialized view was last refreshed ("data as of"). */
  @Roles('admin', 'bi_reader', 'bappeda', 'asn')
  @Get('refresh-state')
  state(): Promise<RefreshState[]> {
    return this.refresher.state();
  }

  /** Queues a refresh now, for example after correcting data by hand. */
  @Roles('admin')
  @Post('refresh')
  @HttpCode(202)
  async refresh(): Promise<{ jobId: string }> {
    return { jobId: await this.job.requestAfterImport() };
  }
}
