import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CollectorRepository, IndicatorRow } from './collector.repository';
import { csvRows, xlsxRows } from './file-readers';
import { RawRow, RunCounts, runPipeline, Validation } from './pipeline';
import type { SyncRunEntity } from './entities/sync-run.entity';
import { RunView, runView, SyncRunsService } from './sync-runs.service';

const RULES = { required: ['indicator', 'region', 'period', 'value'], optional: ['unit', 'source'] };

/** One indicator row of a file: `indicator,region,period,value[,unit][,source]`. */
export function validateIndicatorRow(raw: RawRow, defaultSource: string): Validation<IndicatorRow> {
  const get = (k: string) => String(raw.data[k] ?? '').trim();
  for (const k of ['indicator', 'region', 'period']) if (!get(k)) return { ok: false, reason: `${k}: empty` };
  const v = get('value');
  let value: string | null = null;
  if (v !== '' && v !== '-') {
    const n = Number(v.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(n)) return { ok: false, reason: `value: not a number "${v}"` };
    value = String(n);
  }
  return { ok: true, value: { source: get('source') || defaultSource, indicator: get('indicator'), region_code: get('region'), period: get('period'), value, unit: get('unit') || null, source_id: null } };
}

type IndicatorImportOptions = { format: 'csv' | 'xlsx'; source: string; onProgress?(c: RunCounts): void };

/** Imports indicator observations from a CSV or XLSX file (the same pipeline as the connectors). */
@Injectable()
export class IndicatorImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CollectorRepository,
    private readonly runs: SyncRunsService,
  ) {}

  async import(input: Readable | string | Buffer, opts: IndicatorImportOptions): Promise<RunView> {
    return this.runs.runImport('import:indicator', (run) => this.importRun(run, input, opts));
  }

  private async importRun(run: SyncRunEntity, input: Readable | string | Buffer, opts: IndicatorImportOptions): Promise<RunView> {
    const rows = opts.format === 'xlsx' ? xlsxRows(typeof input === 'string' ? Buffer.from(input) : input, RULES) : csvRows(Buffer.isBuffer(input) ? input.toString('utf8') : input, RULES);
    const result = await runPipeline({
      dataSource: this.dataSource,
      rows,
      validate: (raw) => validateIndicatorRow(raw, opts.source),
      keyOf: (i) => `${i.source}|${i.indicator}|${i.region_code}|${i.period}`,
      upsert: (m, batch) => this.repository.upsertIndicators(m, batch),
      onProgress: opts.onProgress,
    });
    return runView(await this.runs.finish(run.id, result));
  }
}
