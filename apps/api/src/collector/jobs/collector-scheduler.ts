import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronJob } from 'cron';
import { DataSource } from 'typeorm';
import { DataSourceEntity } from '../entities/data-source.entity';
import { CollectorSyncJob } from './collector-sync.job';

export const TIME_ZONE = 'Asia/Jakarta';
const cronName = (id: string) => `collector:${id}`;

/** Job id for a cron tick: the source and the minute it fired, so replicas enqueue it once. */
export function windowJobId(sourceId: string, at: Date): string {
  return `${sourceId}:${new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString()}`;
}

/**
 * One cron per enabled source with a schedule, registered at boot and
 * whenever a source changes, so sources added while the API runs are
 * scheduled without a restart. Crons only enqueue collector.sync.
 * Without ScheduleModule (tests, CLI) the crons are planned but not started.
 */
@Injectable()
export class CollectorScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CollectorScheduler');
  private readonly jobs = new Map<string, CronJob>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly syncJob: CollectorSyncJob,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  /** Throws with the parser's message when the expression is not valid. */
  static validate(cron: string): void {
    new CronJob(cron, () => undefined, null, false, TIME_ZONE);
  }

  async onApplicationBootstrap(): Promise<void> {
    const sources = await this.dataSource.getRepository(DataSourceEntity).find();
    for (const s of sources) this.apply(s);
  }

  onApplicationShutdown(): void {
    for (const id of [...this.jobs.keys()]) this.remove(id);
  }

  /** Schedules, reschedules or unschedules a source after a change. */
  apply(source: Pick<DataSourceEntity, 'id' | 'cron' | 'enabled'>): void {
    this.remove(source.id);
    if (!source.enabled || !source.cron) return;
    const job = new CronJob(source.cron, () => void this.tick(source.id).catch((err: Error) => this.logger.warn(`Enqueue of ${source.id} failed: ${err.message}`)), null, false, TIME_ZONE);
    this.jobs.set(source.id, job);
    if (this.registry) {
      this.registry.addCronJob(cronName(source.id), job as never);
      job.start();
    }
  }

  remove(sourceId: string): void {
    const job = this.jobs.get(sourceId);
    if (!job) return;
    void job.stop();
    this.jobs.delete(sourceId);
    if (this.registry?.doesExist('cron', cronName(sourceId))) this.registry.deleteCronJob(cronName(sourceId));
  }

  isScheduled(sourceId: string): boolean {
    return this.jobs.has(sourceId);
  }

  nextRun(sourceId: string): Date | null {
    const job = this.jobs.get(sourceId);
    return job ? job.nextDate().toJSDate() : null;
  }

  /** What a cron tick does: enqueue, nothing else. */
  tick(sourceId: string, at: Date = new Date()): Promise<string> {
    return this.syncJob.enqueue({ sourceId }, windowJobId(sourceId, at));
  }
}
