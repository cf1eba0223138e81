import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Bull from 'bull';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export type JobProcessor<T> = (data: T, meta: { jobId: string; attempt: number }) => Promise<void>;

export interface ProcessorOptions {
  concurrency?: number;
  attempts?: number;
  /** First retry delay; doubles on every further attempt. */
  backoffMs?: number;
}

export interface EnqueueOptions {
  /** A fixed id makes enqueueing idempotent: the same id is queued once. */
  jobId?: string;
  delayMs?: number;
}

interface Registered {
  processor: JobProcessor<unknown>;
  options: Required<ProcessorOptions>;
  queue?: Bull.Queue;
}

/**
 * One API for background work. With REDIS_URL the jobs go through bull
 * queues (shared by every replica); without it the same processors run
 * in-process, so a single machine with no Redis still works.
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly registry = new Map<string, Registered>();
  /** Inline mode: ids of jobs queued or running, for de-duplication. */
  private readonly inlineActive = new Set<string>();
  private readonly inlinePending = new Set<Promise<void>>();
  private closing = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get mode(): 'bull' | 'inline' {
    return this.config.redis.url ? 'bull' : 'inline';
  }

  /** False on HTTP-only replicas: jobs are queued here and processed by worker processes. */
  get processing(): boolean {
    return this.config.redis.runJobs;
  }

  register<T>(name: string, processor: JobProcessor<T>, options: ProcessorOptions = {}): void {
    if (this.registry.has(name)) throw new Error(`Job processor "${name}" is registered twice`);
    const entry: Registered = {
      processor: processor as JobProcessor<unknown>,
      options: { concurrency: options.concurrency ?? 1, attempts: options.attempts ?? 3, backoffMs: options.backoffMs ?? 1000 },
    };
    if (this.mode === 'bull') {
      entry.queue = new Bull(name, this.config.redis.url!, { prefix: this.config.redis.prefix });
      entry.queue.on('error', (err) => this.logger.warn(`Queue ${name}: ${err.message}`));
      if (this.processing) {
        void entry.queue.process(entry.options.concurrency, async (job) => {
          await entry.processor(job.data, { jobId: String(job.id), attempt: job.attemptsMade + 1 });
        });
      }
    }
    this.registry.set(name, entry);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    const entry = this.registry.get(name);
    if (!entry) throw new Error(`No processor registered for job "${name}"`);
    if (entry.queue) {
      const job = await entry.queue.add(data, {
        jobId: options.jobId,
        delay: options.delayMs,
        attempts: entry.options.attempts,
        backoff: { type: 'exponential', delay: entry.options.backoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
      return String(job.id);
    }
    const jobId = options.jobId ?? `${name}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
    if (!this.processing) {
      this.logger.warn(`Job ${name} skipped: this process runs no jobs (RUN_JOBS=false) and there is no Redis to hold it`);
      return jobId;
    }
    if (this.inlineActive.has(jobId)) return jobId;
    this.inlineActive.add(jobId);
    const run = this.runInline(name, entry, data, jobId, options.delayMs ?? 0).finally(() => {
      this.inlineActive.delete(jobId);
      this.inlinePending.delete(run);
    });
    this.inlinePending.add(run);
    return jobId;
  }

  /**
   * In-process mode only: runs the job now, with its retries, and resolves
   * when it succeeded (rejects when every attempt failed). The outbox uses
   * this so that a message counts as dispatched only once it was processed.
   */
  async runNow<T>(name: string, data: T, jobId: string): Promise<void> {
    const entry = this.registry.get(name);
    if (!entry) throw new Error(`No processor registered for job "${name}"`);
    if (this.mode !== 'inline') throw new Error('runNow is for in-process mode; use enqueue with bull');
    let lastError: unknown;
    for (let attempt = 1; attempt <= entry.options.attempts && !this.closing; attempt++) {
      try {
        await entry.processor(data, { jobId, attempt });
        return;
      } catch (err) {
        lastError = err;
        if (attempt < entry.options.attempts) await sleep(entry.options.backoffMs * 2 ** (attempt - 1));
      }
    }
    throw lastError instanceof Error ? lastError : new Error(`Job ${name} (${jobId}) did not complete`);
  }

  private async runInline(name: string, entry: Registered, data: unknown, jobId: string, delayMs: number): Promise<void> {
    await sleep(delayMs);
    for (let attempt = 1; attempt <= entry.options.attempts && !this.closing; attempt++) {
      try {
        await entry.processor(data, { jobId, attempt });
        return;
      } catch (err) {
        const last = attempt === entry.options.attempts;
        this.logger.warn(`Job ${name} (${jobId}) attempt ${attempt} failed${last ? ', giving up' : ', will retry'}: ${(err as Error).message}`);
        if (!last) await sleep(entry.options.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  /** Waits until in-process jobs are done (tests, shutdown). */
  async drainInline(): Promise<void> {
    while (this.inlinePending.size) await Promise.allSettled([...this.inlinePending]);
  }

  /**
   * Bull mode: whether the queue still holds the job (waiting, delayed,
   * running or completed). False when Redis lost it or it failed for good.
   * Throws when Redis cannot be asked.
   */
  async jobAlive(name: string, jobId: string): Promise<boolean> {
    const queue = this.registry.get(name)?.queue;
    if (!queue) return true;
    const job = await queue.getJob(jobId);
    return !!job && !(await job.isFailed());
  }

  async redisReachable(): Promise<boolean> {
    const first = [...this.registry.values()].find((r) => r.queue)?.queue;
    if (!first) return false;
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 1000)));
      const pong = await Promise.race([first.client.ping(), timeout]).finally(() => clearTimeout(timer));
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.registry.values()].map((r) => r.queue?.close()));
    await this.drainInline();
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
