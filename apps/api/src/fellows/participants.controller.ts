import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ActivitiesService } from './activities.service';
import { ActivityDto, CreateParticipantDto, ImportParticipantsDto, ListParticipantsDto, StatsQueryDto, UpdateParticipantDto } from './dto/fellows.dto';
import { ActivityView, FellowsStats, ImportResult, ParticipantView } from './fellows.views';
import { ParticipantsService } from './participants.service';

/** Citizen Data Fellows participants and their activity log: trainers (BPSDM) and admins. */
@ApiTags('fellows')
@Roles('trainer', 'admin')
@Controller('fellows')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly activities: ActivitiesService,
  ) {}

  @Get('participants')
  list(@Query() q: ListParticipantsDto): Promise<ParticipantView[]> {
    return this.participants.list(q);
  }

  @Post('participants')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateParticipantDto): Promise<ParticipantView> {
    return this.participants.create(user, dto);
  }

  /** JSON body { csv, cohortId?, dryRun? }; valid rows are imported, the others reported by line. */
  @Post('participants/import')
  @HttpCode(200)
  import(@CurrentUser() user: AuthUser, @Body() dto: ImportParticipantsDto): Promise<ImportResult> {
    return this.participants.importCsv(user, dto);
  }

  @Get('participants/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParticipantView> {
    return this.participants.get(id);
  }

  @Patch('participants/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateParticipantDto): Promise<ParticipantView> {
    return this.participants.update(user, id, dto);
  }

  /** The decrypted e-mail and phone; every read is audited. */
  @Get('participants/:id/contact')
  contact(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ email: string | null; phone: string | null }> {
    return this.participants.contact(user, id);
  }

  @Get('participants/:id/activities')
  activitiesList(@Param('id', new ParseUUIDPipe()) id: string): Promise<ActivityView[]> {
    return this.activities.list(id);
  }

  @Post('participants/:id/activities')
  recordActivity(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ActivityDto): Promise<ActivityView> {
    return this.activities.record(user, id, dto);
  }

  /** Counts that also feed the OKR metrics: participants, certified, active fellows. */
  @Get('stats')
  stats(@Query() q: StatsQueryDto): Promise<FellowsStats> {
    return this.activities.stats(q.activeWithinDays);
  }
}
