import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldEncryptionService } from '../common/crypto/field-encryption.service';
import { CollectorRepository, IndicatorRow } from './collector.repository';
import { BpsConnector } from './connectors/bps.connector';
import { CkanConnector } from './connectors/ckan.connector';
import type { AnyConnector, ConnectorContext } from './connectors/connector';
import { GenericHttpConnector } from './connectors/generic-http.connector';
import { HttpClient } from './connectors/http';
import { connectorFor } from './connectors';
import { OpenDataJatimConnector } from './connectors/opendata-jatim.connector';
import { SipdConnector } from './connectors/sipd.connector';
import { DataSourceEntity } from './entities/data-source.entity';
import type { SyncRunEntity } from './entities/sync-run.entity';
import { ProposalRow, proposalKey } from './musrenbang-row';
import { RawRow, RunResult, runPipeline } from './pipeline';
import { sourceRunLock, SyncRunsService } from './sync-runs.service';

export interface SyncJobData {
  sourceId: string;
  /** Present when the run was queued by "run now"; a cron job creates its own run. */
  runId?: string;
}

/** Runs one source through its connector: fetch pages → normalise → validate → upsert. */
@Injectable()
export class SyncService {
  private readonly logger = new Logger('Collector');
  private readonly connectors: AnyConnector[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CollectorRepository,
    private readonly runs: SyncRunsService,
    private readonly crypto: FieldEncryptionService,
    bps: BpsConnector,
    jatim: OpenDataJatimConnector,
    ckan: CkanConnector,
    http: GenericHttpConnector,
    sipd: SipdConnector,
  ) {
    this.connectors = [bps, jatim, ckan, http, sipd];
  }

  async run(data: SyncJobData, jobId: string | null): Promise<SyncRunEntity | null> {
    const source = await this.dataSource.getRepository(DataSourceEntity).findOneBy({ id: data.sourceId });
    if (!source) return null;
    const run = (data.runId ? await this.runs.get(data.runId) : null) ?? (await this.runs.queue(source.id, 'source', jobId));
    // One run per source at a time, across replicas: a session-level advisory lock held for the run.
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = (await qr.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [sourceRunLock(source.id)])) as { locked: boolean }[];
      if (!locked) {
        return this.runs.finish(run.id, { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejectedSamples: [], status: 'failed', error: 'another run of this source is in progress' });
      }
      try {
        // we hold the source's lock: an earlier run of it still marked running was left by a stopped process
        await this.runs.markInterrupted({ sourceId: source.id, runId: run.id });
        await this.runs.start(run);
        const { result, next } = await this.execute(source);
        if (result.status === 'failed') this.logger.warn(`Source ${source.name} run ${run.id} failed: ${result.error}`);
        return await this.runs.finish(run.id, result, next);
      } finally {
        await qr.query(`SELECT pg_advisory_unlock(hashtext($1))`, [sourceRunLock(source.id)]);
      }
    } finally {
      await qr.release();
    }
  }

  private async execute(source: DataSourceEntity): Promise<{ result: RunResult; next: ConnectorContext['next'] }> {
    const apiKey = this.crypto.decrypt(source.apiKeyEnc);
    const previousRun = await this.runs.lastSucceeded(source.id);
    const http = new HttpClient({
      timeoutMs: source.timeoutMs,
      retries: Number(source.settings.retries ?? 2),
      backoffMs: Number(source.settings.retryBackoffMs ?? 500),
      secrets: apiKey ? [apiKey] : [],
    });
    const previous = { cursor: previousRun?.cursor ?? null, etag: previousRun?.etag ?? null, lastModified: previousRun?.lastModified ?? null };
    const connector = connectorFor(source.kind, this.connectors);
    const ctx: ConnectorContext = { source, apiKey, http, previous, next: { ...previous } };
    if (connector.target === 'proposal') ctx.kelurahan = await this.repository.kelurahanByName();
    let row = 0;
    async function* rows(): AsyncGenerator<RawRow> {
      for await (const page of connector.fetchPages(ctx)) {
        for (const data of connector.normalise(page, ctx)) yield { row: ++row, data };
      }
    }
    const result =
      connector.target === 'proposal'
        ? await runPipeline<ProposalRow>({
            dataSource: this.dataSource,
            rows: rows(),
            validate: (r) => (connector as SipdConnector).validate(r, ctx),
            keyOf: proposalKey,
            upsert: (m, b) => this.repository.upsertProposals(m, b),
          })
        : await runPipeline<IndicatorRow>({
            dataSource: this.dataSource,
            rows: rows(),
            validate: (r) => (connector as BpsConnector).validate(r, ctx),
            keyOf: (i) => `${i.source}|${i.indicator}|${i.region_code}|${i.period}`,
            upsert: (m, b) => this.repository.upsertIndicators(m, b),
          });
    if (result.error) result.error = http.redact(result.error);
    return { result, next: result.status === 'failed' ? previous : ctx.next };
  }
}
