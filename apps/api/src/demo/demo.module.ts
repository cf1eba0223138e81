import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { InsightModule } from '../insight/insight.module';
import { OkrModule } from '../okr/okr.module';
import { DemoSeedService } from './demo-seed.service';

/** The demo city (`npm run demo:seed`); no routes and nothing at boot. */
@Module({
  imports: [FeedbackModule, InsightModule, OkrModule, AnalyticsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
