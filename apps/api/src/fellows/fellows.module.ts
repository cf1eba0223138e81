import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

/** The Citizen Data Fellows programme (BPSDM): participants, cohorts, modules, attendance, assessments, certificates, activities. */
@Module({
  controllers: [ParticipantsController, CohortsController, CertificatesController],
  providers: [ParticipantsService, CohortsService, CertificatesService, ActivitiesService],
  exports: [ActivitiesService],
})
export class FellowsModule {}
