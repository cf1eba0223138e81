import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { CollectorRepository } from './collector.repository';
import { CONNECTORS } from './connectors';
import { CsvBodyParser } from './csv-body.parser';
import { DataSourcesController } from './data-sources.controller';
import { DataSourcesService } from './data-sources.service';
import { IndicatorImportService } from './indicator-import.service';
import { CollectorScheduler } from './jobs/collector-scheduler';
import { CollectorSyncJob } from './jobs/collector-sync.job';
import { MusrenbangImportService } from './musrenbang-import.service';
import { MusrenbangController } from './musrenbang.controller';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { SyncRunsService } from './sync-runs.service';
import { SyncService } from './sync.service';

/** The data collector: sources, connectors, scheduled syncs, Musrenbang imports. */
@Module({
  imports: [AnalyticsModule],
  controllers: [DataSourcesController, MusrenbangController, ProposalsController],
  providers: [CsvBodyParser, ...CONNECTORS, CollectorRepository, SyncRunsService, SyncService, CollectorSyncJob, CollectorScheduler, DataSourcesService, MusrenbangImportService, IndicatorImportService, ProposalsService],
  exports: [MusrenbangImportService, IndicatorImportService, SyncService, CollectorScheduler],
})
export class CollectorModule {}
