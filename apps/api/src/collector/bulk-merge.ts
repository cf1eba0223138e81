import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { proposalKey, type ProposalRow } from './musrenbang-row';
import { emptyCounts, RawRow, reject, RunCounts, RunResult, Validation } from './pipeline';

/** Columns of the staging table, in COPY order. */
const STAGE_COLUMNS: [keyof ProposalRow | 'id', string][] = [
  ['id', 'uuid'],
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
const TARGET_COLS = STAGE_COLUMNS.map(([c]) => c);
const UNIQUE_VIOLATION = '23505';
const ESCAPED = /[\\\t\n\r]/;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  if (!ESCAPED.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One flat string per row (join, not +=: a batch of concatenated ropes took four times the memory). */
function copyLine(id: string, p: ProposalRow): string {
  const fields = new Array<string>(STAGE_COLUMNS.length);
  fields[0] = id;
  for (let i = 1; i < STAGE_COLUMNS.length; i++) fields[i] = copyField(p[STAGE_COLUMNS[i][0] as keyof ProposalRow]);
  return fields.join('\t') + '\n';
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

// Rows of a batch are unique by natural key (deduplicated while parsing), so the merge needs no sort.
// New rows bring a time-ordered id (UUIDv7): appended at the right edge of the primary key index
// rather than scattered through it, and not generated row by row in SQL.
const MERGE = `
  WITH merged AS (
    INSERT INTO musrenbang_proposal AS p (${TARGET_COLS.join(', ')})
    SELECT ${TARGET_COLS.join(', ')} FROM musrenbang_stage
    ON CONFLICT (year, stage, external_id, kelurahan_code) DO UPDATE SET ${VALUE_COLS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
    WHERE (${VALUE_COLS.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${VALUE_COLS.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted)
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS merged FROM merged`;

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
  // 20k rows: two batches (one merging, one parsing) stay near 40 MB of heap; 50k gave no more speed
  const batchSize = opts.batchSize ?? 20_000;
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
  let lines: string[] = [];
  let rowNos: number[] = [];
  /** natural key → index in `lines`: a later row of the same proposal replaces the earlier one, as in file order. */
  let byKey = new Map<string, number>();

  const copyInto = (table: string, batch: string[]) =>
    pipeline(Readable.from(chunks(batch)), client.query(copyFrom(`COPY ${table} (${TARGET_COLS.join(', ')}) FROM STDIN`)));

  /**
   * One batch in one transaction; runs while the next batch is parsed. A batch
   * of proposals the table does not have yet (a new year, a first import) is
   * COPYed straight into it; as soon as one row turns out to exist, the batch
   * goes through the staging table and the merge instead.
   */
  const flush = async (batch: string[], nos: number[]) => {
    if (!nos.length) return;
    const first = nos[0];
    const last = nos[nos.length - 1];
    try {
      await client.query('BEGIN');
      let inserted: number;
      let merged: number;
      try {
        await client.query('SAVEPOINT direct');
        await copyInto('musrenbang_proposal', batch);
        inserted = merged = batch.length;
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
        await client.query('ROLLBACK TO SAVEPOINT direct');
        await client.query(`CREATE TEMP TABLE IF NOT EXISTS musrenbang_stage (${STAGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DELETE ROWS`);
        await copyInto('musrenbang_stage', batch);
        [{ inserted, merged }] = (await client.query(MERGE)).rows as { inserted: number; merged: number }[];
      }
      await client.query('COMMIT');
      counts.inserted += inserted;
      counts.updated += merged - inserted;
      // rows that changed nothing, and rows replaced by a later row of the same proposal
      counts.unchanged += nos.length - merged;
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
    byKey = new Map();
  };

  try {
    for await (const raw of rows) {
      counts.read++;
      const v: Validation<ProposalRow> = raw.error ? { ok: false, reason: raw.error } : validate(raw);
      if (!v.ok) {
        reject(counts, raw.row, v.reason);
        continue;
      }
      const key = proposalKey(v.value);
      const earlier = byKey.get(key);
      if (earlier === undefined) {
        byKey.set(key, lines.length);
        lines.push(copyLine(uuidv7(), v.value));
      } else {
        lines[earlier] = copyLine(uuidv7(), v.value);
      }
      rowNos.push(raw.row);
      if (rowNos.length >= batchSize) await handOff();
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
