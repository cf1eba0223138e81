import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AspirationWorkflowService, BulkResult, InboxItem, StaffDetail } from './aspiration-workflow.service';
import { InboxQueryDto } from './dto/list-aspirations.dto';
import { BulkActionDto, ChangeStatusDto, MessageDto, RecategorizeDto, RerouteDto } from './dto/staff-actions.dto';

/** The ASN workspace: the OPD's inbox and the actions on it. */
@ApiTags('asn')
@Controller('asn/aspirations')
export class AsnAspirationsController {
  constructor(private readonly workflow: AspirationWorkflowService) {}

  @Roles('asn', 'admin')
  @Get()
  inbox(@CurrentUser() user: AuthUser, @Query() q: InboxQueryDto): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    return this.workflow.inbox(user, q);
  }

  @Roles('asn', 'admin')
  @Post('bulk')
  @HttpCode(200)
  bulk(@CurrentUser() user: AuthUser, @Body() dto: BulkActionDto): Promise<{ results: BulkResult[] }> {
    return this.workflow.bulk(user, dto);
  }

  @Roles('asn', 'admin')
  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<StaffDetail> {
    return this.workflow.detail(user, id);
  }

  @Roles('asn', 'admin')
  @Get(':id/contact')
  contact(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: FastifyRequest) {
    return this.workflow.contact(user, id, String(req.id));
  }

  @Roles('asn', 'admin')
  @Post(':id/status')
  @HttpCode(200)
  status(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ChangeStatusDto): Promise<StaffDetail> {
    return this.workflow.changeStatus(user, id, dto.status, dto.reason, dto.policyId);
  }

  @Roles('asn', 'admin')
  @Post(':id/replies')
  reply(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MessageDto): Promise<StaffDetail> {
    return this.workflow.reply(user, id, dto.body);
  }

  @Roles('asn', 'admin')
  @Post(':id/notes')
  note(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MessageDto): Promise<StaffDetail> {
    return this.workflow.note(user, id, dto.body);
  }

  @Roles('asn', 'admin')
  @Post(':id/reroute')
  @HttpCode(200)
  reroute(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RerouteDto) {
    return this.workflow.reroute(user, id, dto.opdCode, dto.reason);
  }

  @Roles('asn', 'admin')
  @Post(':id/category')
  @HttpCode(200)
  recategorize(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RecategorizeDto): Promise<StaffDetail> {
    return this.workflow.recategorize(user, id, dto.categoryCode);
  }
}
