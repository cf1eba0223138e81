import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { FieldEncryptionService } from '../common/crypto/field-encryption.service';
import { conflict, fieldError, notFound } from '../common/errors/domain.exception';
import { CreateSourceDto, UpdateSourceDto } from './dto/collector.dto';
import { DataSourceEntity } from './entities/data-source.entity';
import { CollectorScheduler } from './jobs/collector-scheduler';
import { CollectorSyncJob } from './jobs/collector-sync.job';
import { RunView, runView, SyncRunsService } from './sync-runs.service';

export interface SourceView {
  id: string;
  kind: string;
  name: string;
  settings: Record<string, unknown>;
  hasApiKey: boolean;
  fieldMapping: Record<string, string>;
  cron: string | null;
  enabled: boolean;
  scheduled: boolean;
  nextRunAt: string | null;
  timeoutMs: number;
  createdAt: string;
  updatedAt: string;
}

const SECRET_SETTING = /(key|token|secret|password)/i;

/** Data sources of the collector (Diskominfo): register, change, pause, resume, run now, history. */
@Injectable()
export class DataSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldEncryptionService,
    private readonly audit: AuditService,
    private readonly scheduler: CollectorScheduler,
    private readonly syncJob: CollectorSyncJob,
    private readonly runs: SyncRunsService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(DataSourceEntity);
  }

  view(s: DataSourceEntity): SourceView {
    return {
      id: s.id,
      kind: s.kind,
      name: s.name,
      settings: s.settings,
      hasApiKey: !!s.apiKeyEnc,
      fieldMapping: s.fieldMapping,
      cron: s.cron,
      enabled: s.enabled,
      scheduled: this.scheduler.isScheduled(s.id),
      nextRunAt: this.scheduler.nextRun(s.id)?.toISOString() ?? null,
      timeoutMs: s.timeoutMs,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  private check(dto: UpdateSourceDto): void {
    const secret = Object.keys(dto.settings ?? {}).find((k) => SECRET_SETTING.test(k) && k !== 'apiKeyHeader');
    if (secret) throw fieldError(`settings.${secret}`, 'secrets go in apiKey, which is stored encrypted');
    if (dto.cron) {
      try {
        CollectorScheduler.validate(dto.cron);
      } catch (err) {
        throw fieldError('cron', `not a valid cron expression (${(err as Error).message})`);
      }
    }
  }

  /** What the audit trail keeps of a change: never the key itself. */
  private auditDetails(dto: UpdateSourceDto): Record<string, unknown> {
    const { apiKey, ...rest } = dto;
    return { ...rest, ...(apiKey !== undefined ? { apiKey: apiKey ? 'set' : 'removed' } : {}) };
  }

  async list(): Promise<SourceView[]> {
    return (await this.repo.find({ order: { name: 'ASC' } })).map((s) => this.view(s));
  }

  async get(id: string): Promise<SourceView> {
    return this.view(await this.load(id));
  }

  private async load(id: string): Promise<DataSourceEntity> {
    const s = await this.repo.findOneBy({ id });
    if (!s) throw notFound('Data source');
    return s;
  }

  async create(user: AuthUser, dto: CreateSourceDto): Promise<SourceView> {
    this.check(dto);
    if (await this.repo.existsBy({ name: dto.name })) throw conflict(`A data source named "${dto.name}" exists`);
    const saved = await this.dataSource.transaction(async (m) => {
      const s = await m.save(
        m.create(DataSourceEntity, {
          kind: dto.kind,
          name: dto.name,
          settings: dto.settings ?? {},
          apiKeyEnc: this.crypto.encrypt(dto.apiKey),
          fieldMapping: dto.fieldMapping ?? {},
          cron: dto.cron ?? null,
          enabled: dto.enabled ?? true,
          timeoutMs: dto.timeoutMs ?? 30_000,
        }),
      );
      await this.audit.record({ actor: user, action: 'collector.source.create', entityType: 'data_source', entityId: s.id, details: this.auditDetails(dto) }, m);
      return s;
    });
    this.scheduler.apply(saved);
    return this.view(saved);
  }

  async update(user: AuthUser, id: string, dto: UpdateSourceDto, action = 'collector.source.update'): Promise<SourceView> {
    this.check(dto);
    const s = await this.load(id);
    if (dto.name && dto.name !== s.name && (await this.repo.existsBy({ name: dto.name }))) throw conflict(`A data source named "${dto.name}" exists`);
    if (dto.name !== undefined) s.name = dto.name;
    if (dto.settings !== undefined) s.settings = dto.settings;
    if (dto.apiKey !== undefined) s.apiKeyEnc = this.crypto.encrypt(dto.apiKey);
    if (dto.fieldMapping !== undefined) s.fieldMapping = dto.fieldMapping;
    if (dto.cron !== undefined) s.cron = dto.cron;
    if (dto.enabled !== undefined) s.enabled = dto.enabled;
    if (dto.timeoutMs !== undefined) s.timeoutMs = dto.timeoutMs;
    const saved = await this.dataSource.transaction(async (m) => {
      const r = await m.save(s);
      await this.audit.record({ actor: user, action, entityType: 'data_source', entityId: id, details: this.auditDetails(dto) }, m);
      return r;
    });
    this.scheduler.apply(saved);
    return this.view(saved);
  }

  pause(user: AuthUser, id: string): Promise<SourceView> {
    return this.update(user, id, { enabled: false }, 'collector.source.pause');
  }

  resume(user: AuthUser, id: string): Promise<SourceView> {
    return this.update(user, id, { enabled: true }, 'collector.source.resume');
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.load(id);
    await this.dataSource.transaction(async (m) => {
      await m.delete(DataSourceEntity, { id });
      await this.audit.record({ actor: user, action: 'collector.source.delete', entityType: 'data_source', entityId: id }, m);
    });
    this.scheduler.remove(id);
  }

  /** Queues a run now (also for a paused source); the answer is the queued run. */
  async runNow(user: AuthUser, id: string): Promise<RunView> {
    const s = await this.load(id);
    const jobId = `${s.id}:manual-${randomUUID()}`;
    const run = await this.runs.queue(s.id, 'source', jobId);
    await this.audit.record({ actor: user, action: 'collector.source.run', entityType: 'data_source', entityId: id, details: { runId: run.id } });
    await this.syncJob.enqueue({ sourceId: s.id, runId: run.id }, jobId);
    return runView(run);
  }

  async history(id: string, limit?: number): Promise<RunView[]> {
    await this.load(id);
    return (await this.runs.list(id, limit)).map(runView);
  }

  async run(id: string, runId: string): Promise<RunView> {
    const r = await this.runs.get(runId);
    if (!r || r.sourceId !== id) throw notFound('Run');
    return runView(r);
  }
}
