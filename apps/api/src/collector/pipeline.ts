import { DataSource, EntityManager } from 'typeorm';
import type { RejectedSample, RunStatus } from './entities/sync-run.entity';

/** One record read from a source, numbered from 1 (the first data row after any header). */
export interface RawRow {
  row: number;
  data: Record<string, unknown>;
  /** Set when the reader could not parse the record. */
  error?: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

export interface RunCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedSamples: RejectedSample[];
}

export interface RunResult extends RunCounts {
  status: Exclude<RunStatus, 'queued' | 'running'>;
  error: string | null;
}

/** Raised for faults that stop the whole run (schema drift, HTTP failures after retries). */
export class RunFailure extends Error {}

export const MAX_REJECTED_SAMPLES = 100;

export interface PipelineOptions<T> {
  dataSource: DataSource;
  rows: AsyncIterable<RawRow>;
  validate(raw: RawRow): Validation<T>;
  /** The natural key: a later row with the same key replaces an earlier one in the same batch. */
  keyOf(value: T): string;
  /** Set-based upsert of one batch; must not write unchanged rows. */
  upsert(manager: EntityManager, batch: T[]): Promise<UpsertCounts>;
  batchSize?: number;
  onProgress?(counts: RunCounts): void;
}

export function emptyCounts(): RunCounts {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejectedSamples: [] };
}

export function reject(counts: RunCounts, row: number, reason: string): void {
  counts.rejected++;
  if (counts.rejectedSamples.length < MAX_REJECTED_SAMPLES) counts.rejectedSamples.push({ row, reason });
}

/**
 * fetch → normalise → validate → upsert. Each batch is one transaction: a
 * batch that fails is rolled back whole, its rows are reported as rejected
 * and the run ends partial. A RunFailure (or any error from reading) fails the run.
 */
export async function runPipeline<T>(opts: PipelineOptions<T>): Promise<RunResult> {
  const counts = emptyCounts();
  const batchSize = opts.batchSize ?? 1000;
  let batch: { row: number; value: T }[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const byKey = new Map<string, { row: number; value: T }>();
    for (const item of batch) byKey.set(opts.keyOf(item.value), item);
    const unique = [...byKey.values()];
    const duplicates = batch.length - unique.length;
    const first = batch[0].row;
    const last = batch[batch.length - 1].row;
    try {
      const r = await opts.dataSource.transaction((m) => opts.upsert(m, unique.map((u) => u.value)));
      counts.inserted += r.inserted;
      counts.updated += r.updated;
      counts.unchanged += unique.length - r.inserted - r.updated + duplicates;
    } catch (err) {
      for (const item of batch) reject(counts, item.row, `batch of rows ${first}-${last} rolled back: ${(err as Error).message}`);
    }
    batch = [];
    opts.onProgress?.(counts);
  };

  try {
    for await (const raw of opts.rows) {
      counts.read++;
      const v: Validation<T> = raw.error ? { ok: false, reason: raw.error } : opts.validate(raw);
      if (!v.ok) reject(counts, raw.row, v.reason);
      else batch.push({ row: raw.row, value: v.value });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (err) {
    return { ...counts, status: 'failed', error: (err as Error).message };
  }
  const written = counts.inserted + counts.updated + counts.unchanged;
  const status = counts.rejected === 0 ? 'succeeded' : written > 0 ? 'partial' : 'failed';
  return { ...counts, status, error: status === 'failed' ? 'every row was rejected' : null };
}

/** Checks the columns of the first record: missing required ones and unknown ones fail the run. */
export function checkColumns(columns: string[], required: readonly string[], optional: readonly string[]): string | null {
  const known = new Set([...required, ...optional]);
  const missing = required.filter((c) => !columns.includes(c));
  const unexpected = columns.filter((c) => !known.has(c));
  if (!missing.length && !unexpected.length) return null;
  const parts: string[] = [];
  if (missing.length) parts.push(`missing columns: ${missing.join(', ')}`);
  if (unexpected.length) parts.push(`unexpected columns: ${unexpected.join(', ')}`);
  return parts.join('; ');
}
