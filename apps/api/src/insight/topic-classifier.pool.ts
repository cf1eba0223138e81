import { TOPIC_WORKER_FILE, type TopicGuess, type TopicModelJSON } from '@ogh/nlp-id';
import { Piscina } from 'piscina';

interface Waiting {
  text: string;
  resolve(guess: TopicGuess | null): void;
  reject(err: unknown): void;
}

/**
 * Topic classification of one model version on worker threads (piscina), so
 * that assigning a category at intake does not hold up the thread that
 * answers HTTP. Texts asked for in the same turn of the event loop travel to
 * a worker as one batch: one message each way instead of one per text.
 * Threads start on first use.
 */
export class TopicClassifierPool {
  private pool?: Piscina;
  private waiting: Waiting[] = [];
  private scheduled = false;
  private destroyed = false;
  /** Why the threads stopped (a worker that cannot start, or crashed); from then on every text is refused. */
  private failure?: Error;

  /** Upper bound on texts per message, so one burst is spread over all threads. */
  static readonly MAX_BATCH = 64;

  constructor(
    private readonly topic: TopicModelJSON,
    private readonly threads: number,
  ) {}

  classify(text: string): Promise<TopicGuess | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Texts still waiting are refused (their callers fall back); threads end after their current batch. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.destroyed || this.failure) {
      const err = this.failure ?? new Error('Topic classifier pool was closed');
      for (const w of this.waiting.splice(0)) w.reject(err);
      return;
    }
    if (!this.pool) {
      this.pool = new Piscina({
        filename: TOPIC_WORKER_FILE,
        workerData: { topic: this.topic },
        minThreads: this.threads,
        maxThreads: this.threads,
        // a worker holds a model and a wink instance: keep them instead of rebuilding after a quiet spell
        idleTimeout: Number.POSITIVE_INFINITY,
      });
      // Without a listener a worker's crash would be thrown in the main thread; and piscina would
      // start replacement workers that fail the same way. Stop instead: callers fall back.
      this.pool.on('error', (err: Error) => {
        this.failure ??= err;
        void this.destroy();
      });
    }
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, TopicClassifierPool.MAX_BATCH);
      (this.pool.run(batch.map((w) => w.text)) as Promise<(TopicGuess | null)[]>).then(
        (guesses) => batch.forEach((w, i) => w.resolve(guesses[i])),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      );
    }
  }
}
