import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AnalyticsRefreshJob } from '../analytics/analytics-refresh.job';
import { bulkMergeProposals } from './bulk-merge';
import { CollectorRepository } from './collector.repository';
import { csvRows, xlsxRows } from './file-readers';
import { COLUMN_ALIASES, MUSRENBANG_OPTIONAL, MUSRENBANG_REQUIRED, proposalKey, validateMusrenbangRow } from './musrenbang-row';
import { RawRow, RunCounts, runPipeline } from './pipeline';
import type { SyncRunEntity } from './entities/sync-run.entity';
import { RunView, runView, SyncRunsService } from './sync-runs.service';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportOptions {
  format: ImportFormat;
  /** Musrenbang stage when the file has no Tahapan column (default kelurahan). */
  stage?: string;
  batchSize?: number;
  /** CSV only: COPY into a staging table and merge set-based (large files). */
  bulk?: boolean;
  onProgress?(counts: RunCounts): void;
}

const RULES = { required: MUSRENBANG_REQUIRED, optional: MUSRENBANG_OPTIONAL, aliases: COLUMN_ALIASES };

/** Imports e-Musrenbang exports (CSV streamed, XLSX) into musrenbang_proposal; every import is a recorded run. */
@Injectable()
export class MusrenbangImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CollectorRepository,
    private readonly runs: SyncRunsService,
    private readonly analytics: AnalyticsRefreshJob,
  ) {}

  async import(input: Readable | string | Buffer, opts: ImportOptions): Promise<RunView> {
    return this.runs.runImport('import:musrenbang', (run) => this.importRun(run, input, opts));
  }

  private async importRun(run: SyncRunEntity, input: Readable | string | Buffer, opts: ImportOptions): Promise<RunView> {
    const kelurahan = await this.repository.kelurahanByName();
    const rows: AsyncIterable<RawRow> =
      opts.format === 'xlsx'
        ? xlsxRows(typeof input === 'string' ? Buffer.from(input) : input, RULES)
        : csvRows(Buffer.isBuffer(input) ? input.toString('utf8') : input, RULES);
    const ctx = { kelurahan, stage: opts.stage ?? 'kelurahan' };
    const validate = (raw: RawRow) => validateMusrenbangRow(raw, ctx);
    const result =
      opts.bulk && opts.format === 'csv'
        ? await bulkMergeProposals(this.dataSource, rows, validate, { batchSize: opts.batchSize, onProgress: opts.onProgress })
        : await runPipeline({
            dataSource: this.dataSource,
            rows,
            validate,
            keyOf: proposalKey,
            upsert: (m, batch) => this.repository.upsertProposals(m, batch),
            batchSize: opts.batchSize,
            onProgress: opts.onProgress,
          });
    const finished = runView(await this.runs.finish(run.id, result));
    // The Musrenbang funnel dashboards should not wait for the next scheduled refresh.
    if (finished.rowsInserted || finished.rowsUpdated) await this.analytics.requestAfterImport();
    return finished;
  }
}
