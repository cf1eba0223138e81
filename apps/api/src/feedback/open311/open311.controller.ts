import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Open311CreateRequestDto, Open311ListQueryDto } from './dto/open311-request.dto';
import { Open311Request, Open311Service, Open311ServiceInfo } from './open311.service';

/** Open311 GeoReport v2 (JSON), outside the /api prefix so existing Open311 clients work unchanged. */
@ApiTags('open311')
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly open311: Open311Service,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('services.json')
  services(): Promise<Open311ServiceInfo[]> {
    return this.open311.services();
  }

  @Public()
  @Get('services/:code.json')
  definition(@Param('code') code: string) {
    return this.open311.definition(code);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post('requests.json')
  async create(
    @Body() dto: Open311CreateRequestDto,
    @CurrentUser() caller: AuthUser | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const result = await this.open311.create(dto, caller, key, this.config.http.portalUrl);
    void res.status(result.status);
    return result.body;
  }

  @Public()
  @Get('requests.json')
  list(@Query() q: Open311ListQueryDto): Promise<Open311Request[]> {
    return this.open311.list(q);
  }

  @Public()
  @Get('requests/:id.json')
  one(@Param('id') id: string): Promise<Open311Request[]> {
    return this.open311.one(id);
  }
}
