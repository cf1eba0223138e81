import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { AnalysisService } from './analysis.service';
import { DuplicateFinderService } from './duplicate-finder.service';
import { InsightModelService } from './insight-model.service';
import { InsightController } from './insight.controller';
import { InsightJobs } from './jobs/insight.jobs';
import { ReviewService } from './review.service';
import { TrendsService } from './trends.service';

/** The AI insight engine: topics, sentiment, duplicates, trends and forecasts (Indonesian, wink-nlp). */
@Module({
  imports: [FeedbackModule],
  controllers: [InsightController],
  providers: [InsightModelService, AnalysisService, DuplicateFinderService, TrendsService, ReviewService, InsightJobs],
  exports: [AnalysisService, InsightModelService, TrendsService],
})
export class InsightModule {}
