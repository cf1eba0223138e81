import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { ProposalRow } from './musrenbang-row';
import { emptyCounts, RawRow, reject, RunCounts, RunResult, Validation } from './pipeline';

/** Columns of the staging table, in COPY order. */
const STAGE_COLUMNS: [keyof ProposalRow | 'row_no', string][] = [
  ['row_no', 'integer'],
  ['year', 'smallint'],
  ['stage', 'text'],
  ['external_id', 'text'],
  ['proposed_on', 'date'],
  ['proposer', 'text'],
  ['kelurahan_code', 'text'],
  ['bidang', 'text'],
  ['problem', 'text'],
  ['proposal', 'text'],
  ['address', 'text'],
  ['lat', 'double precision'],
  ['lng', 'double precision'],
  ['volume', 'numeric'],
  ['unit', 'text'],
  ['estimated_budget', 'numeric(18,2)'],
  ['opd_initial', 'text'],
  ['opd_final', 'text'],
  ['status', 'text'],
  ['note', 'text'],
  ['source_id', 'uuid'],
];
const VALUE_COLS = ['proposed_on', 'proposer', 'bidang', 'problem', 'proposal', 'address', 'lat', 'lng', 'volume', 'unit', 'estimated_budget', 'opd_initial', 'opd_final', 'status', 'note'];
const TARGET_COLS = STAGE_COLUMNS.map(([c]) => c).filter((c) => c !== 'row_no');

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Joins COPY lines into ~256 KB chunks: one CopyData message per chunk, not per row. */
function* chunks(lines: string[]): Generator<string> {
  let buf = '';
  for (const l of lines) {
    buf += l;
    if (buf.length >= 262_144) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

const MERGE = `
  INSERT INTO musrenbang_proposal AS p (${TARGET_COLS.join(', ')})
  SELECT DISTINCT ON (year, stage, external_id, kelurahan_code) ${TARGET_COLS.join(', ')}
  FROM musrenbang_stage ORDER BY year, stage, external_id, kelurahan_code, row_no DESC
  ON CONFLICT (year, stage, external_id, kelurahan_code) DO UPDATE SET ${VALUE_COLS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE (${VALUE_COLS.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${VALUE_COLS.map((c) => `EXCLUDED.${c}`).join(', ')})
  RETURNING (xmax = 0) AS inserted`;

/**
 * The bulk path for large files: rows are parsed as a stream and validated
 * in order; each batch is COPYed into a temporary staging table and merged
 * set-based, in one transaction per batch (a failed batch is rolled back whole
 * and reported). Memory stays bounded by the batch size.
 */
export async function bulkMergeProposals(
  dataSource: DataSource,
  rows: AsyncIterable<RawRow>,
  validate: (raw: RawRow) => Validation<ProposalRow>,
  opts: { batchSize?: number; onProgress?(c: RunCounts): void } = {},
): Promise<RunResult> {
  const counts = emptyCounts();
  const batchSize = opts.batchSize ?? 50_000;
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
  let lines: string[] = [];
  let rowNos: number[] = [];

  /** COPY + merge of one batch in one transaction; runs while the next batch is parsed. */
  const flush = async (batch: string[], nos: number[]) => {
    if (!batch.length) return;
    const first = nos[0];
    const last = nos[nos.length - 1];
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS musrenbang_stage (${STAGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DELETE ROWS`);
      await pipeline(Readable.from(chunks(batch)), client.query(copyFrom(`COPY musrenbang_stage (${STAGE_COLUMNS.map(([c]) => c).join(', ')}) FROM STDIN`)));
      const merged = (await client.query(MERGE)).rows as { inserted: boolean }[];
      await client.query('COMMIT');
      const inserted = merged.filter((r) => r.inserted).length;
      counts.inserted += inserted;
      counts.updated += merged.length - inserted;
      counts.unchanged += batch.length - merged.length;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      for (const r of nos) reject(counts, r, `batch of rows ${first}-${last} rolled back: ${(err as Error).message}`);
    }
    opts.onProgress?.(counts);
  };

  let inflight: Promise<void> = Promise.resolve();
  const handOff = async () => {
    await inflight;
    inflight = flush(lines, rowNos);
    lines = [];
    rowNos = [];
  };

  try {
    for await (const raw of rows) {
      counts.read++;
      const v: Validation<ProposalRow> = raw.error ? { ok: false, reason: raw.error } : validate(raw);
      if (!v.ok) {
        reject(counts, raw.row, v.reason);
        continue;
      }
      const values = STAGE_COLUMNS.map(([c]) => (c === 'row_no' ? raw.row : v.value[c]));
      lines.push(values.map(copyField).join('\t') + '\n');
      rowNos.push(raw.row);
      if (lines.length >= batchSize) await handOff();
    }
    await handOff();
    await inflight;
  } catch (err) {
    await inflight.catch(() => undefined);
    return { ...counts, status: 'failed', error: (err as Error).message };
  } finally {
    await qr.release();
  }
  const written = counts.inserted + counts.updated + counts.unchanged;
  const status = counts.rejected === 0 ? 'succeeded' : written > 0 ? 'partial' : 'failed';
  return { ...counts, status, error: status === 'failed' ? 'every row was rejected' : null };
}
