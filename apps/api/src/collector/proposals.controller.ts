import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { FunnelQueryDto, LinkProposalDto, ProposalQueryDto } from './dto/collector.dto';
import { FunnelView, ProposalsService, ProposalView } from './proposals.service';

/** Musrenbang proposals and the proposal → policy funnel (Bappeda, Diskominfo). */
@ApiTags('collector')
@Controller('musrenbang')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Roles('admin', 'bappeda')
  @Get('proposals')
  list(@Query() q: ProposalQueryDto): Promise<ProposalView[]> {
    return this.proposals.list(q);
  }

  @Roles('admin', 'bappeda')
  @Get('funnel')
  funnel(@Query() q: FunnelQueryDto): Promise<FunnelView> {
    return this.proposals.funnel(q.year);
  }

  /** Links a proposal to the policy that answers it, or to an aspiration on the same issue. */
  @Roles('admin', 'bappeda')
  @Post('proposals/:id/links')
  link(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: LinkProposalDto) {
    return this.proposals.link(user, id, dto);
  }
}
