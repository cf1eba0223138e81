import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { QuarterlyReportsJob } from './jobs/quarterly-reports.job';
import { ReportDataService } from './report-data.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Open reports (blueprint "Output Multi-layer"): Markdown, JSON, CSV, DOCX and PDF from the analytics schema. */
@Module({
  imports: [AnalyticsModule],
  controllers: [ReportsController],
  providers: [ReportDataService, ReportsService, QuarterlyReportsJob],
  exports: [ReportsService],
})
export class ReportsModule {}
