import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobProcessor, JobQueueService, ProcessorOptions } from '../queue/job-queue.service';
import { OutboxEntity } from './outbox.entity';

export interface OutboxMessage<T> {
  outboxId: string;
  payload: T;
}

const POLL_MS = 1000;
const BATCH = 100;
const ENQUEUE_TIMEOUT_MS = 3000;
/** After this many failed attempts a message stays in the table for inspection (last_error) and is no longer retried. */
const MAX_ATTEMPTS = 20;
/** How often the dispatcher looks for jobs that Redis lost, and how old a hand-over must be to count. */
const RECOVER_EVERY_MS = 10_000;
const RECOVER_GRACE_MS = 10_000;

/**
 * Transactional outbox. `add` writes a message with the caller's transaction;
 * the dispatcher hands committed messages to the job queue (bull or
 * in-process) with the message id as job id, so a message dispatched twice
 * after a crash is still queued once.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly topics = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private rerun = false;
  /** Set at shutdown: the dispatcher stops between messages; the rest stay in the table. */
  private closing = false;
  private kickTimer?: NodeJS.Timeout;
  private lastRecovery = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueueService,
  ) {}

  /** Registers the processor of a topic; it receives the payload and the outbox id (for idempotency). */
  handle<T>(topic: string, processor: JobProcessor<OutboxMessage<T>>, options?: ProcessorOptions): void {
    this.topics.add(topic);
    const attempts = options?.attempts ?? 3;
    this.queue.register<OutboxMessage<T>>(
      `outbox.${topic}`,
      async (message, meta) => {
        // Delivered again after it was done (a stalled job re-run, a re-dispatch racing the first run).
        const [row] = await this.dataSource.query('SELECT processed_at FROM outbox WHERE id = $1', [message.outboxId]);
        if (row?.processed_at) return;
        try {
          await processor(message, meta);
          // In-process, the dispatcher holds this row locked and records processed_at itself.
          if (this.queue.mode === 'bull') await this.dataSource.query('UPDATE outbox SET processed_at = now() WHERE id = $1 AND processed_at IS NULL', [message.outboxId]);
        } catch (err) {
          // On a broker every retry is spent: hand the message back to the outbox for a later round.
          if (this.queue.mode === 'bull' && meta.attempt >= attempts) {
            await this.dataSource.query('UPDATE outbox SET dispatched_at = NULL, attempts = attempts + 1, last_error = $2 WHERE id = $1', [message.outboxId, (err as Error).message.slice(0, 500)]);
          }
          throw err;
        }
      },
      options,
    );
  }

  async add(manager: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await manager.insert(OutboxEntity, { topic, payload: payload as never });
  }

  onApplicationBootstrap(): void {
    // HTTP-only replicas leave the messages to worker processes, which share the table.
    if (this.queue.mode === 'inline' && !this.queue.processing) return;
    this.timer = setInterval(() => void this.dispatch().catch((e) => this.logger.warn(`Dispatch failed: ${(e as Error).message}`)), POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    clearTimeout(this.kickTimer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Dispatch soon after a commit instead of waiting for the next poll. Kicks
   * within a few milliseconds share one dispatch, so a burst of submissions
   * costs one outbox query, not one each.
   */
  kick(): void {
    if (this.kickTimer || !this.topics.size || this.closing || (this.queue.mode === 'inline' && !this.queue.processing)) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = undefined;
      void this.dispatch().catch((e) => this.logger.warn(`Dispatch failed: ${(e as Error).message}`));
    }, 20);
    this.kickTimer.unref();
  }

  /** Dispatches pending messages; resolves with how many were handed to the queue. */
  dispatch(): Promise<number> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.dispatchAll().finally(() => {
      this.running = undefined;
      if (this.rerun) {
        this.rerun = false;
        void this.dispatch().catch((e) => this.logger.warn(`Dispatch failed: ${(e as Error).message}`));
      }
    });
    return this.running;
  }

  private async dispatchAll(): Promise<number> {
    if (this.queue.mode === 'bull' && Date.now() - this.lastRecovery >= RECOVER_EVERY_MS) {
      this.lastRecovery = Date.now();
      await this.recoverLost().catch((e) => this.logger.warn(`Recovery of lost jobs failed: ${(e as Error).message}`));
    }
    let total = 0;
    while (!this.closing) {
      const n = await this.dispatchBatch();
      total += n;
      if (n < BATCH) return total;
    }
    return total;
  }

  /**
   * Messages handed to Redis but never processed, whose job Redis no longer
   * has (a Redis without persistence restarted): back to pending, so the
   * next round queues them again under a new job id. A job still waiting
   * or running in Redis is left alone, so a long queue is not doubled.
   */
  async recoverLost(): Promise<number> {
    const rows: { id: string; topic: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, topic, attempts FROM outbox
       WHERE dispatched_at IS NOT NULL AND processed_at IS NULL AND dispatched_at < now() - make_interval(secs => $1) AND topic = ANY($2)
       ORDER BY id LIMIT 500`,
      [RECOVER_GRACE_MS / 1000, [...this.topics]],
    );
    const lost: string[] = [];
    for (const row of rows) {
      // The job id of the last hand-over: attempts was counted up with it.
      if (!(await this.queue.jobAlive(`outbox.${row.topic}`, `outbox-${row.id}-${row.attempts - 1}`))) lost.push(row.id);
    }
    if (lost.length) {
      await this.dataSource.query(`UPDATE outbox SET dispatched_at = NULL, last_error = 'job lost by the queue; dispatched again' WHERE id = ANY($1::bigint[]) AND processed_at IS NULL`, [lost]);
      this.logger.warn(`${lost.length} outbox messages were lost by the queue; dispatching them again`);
    }
    return lost.length;
  }

  private async dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: { id: string; topic: string; payload: Record<string, unknown>; attempts: number }[] = await m.query(
        `SELECT id, topic, payload, attempts FROM outbox WHERE dispatched_at IS NULL AND topic = ANY($1) AND attempts < $2 ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [[...this.topics], MAX_ATTEMPTS],
      );
      const done: string[] = [];
      for (const row of rows) {
        if (this.closing) break;
        const job = `outbox.${row.topic}`;
        const message = { outboxId: row.id, payload: row.payload };
        try {
          if (this.queue.mode === 'inline') {
            // No broker to hold the job: it counts as dispatched only once processed, so a crash loses nothing.
            await this.queue.runNow(job, message, `outbox-${row.id}`);
          } else {
            // The attempt number in the job id: a re-dispatch after failure is a new job, a duplicate after a crash is not.
            await withTimeout(this.queue.enqueue(job, message, { jobId: `outbox-${row.id}-${row.attempts}` }), ENQUEUE_TIMEOUT_MS);
          }
          done.push(row.id);
        } catch (err) {
          // Queue unreachable or processing failed: keep the message for a later poll.
          await m.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [row.id, (err as Error).message.slice(0, 500)]);
          if (this.queue.mode !== 'inline') break;
        }
      }
      if (done.length) {
        const processed = this.queue.mode === 'inline' ? ', processed_at = now()' : '';
        await m.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1${processed} WHERE id = ANY($1::bigint[])`, [done]);
      }
      // A full batch means there may be more; a failure or shutdown ends this round.
      return done.length === rows.length && !this.closing ? rows.length : 0;
    });
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`queue did not answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
