import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { OpdModule } from '../opd/opd.module';
import { RegionsModule } from '../regions/regions.module';
import { AspirationWorkflowService } from './aspirations/aspiration-workflow.service';
import { AspirationRepository } from './aspirations/aspiration.repository';
import { AspirationService } from './aspirations/aspiration.service';
import { AspirationsController } from './aspirations/aspirations.controller';
import { AsnAspirationsController } from './aspirations/asn-aspirations.controller';
import { CategoryAssigner } from './aspirations/category-assigner';
import { SubmissionBatcher } from './aspirations/submission-batcher';
import { ForumsModule } from './forums/forums.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PoliciesModule } from './policies/policies.module';
import { SurveysModule } from './surveys/surveys.module';
import { Open311Controller } from './open311/open311.controller';
import { Open311Service } from './open311/open311.service';
import { HolidayEntity } from './sla/entities/holiday.entity';
import { HolidaysController } from './sla/holidays.controller';
import { HolidaysService } from './sla/holidays.service';
import { SlaCalendarService } from './sla/sla-calendar.service';
import { SlaSweepJob } from './sla/sla-sweep.job';

/** The two-way ASN–citizen portal: aspirations, the SLA clock, policies, ratings, surveys, forums. */
@Module({
  imports: [TypeOrmModule.forFeature([HolidayEntity]), RegionsModule, CategoriesModule, OpdModule, PoliciesModule, SurveysModule, ForumsModule, NotificationsModule],
  controllers: [AspirationsController, AsnAspirationsController, HolidaysController, Open311Controller],
  providers: [Open311Service, AspirationService, AspirationWorkflowService, AspirationRepository, SubmissionBatcher, CategoryAssigner, SlaCalendarService, HolidaysService, SlaSweepJob],
  exports: [AspirationService, AspirationWorkflowService, SlaCalendarService, CategoryAssigner, AspirationRepository],
})
export class FeedbackModule {}
