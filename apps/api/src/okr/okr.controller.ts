import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CheckInDto, CreateCycleDto, CreateKeyResultDto, CreateObjectiveDto, ManualValueDto, RecomputeDto, UpdateCycleDto, UpdateKeyResultDto, UpdateObjectiveDto } from './dto/okr.dto';
import { METRICS } from './metrics/registry';
import { OkrProgressService, RecomputeSummary } from './okr-progress.service';
import { OkrScenarioService, ScenarioView } from './okr-scenario.service';
import { OkrService } from './okr.service';
import { CheckInView, CycleDetail, CycleView, KeyResultDetail, KeyResultView, ObjectiveView } from './okr.views';

/** Staff who follow the OKRs (leadership reads them in Grafana). */
const READERS = ['admin', 'asn', 'bappeda', 'trainer', 'bi_reader'] as const;
/** Owners act on their OPD's key results; the service checks the OPD. */
const OWNERS = ['admin', 'asn', 'bappeda', 'trainer'] as const;

export interface MetricInfo {
  key: string;
  label: string;
  unit: string;
  direction: string;
  description: string;
}

/** The 90-day OKR tracker: admins define cycles, objectives and key results; owners check in. */
@ApiTags('okr')
@Controller('okr')
export class OkrController {
  constructor(
    private readonly okr: OkrService,
    private readonly progress: OkrProgressService,
    private readonly scenario: OkrScenarioService,
  ) {}

  @Roles(...READERS)
  @Get('metrics')
  metrics(): MetricInfo[] {
    return METRICS.map((m) => ({ key: m.key, label: m.label, unit: m.unit, direction: m.direction, description: m.description }));
  }

  @Roles(...READERS)
  @Get('cycles')
  cycles(): Promise<CycleView[]> {
    return this.okr.listCycles();
  }

  /** Every field is optional: an empty body creates the blueprint's cycle (January–March 2026). */
  @Roles('admin')
  @Post('cycles')
  createCycle(@CurrentUser() user: AuthUser, @Body() dto: CreateCycleDto): Promise<CycleDetail> {
    return this.okr.createCycle(user, dto);
  }

  @Roles(...READERS)
  @Get('cycles/:id')
  cycle(@Param('id', new ParseUUIDPipe()) id: string): Promise<CycleDetail> {
    return this.okr.getCycle(id);
  }

  @Roles('admin')
  @Patch('cycles/:id')
  updateCycle(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateCycleDto): Promise<CycleDetail> {
    return this.okr.updateCycle(user, id, dto);
  }

  /** Actual participation against the blueprint's optimistic / moderate / pessimistic scenarios. */
  @Roles(...READERS)
  @Get('cycles/:id/scenarios')
  scenarios(@Param('id', new ParseUUIDPipe()) id: string): Promise<ScenarioView> {
    return this.scenario.scenarios(id);
  }

  @Roles('admin')
  @Post('cycles/:id/objectives')
  createObjective(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateObjectiveDto): Promise<ObjectiveView> {
    return this.okr.createObjective(user, id, dto);
  }

  @Roles('admin')
  @Patch('objectives/:id')
  updateObjective(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateObjectiveDto): Promise<ObjectiveView> {
    return this.okr.updateObjective(user, id, dto);
  }

  @Roles('admin')
  @Post('objectives/:id/key-results')
  createKeyResult(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateKeyResultDto): Promise<KeyResultView> {
    return this.okr.createKeyResult(user, id, dto);
  }

  /** The key result with its value history and check-ins. */
  @Roles(...READERS)
  @Get('key-results/:id')
  keyResult(@Param('id', new ParseUUIDPipe()) id: string): Promise<KeyResultDetail> {
    return this.progress.detail(id);
  }

  @Roles('admin')
  @Patch('key-results/:id')
  updateKeyResult(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateKeyResultDto): Promise<KeyResultView> {
    return this.okr.updateKeyResult(user, id, dto);
  }

  /** A manual key result's new value (owner OPD or admin). */
  @Roles(...OWNERS)
  @Post('key-results/:id/value')
  @HttpCode(200)
  setValue(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ManualValueDto): Promise<KeyResultView> {
    return this.progress.setManualValue(user, id, dto);
  }

  @Roles(...OWNERS)
  @Post('key-results/:id/check-ins')
  checkIn(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CheckInDto): Promise<CheckInView> {
    return this.progress.addCheckIn(user, id, dto);
  }

  /** Recomputes now what the hourly job recomputes. */
  @Roles('admin')
  @Post('recompute')
  @HttpCode(200)
  recompute(@Body() dto: RecomputeDto): Promise<RecomputeSummary> {
    return this.progress.recompute(new Date(), dto.cycleId);
  }
}
