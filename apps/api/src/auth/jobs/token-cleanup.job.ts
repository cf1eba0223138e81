import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../../queue/job-queue.service';

export const TOKEN_CLEANUP_JOB = 'auth.token-cleanup';

/** Deletes refresh tokens that expired or were revoked more than 30 days ago. */
@Injectable()
export class TokenCleanupJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register(TOKEN_CLEANUP_JOB, () => this.run().then(() => undefined));
  }

  /** Cron only enqueues; the day in the job id keeps replicas from running it twice. */
  @Cron('0 30 2 * * *', { name: TOKEN_CLEANUP_JOB, timeZone: 'Asia/Jakarta' })
  async schedule(): Promise<void> {
    await this.queue.enqueue(TOKEN_CLEANUP_JOB, {}, { jobId: `${TOKEN_CLEANUP_JOB}:${new Date().toISOString().slice(0, 10)}` });
  }

  async run(): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM refresh_token WHERE expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days'`,
    );
    return Number(deleted ?? 0);
  }
}
