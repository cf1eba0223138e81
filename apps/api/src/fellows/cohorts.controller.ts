import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CertificatesService } from './certificates.service';
import { CohortsService } from './cohorts.service';
import { AssessmentDto, AttendanceDto, CreateCohortDto, CreateModuleDto, CreateSessionDto, EnrolDto, IssueCertificateDto, UpdateCohortDto, UpdateModuleDto } from './dto/fellows.dto';
import { CertificateView, CohortView, ModuleView, ParticipantProgress, SessionView } from './fellows.views';

/** Modules, cohorts, sessions, attendance, assessments and certificate issuing: trainers (BPSDM) and admins. */
@ApiTags('fellows')
@Roles('trainer', 'admin')
@Controller('fellows')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get('modules')
  modules(): Promise<ModuleView[]> {
    return this.cohorts.listModules();
  }

  @Post('modules')
  createModule(@CurrentUser() user: AuthUser, @Body() dto: CreateModuleDto): Promise<ModuleView> {
    return this.cohorts.createModule(user, dto);
  }

  @Patch('modules/:id')
  updateModule(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateModuleDto): Promise<ModuleView> {
    return this.cohorts.updateModule(user, id, dto);
  }

  @Get('cohorts')
  list(): Promise<CohortView[]> {
    return this.cohorts.listCohorts();
  }

  /** Completion rules default to attendance >= 80% and a score >= 70 in every module. */
  @Post('cohorts')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCohortDto): Promise<CohortView> {
    return this.cohorts.createCohort(user, dto);
  }

  @Get('cohorts/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CohortView> {
    return this.cohorts.getCohort(id);
  }

  @Patch('cohorts/:id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateCohortDto): Promise<CohortView> {
    return this.cohorts.updateCohort(user, id, dto);
  }

  @Post('cohorts/:id/enrolments')
  enrol(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EnrolDto): Promise<{ cohortId: string; participantId: string; enrolledAt: string }> {
    return this.cohorts.enrol(user, id, dto.participantId);
  }

  @Get('cohorts/:id/sessions')
  sessions(@Param('id', new ParseUUIDPipe()) id: string): Promise<SessionView[]> {
    return this.cohorts.listSessions(id);
  }

  @Post('cohorts/:id/sessions')
  createSession(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateSessionDto): Promise<SessionView> {
    return this.cohorts.createSession(user, id, dto);
  }

  /** Attendance of enrolled participants; re-sending replaces a participant's record. */
  @Put('sessions/:id/attendance')
  attendance(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AttendanceDto): Promise<SessionView> {
    return this.cohorts.recordAttendance(user, id, dto);
  }

  @Post('cohorts/:id/assessments')
  assess(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AssessmentDto) {
    return this.cohorts.recordAssessment(user, id, dto);
  }

  @Get('cohorts/:id/progress')
  progress(@Param('id', new ParseUUIDPipe()) id: string): Promise<ParticipantProgress[]> {
    return this.cohorts.progress(id);
  }

  @Get('cohorts/:id/progress/export')
  async exportProgress(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const csv = await this.cohorts.exportProgress(id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="progres-kohort-${id}.csv"` });
  }

  /** 201 with the certificate number; 422 with the reasons when the completion rules are not met. */
  @Post('cohorts/:id/certificates')
  issue(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: IssueCertificateDto): Promise<CertificateView> {
    return this.certificates.issue(user, id, dto.participantId);
  }
}
