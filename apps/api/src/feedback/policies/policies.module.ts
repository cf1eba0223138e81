import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdModule } from '../../opd/opd.module';
import { PolicyAspirationEntity } from './entities/policy-aspiration.entity';
import { PolicyRatingEntity } from './entities/policy-rating.entity';
import { PolicyEntity } from './entities/policy.entity';
import { AsnPoliciesController, PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyRatingsService } from './policy-ratings.service';

/** Policies (kebijakan), their links to aspirations, and citizens' ratings. */
@Module({
  imports: [TypeOrmModule.forFeature([PolicyEntity, PolicyAspirationEntity, PolicyRatingEntity]), OpdModule],
  controllers: [PoliciesController, AsnPoliciesController],
  providers: [PoliciesService, PolicyRatingsService],
  exports: [PoliciesService, PolicyRatingsService],
})
export class PoliciesModule {}
