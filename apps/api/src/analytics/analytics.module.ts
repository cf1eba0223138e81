import { Module } from '@nestjs/common';
import { AnalyticsRefreshJob } from './analytics-refresh.job';
import { AnalyticsRefreshService } from './analytics-refresh.service';
import { AnalyticsController } from './analytics.controller';

/** The analytics schema's upkeep: refreshing materialized views for the dashboards and reports. */
@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsRefreshService, AnalyticsRefreshJob],
  exports: [AnalyticsRefreshService, AnalyticsRefreshJob],
})
export class AnalyticsModule {}
