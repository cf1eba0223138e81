import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ChangePolicyStatusDto, CreatePolicyDto, HideRatingDto, LinkAspirationsDto, ListPoliciesDto, PageDto, RatePolicyDto, StaffListPoliciesDto, UpdatePolicyDto } from './dto/policy.dto';
import { PoliciesService, PolicyPage } from './policies.service';
import { PolicyRatingsService, PublicRating, RateResult, RatingPage, StaffRating } from './policy-ratings.service';
import { PolicyListItem, PublicPolicyDetail, StaffPolicyDetail, StaffPolicyItem } from './policy.views';

/** Published policies for everyone; writing them for the OPD's ASN and admins. */
@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly ratings: PolicyRatingsService,
  ) {}

  @Public()
  @Get()
  list(@Query() q: ListPoliciesDto): Promise<PolicyPage<PolicyListItem>> {
    return this.policies.listPublic(q);
  }

  @Roles('asn', 'admin')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePolicyDto): Promise<StaffPolicyDetail> {
    return this.policies.create(user, dto);
  }

  @Public()
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicPolicyDetail> {
    return this.policies.getPublic(id);
  }

  @Roles('asn', 'admin')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdatePolicyDto): Promise<StaffPolicyDetail> {
    return this.policies.update(user, id, dto);
  }

  @Roles('asn', 'admin')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<StaffPolicyDetail> {
    return this.policies.publish(user, id);
  }

  @Roles('asn', 'admin')
  @Post(':id/status')
  @HttpCode(200)
  status(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ChangePolicyStatusDto): Promise<StaffPolicyDetail> {
    return this.policies.changeStatus(user, id, dto);
  }

  @Roles('asn', 'admin')
  @Post(':id/aspirations')
  @HttpCode(200)
  link(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: LinkAspirationsDto): Promise<StaffPolicyDetail> {
    return this.policies.linkAspirations(user, id, dto.aspirationIds);
  }

  @Public()
  @Get(':id/ratings')
  ratingsList(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: PageDto): Promise<RatingPage<PublicRating>> {
    return this.ratings.listPublic(id, q);
  }

  /** 201 for a first rating, 200 when the same person updates theirs. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post(':id/ratings')
  async rate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RatePolicyDto,
    @CurrentUser() caller: AuthUser | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RateResult> {
    const result = await this.ratings.rate(id, caller, dto);
    void res.status(result.result === 'created' ? 201 : 200);
    return result;
  }
}

/** The staff side: the OPD's policies including unpublished ones, and comment moderation. */
@ApiTags('asn')
@Controller('asn')
export class AsnPoliciesController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly ratings: PolicyRatingsService,
  ) {}

  @Roles('asn', 'admin')
  @Get('policies')
  list(@CurrentUser() user: AuthUser, @Query() q: StaffListPoliciesDto): Promise<PolicyPage<StaffPolicyItem>> {
    return this.policies.listForStaff(user, q);
  }

  @Roles('asn', 'admin')
  @Get('policies/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<StaffPolicyDetail> {
    return this.policies.getForStaff(user, id);
  }

  @Roles('asn', 'admin')
  @Get('policies/:id/ratings')
  ratingsList(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: PageDto): Promise<RatingPage<StaffRating>> {
    return this.ratings.listForStaff(user, id, q);
  }

  @Roles('asn', 'admin')
  @Post('policy-ratings/:id/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: HideRatingDto): Promise<StaffRating & { policyId: string }> {
    return this.ratings.hide(user, id, dto.reason);
  }
}
