import { Module } from '@nestjs/common';
import { OpdModule } from '../opd/opd.module';
import { DefaultCycleSeed } from './default-cycle.seed';
import { OkrRecomputeJob } from './jobs/okr-recompute.job';
import { OkrProgressService } from './okr-progress.service';
import { OkrScenarioService } from './okr-scenario.service';
import { OkrController } from './okr.controller';
import { OkrService } from './okr.service';

/** The 90-day OKR tracker (blueprint sections 5 and 9): cycles, objectives, key results, metrics, check-ins. */
@Module({
  imports: [OpdModule],
  controllers: [OkrController],
  providers: [OkrService, OkrProgressService, OkrScenarioService, DefaultCycleSeed, OkrRecomputeJob],
  exports: [OkrService, OkrProgressService, DefaultCycleSeed],
})
export class OkrModule {}
