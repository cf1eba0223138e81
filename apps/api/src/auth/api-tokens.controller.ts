import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiTokenService, ApiTokenView } from './api-token.service';
import { CreateApiTokenDto } from './dto/create-api-token.dto';

@ApiTags('auth')
@Controller('auth/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokenService) {}

  /** The token itself is in this answer only. */
  @Authenticated()
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateApiTokenDto): Promise<ApiTokenView & { token: string }> {
    return this.tokens.create(user, dto.name, dto.scopes, dto.expiresInDays);
  }

  @Authenticated()
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ApiTokenView[]> {
    return this.tokens.listOwn(user);
  }

  @Authenticated()
  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.tokens.revoke(user, id);
  }
}
