import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AspirationService, SubmissionReceipt } from './aspiration.service';
import { PublicAspiration, TrackingView } from './aspiration.views';
import { CreateAspirationDto } from './dto/create-aspiration.dto';
import { SubmissionBody } from './dto/submission-body';
import { AddInfoDto, ConfirmDto, ContestDto, SupportDto } from './dto/follow-up.dto';
import { ListAspirationsDto, SimilarQueryDto, SuggestCategoryQueryDto } from './dto/list-aspirations.dto';

/** The citizen side: open to everyone, no personal data ever in an answer. */
@ApiTags('aspirations')
@Controller('aspirations')
export class AspirationsController {
  constructor(
    private readonly aspirations: AspirationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and creates nothing' })
  @ApiBody({ type: CreateAspirationDto })
  @Post()
  async submit(
    @SubmissionBody() dto: CreateAspirationDto,
    @CurrentUser() caller: AuthUser | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SubmissionReceipt> {
    const result = await this.aspirations.submit(dto, caller, key, this.config.http.portalUrl);
    void res.status(result.status);
    if (result.replayed) void res.header('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Public()
  @Get()
  list(@Query() q: ListAspirationsDto): Promise<{ items: PublicAspiration[]; nextCursor: string | null }> {
    return this.aspirations.list(q);
  }

  /** Live figures for the portal's home page: this month, verified on time (90 days), satisfaction (90 days). */
  @Public()
  @Get('stats')
  stats() {
    return this.aspirations.stats();
  }

  /** Open aspirations nearby that resemble the text being written, to support instead of repeating. */
  @Public()
  @Get('similar')
  similar(@Query() q: SimilarQueryDto): Promise<PublicAspiration[]> {
    return this.aspirations.similar(q.text, q.kelurahan);
  }

  @Public()
  @Get('suggest-category')
  suggestCategory(@Query() q: SuggestCategoryQueryDto) {
    return this.aspirations.suggestCategory(q.text);
  }

  @Public()
  @Get('track/:code')
  track(@Param('code') code: string): Promise<TrackingView> {
    return this.aspirations.track(code);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post('track/:code/info')
  @HttpCode(200)
  addInfo(@Param('code') code: string, @Body() dto: AddInfoDto): Promise<TrackingView> {
    return this.aspirations.addInfo(code, dto.followUpKey, dto.text);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post('track/:code/confirm')
  @HttpCode(200)
  confirm(@Param('code') code: string, @Body() dto: ConfirmDto): Promise<TrackingView> {
    return this.aspirations.confirm(code, dto.followUpKey, dto.satisfaction, dto.comment);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post('track/:code/contest')
  @HttpCode(200)
  contest(@Param('code') code: string, @Body() dto: ContestDto): Promise<TrackingView> {
    return this.aspirations.contest(code, dto.followUpKey, dto.reason);
  }

  @Public()
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicAspiration> {
    return this.aspirations.getPublic(id);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post(':id/support')
  @HttpCode(200)
  support(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SupportDto, @CurrentUser() caller: AuthUser | undefined) {
    return this.aspirations.support(id, caller, dto.supporterId);
  }
}
