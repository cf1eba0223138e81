import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { badRequest } from '../common/errors/domain.exception';
import { StageQueryDto, UploadMusrenbangDto } from './dto/collector.dto';
import { MusrenbangImportService } from './musrenbang-import.service';
import type { RunView } from './sync-runs.service';

/** Upload of e-Musrenbang exports (Bappeda, Diskominfo). */
@ApiTags('collector')
@Controller('collector/imports')
export class MusrenbangController {
  constructor(
    private readonly imports: MusrenbangImportService,
    private readonly audit: AuditService,
  ) {}

  /** JSON body `{ csv }` or `{ xlsxBase64 }`; the answer is the finished run with counts and rejected rows. */
  @Roles('admin', 'bappeda')
  @Post('musrenbang')
  @HttpCode(200)
  async upload(@CurrentUser() user: AuthUser, @Body() dto: UploadMusrenbangDto): Promise<RunView> {
    const { csv, xlsxBase64 } = dto;
    if (!csv === !xlsxBase64) throw badRequest('Send exactly one of csv or xlsxBase64', [{ field: 'csv', problem: 'send exactly one of csv or xlsxBase64' }]);
    const run = csv
      ? await this.imports.import(csv, { format: 'csv', stage: dto.stage })
      : await this.imports.import(Buffer.from(xlsxBase64 ?? '', 'base64'), { format: 'xlsx', stage: dto.stage });
    return this.recorded(user, run);
  }

  /** The export itself as a text/csv body; `?stage=` when the file has no Tahapan column. */
  @Roles('admin', 'bappeda')
  @Post('musrenbang/csv')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  async uploadCsv(@CurrentUser() user: AuthUser, @Body() csv: string, @Query() query: StageQueryDto): Promise<RunView> {
    if (typeof csv !== 'string' || !csv.trim()) throw badRequest('Send the CSV export as a text/csv body', [{ field: 'body', problem: 'must be a non-empty text/csv body' }]);
    return this.recorded(user, await this.imports.import(csv, { format: 'csv', stage: query.stage }));
  }

  private async recorded(user: AuthUser, run: RunView): Promise<RunView> {
    await this.audit.record({ actor: user, action: 'collector.import.musrenbang', entityType: 'sync_run', entityId: run.id, details: { status: run.status, inserted: run.rowsInserted, updated: run.rowsUpdated, rejected: run.rowsRejected } });
    return run;
  }
}
