import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreateForumDto, ForumSummaryDto, ListForumsDto } from './dto/forum.dto';
import { ForumsService, ForumSummary, ForumView } from './forums.service';

/** Public consultation forums: recorded by staff, open to everyone to read. */
@ApiTags('forums')
@Controller('forums')
export class ForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Roles('asn', 'admin', 'bappeda')
  @Post()
  record(@CurrentUser() user: AuthUser, @Body() dto: CreateForumDto): Promise<ForumView> {
    return this.forums.record(user, dto);
  }

  @Public()
  @Get()
  list(@Query() q: ListForumsDto): Promise<{ items: ForumView[]; page: number; limit: number; total: number }> {
    return this.forums.list(q);
  }

  @Public()
  @Get('summary')
  summary(@Query() q: ForumSummaryDto): Promise<ForumSummary> {
    return this.forums.summary(q);
  }
}
