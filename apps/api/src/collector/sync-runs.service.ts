import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SyncRunEntity } from './entities/sync-run.entity';
import type { RunResult } from './pipeline';

export interface RunView {
  id: string;
  sourceId: string | null;
  trigger: string;
  jobId: string | null;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  error: string | null;
  rejectedSamples: { row: number; reason: string }[];
  /** Incremental state kept for the next run (period cursor, ETag, Last-Modified). */
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
}

export function runView(r: SyncRunEntity): RunView {
  return {
    id: r.id,
    sourceId: r.sourceId,
    trigger: r.trigger,
    jobId: r.jobId,
    status: r.status,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    rowsRead: r.rowsRead,
    rowsInserted: r.rowsInserted,
    rowsUpdated: r.rowsUpdated,
    rowsUnchanged: r.rowsUnchanged,
    rowsRejected: r.rowsRejected,
    error: r.error,
    rejectedSamples: r.rejectedSamples,
    cursor: r.cursor,
    etag: r.etag,
    lastModified: r.lastModified,
  };
}

/**
 * Key of the session advisory lock held for as long as a run runs: the
 * source's (one run per source at a time, see SyncService) or, for a file
 * import, the run's own. A run still marked running whose lock nobody holds
 * was left by a process that stopped.
 */
const SOURCE_LOCK = 'collector:';
const IMPORT_LOCK = 'collector-import:';
export const sourceRunLock = (sourceId: string): string => SOURCE_LOCK + sourceId;
const importRunLock = (runId: string): string => IMPORT_LOCK + runId;

const INTERRUPTED = 'interrupted: the process running it stopped before it finished (batches it had committed stay)';

/** The run history of sources and imports. */
@Injectable()
export class SyncRunsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Collector');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.markInterrupted();
  }

  /**
   * Marks failed the runs left "running" by a process that was killed or
   * crashed: their lock is no longer held by any session (read from pg_locks,
   * so a live run is never disturbed). A caller that holds a source's lock
   * passes it: every other running run of that source is then a leftover.
   * Returns how many.
   */
  async markInterrupted(holding?: { sourceId: string; runId: string }): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [ids] = (await this.dataSource.query(
      `UPDATE sync_run r SET status = 'failed', finished_at = now(), error = $1
       WHERE r.status = 'running' AND ((r.source_id = $2 AND r.id <> $3) OR NOT EXISTS (
         SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           -- a bigint advisory key is split into classid (high 32 bits) and objid (low 32 bits)
           AND ((l.classid::bigint << 32) | l.objid::bigint) =
               hashtext(CASE WHEN r.source_id IS NULL THEN $4 || r.id ELSE $5 || r.source_id END)::bigint))
       RETURNING r.id`,
      [INTERRUPTED, holding?.sourceId ?? null, holding?.runId ?? null, IMPORT_LOCK, SOURCE_LOCK],
    )) as [{ id: string }[], number];
    if (ids.length) this.logger.warn(`${ids.length} run(s) left running by a stopped process marked failed: ${ids.map((r) => r.id).join(', ')}`);
    return ids.length;
  }

  /**
   * Runs `work` as a file import: its run is started and locked for the
   * import's duration, and unlocked afterwards (also when the import throws).
   */
  async runImport<T>(trigger: string, work: (run: SyncRunEntity) => Promise<T>): Promise<T> {
    await this.markInterrupted();
    const run = await this.queue(null, trigger, null);
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.query(`SELECT pg_advisory_lock(hashtext($1))`, [importRunLock(run.id)]);
      await this.start(run);
      return await work(run);
    } finally {
      await qr.query(`SELECT pg_advisory_unlock(hashtext($1))`, [importRunLock(run.id)]).catch(() => undefined);
      await qr.release();
    }
  }

  private get repo() {
    return this.dataSource.getRepository(SyncRunEntity);
  }

  async queue(sourceId: string | null, trigger: string, jobId: string | null): Promise<SyncRunEntity> {
    return this.repo.save(this.repo.create({ sourceId, trigger, jobId, status: 'queued' }));
  }

  async start(run: SyncRunEntity): Promise<void> {
    run.status = 'running';
    run.startedAt = new Date();
    await this.repo.update(run.id, { status: 'running', startedAt: run.startedAt });
  }

  async finish(runId: string, result: RunResult, incremental: { cursor?: string | null; etag?: string | null; lastModified?: string | null } = {}): Promise<SyncRunEntity> {
    await this.repo.update(runId, {
      status: result.status,
      finishedAt: new Date(),
      rowsRead: result.read,
      rowsInserted: result.inserted,
      rowsUpdated: result.updated,
      rowsUnchanged: result.unchanged,
      rowsRejected: result.rejected,
      error: result.error,
      rejectedSamples: result.rejectedSamples,
      cursor: incremental.cursor ?? null,
      etag: incremental.etag ?? null,
      lastModified: incremental.lastModified ?? null,
    });
    return this.repo.findOneByOrFail({ id: runId });
  }

  async get(id: string): Promise<SyncRunEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async lastSucceeded(sourceId: string): Promise<SyncRunEntity | null> {
    return this.repo.findOne({ where: [{ sourceId, status: 'succeeded' }, { sourceId, status: 'partial' }], order: { createdAt: 'DESC' } });
  }

  async list(sourceId: string, limit = 50): Promise<SyncRunEntity[]> {
    return this.repo.find({ where: { sourceId }, order: { createdAt: 'DESC' }, take: Math.min(limit, 200) });
  }
}
