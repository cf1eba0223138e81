import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ForecastQueryDto, ReviewQueryDto, ScenariosQueryDto, TrendsQueryDto } from './dto/insight-query.dto';
import { InsightModelService } from './insight-model.service';
import { ReviewService } from './review.service';
import { TrendsService } from './trends.service';

/** Insight engine: public statistics, the ASN review list, model versions for admins. */
@ApiTags('insight')
@Controller('insight')
export class InsightController {
  constructor(
    private readonly trends: TrendsService,
    private readonly models: InsightModelService,
    private readonly review: ReviewService,
  ) {}

  @Public()
  @Get('trends')
  weekly(@Query() q: TrendsQueryDto) {
    return this.trends.trends(q);
  }

  @Public()
  @Get('emerging')
  emerging() {
    return this.trends.emerging();
  }

  @Public()
  @Get('forecast')
  forecast(@Query() q: ForecastQueryDto) {
    return this.trends.forecast(q.kecamatan ?? '*');
  }

  @Public()
  @Get('scenarios')
  scenarios(@Query() q: ScenariosQueryDto) {
    return this.trends.scenarios(q.cycleStart ?? '2026-01-05');
  }

  @Roles('asn', 'admin')
  @Get('review')
  needsReview(@CurrentUser() user: AuthUser, @Query() q: ReviewQueryDto) {
    return this.review.needsReview(user, q.limit);
  }

  @Roles('asn', 'admin')
  @Get('aspirations/:id')
  forAspiration(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.review.forAspiration(user, id);
  }

  @Roles('admin')
  @Get('models')
  list() {
    return this.models.list();
  }

  /** Trains on the corpus plus ASN corrections; promotes only if cross-validation is not worse. */
  @Roles('admin')
  @Post('models/retrain')
  @HttpCode(200)
  retrain(@CurrentUser() user: AuthUser) {
    return this.models.retrain(user);
  }

  @Roles('admin')
  @Post('trends/recompute')
  @HttpCode(200)
  recompute() {
    return this.trends.recompute();
  }
}
