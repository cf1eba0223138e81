import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CreateSourceDto, UpdateSourceDto } from './dto/collector.dto';
import { DataSourcesService, SourceView } from './data-sources.service';
import type { RunView } from './sync-runs.service';

/** Data sources and sync runs (Diskominfo). */
@ApiTags('collector')
@Controller('collector/sources')
export class DataSourcesController {
  constructor(private readonly sources: DataSourcesService) {}

  @Roles('admin')
  @Get()
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  @Roles('admin')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSourceDto): Promise<SourceView> {
    return this.sources.create(user, dto);
  }

  @Roles('admin')
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateSourceDto): Promise<SourceView> {
    return this.sources.update(user, id, dto);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.sources.remove(user, id);
  }

  @Roles('admin')
  @Post(':id/pause')
  @HttpCode(200)
  pause(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SourceView> {
    return this.sources.pause(user, id);
  }

  @Roles('admin')
  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SourceView> {
    return this.sources.resume(user, id);
  }

  @Roles('admin')
  @Post(':id/run')
  @HttpCode(202)
  run(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<RunView> {
    return this.sources.runNow(user, id);
  }

  @Roles('admin')
  @Get(':id/runs')
  runs(@Param('id', new ParseUUIDPipe()) id: string, @Query('limit') limit?: string): Promise<RunView[]> {
    return this.sources.history(id, limit ? Math.max(1, Number(limit) || 50) : undefined);
  }

  @Roles('admin')
  @Get(':id/runs/:runId')
  runDetail(@Param('id', new ParseUUIDPipe()) id: string, @Param('runId', new ParseUUIDPipe()) runId: string): Promise<RunView> {
    return this.sources.run(id, runId);
  }
}
