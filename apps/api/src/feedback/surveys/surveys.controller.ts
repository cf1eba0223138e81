import { Body, Controller, Get, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AsnSurveyDto, CitizenSurveyDto, SurveySummaryQueryDto } from './dto/survey.dto';
import { SurveyAnswer, SurveysService, SurveySummary } from './surveys.service';

/** Satisfaction surveys: citizens about the service, ASN about the system. */
@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post('citizen')
  submitCitizen(@Body() dto: CitizenSurveyDto, @CurrentUser() caller: AuthUser | undefined): Promise<SurveyAnswer> {
    return this.surveys.submitCitizen(dto, caller);
  }

  /** 201 for the month's first answer, 200 when it replaces this month's earlier answer. */
  @Roles('asn')
  @Post('asn')
  async submitAsn(@CurrentUser() user: AuthUser, @Body() dto: AsnSurveyDto, @Res({ passthrough: true }) res: FastifyReply): Promise<SurveyAnswer> {
    const answer = await this.surveys.submitAsn(user, dto);
    void res.status(answer.result === 'created' ? 201 : 200);
    return answer;
  }

  /** Citizen satisfaction (target 4.5), confirmations of resolved aspirations included. */
  @Public()
  @Get('summary')
  citizenSummary(@Query() q: SurveySummaryQueryDto): Promise<SurveySummary> {
    return this.surveys.summary('citizen_satisfaction', q);
  }

  /** ASN satisfaction with the system (target 4.2): staff only. */
  @Roles('asn', 'admin', 'bappeda')
  @Get('asn/summary')
  asnSummary(@Query() q: SurveySummaryQueryDto): Promise<SurveySummary> {
    return this.surveys.summary('asn_system', q);
  }
}
