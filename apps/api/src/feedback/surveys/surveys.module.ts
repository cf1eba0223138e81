import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdModule } from '../../opd/opd.module';
import { SurveyResponseEntity } from './entities/survey-response.entity';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** Citizen satisfaction and ASN system surveys, with summaries against the blueprint targets. */
@Module({
  imports: [TypeOrmModule.forFeature([SurveyResponseEntity]), OpdModule],
  controllers: [SurveysController],
  providers: [SurveysService],
  exports: [SurveysService],
})
export class SurveysModule {}
