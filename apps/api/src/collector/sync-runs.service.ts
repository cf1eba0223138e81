import { Injectable } from '@nestjs/common';
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

/** The run history of sources and imports. */
@Injectable()
export class SyncRunsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
