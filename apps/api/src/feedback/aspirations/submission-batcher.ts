import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatabaseError } from 'pg';
import { DataSource } from 'typeorm';
import { AspirationRepository, NewSubmission } from './aspiration.repository';
import { newTrackingCode } from './tracking-code';

export type SubmissionValues = Omit<NewSubmission, 'trackingCode'>;

interface Pending {
  values: SubmissionValues;
  attempts: number;
  resolve(row: { id: string; trackingCode: string }): void;
  reject(err: unknown): void;
}

/** A tracking code is 39 random bits: a collision is rare, five in a row means something is wrong. */
const MAX_ATTEMPTS = 5;

/**
 * Group commit for submissions without an Idempotency-Key. Submissions that
 * arrive while earlier batches are being written wait and then go to the
 * database together, in one multi-row statement (one commit, one round
 * trip). Nothing waits on a timer: an idle server writes a lone submission
 * at once. Each caller is answered only after the commit of its own row, so
 * a 201 still means the aspiration, its event and its outbox message are
 * durable. When PostgreSQL refuses a batch, its rows are written one by one
 * so that one bad row never fails the others.
 */
@Injectable()
export class SubmissionBatcher implements BeforeApplicationShutdown {
  /** Statements in flight at once: enough to overlap network and commit, few enough to leave the pool to other requests. */
  static readonly MAX_IN_FLIGHT = 3;
  static readonly MAX_BATCH = 64;

  /** Where tracking codes come from; a test swaps it to force a collision. */
  drawCode: () => string = newTrackingCode;

  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AspirationRepository,
  ) {}

  /** Writes the submission with a fresh tracking code; resolves once it is committed. */
  insert(values: SubmissionValues): Promise<{ id: string; trackingCode: string }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ values, attempts: 0, resolve, reject });
      this.schedule();
    });
  }

  /** Lets batches in flight finish before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight || this.queue.length) await new Promise<void>((r) => (this.idle = r));
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length || this.inFlight >= SubmissionBatcher.MAX_IN_FLIGHT) return;
    this.scheduled = true;
    // After the current I/O callbacks: requests parsed in the same turn of the event loop share a batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length && this.inFlight < SubmissionBatcher.MAX_IN_FLIGHT) {
        const batch = this.queue.splice(0, SubmissionBatcher.MAX_BATCH);
        this.inFlight++;
        void this.write(batch).finally(() => {
          this.inFlight--;
          if (!this.inFlight && !this.queue.length) this.idle?.();
          this.schedule();
        });
      }
    });
  }

  private async write(batch: Pending[]): Promise<void> {
    const used = new Set<string>();
    const rows = batch.map((p) => {
      let trackingCode = this.drawCode();
      while (used.has(trackingCode)) trackingCode = this.drawCode();
      used.add(trackingCode);
      p.attempts++;
      return { ...p.values, trackingCode };
    });
    let ids: Map<string, string>;
    try {
      ids = await this.repo.insertSubmissions(rows);
    } catch (err) {
      // Only an error PostgreSQL answered proves the statement rolled back; after a
      // lost connection the batch may have committed, and writing it again would double it.
      if (!(err instanceof DatabaseError)) {
        for (const p of batch) p.reject(err);
        return;
      }
      for (const p of batch) await this.writeAlone(p);
      return;
    }
    const retry: Pending[] = [];
    batch.forEach((p, i) => {
      const id = ids.get(rows[i].trackingCode);
      if (id) p.resolve({ id, trackingCode: rows[i].trackingCode });
      else if (p.attempts >= MAX_ATTEMPTS) p.reject(new Error('Could not allocate a unique tracking code'));
      else retry.push(p);
    });
    // Collided codes go first in the next batch.
    if (retry.length) this.queue.unshift(...retry);
  }

  /** One submission in its own statement, after its batch was refused: its own error is its own answer. */
  private async writeAlone(p: Pending): Promise<void> {
    try {
      while (p.attempts < MAX_ATTEMPTS) {
        p.attempts++;
        const trackingCode = this.drawCode();
        const row = await this.repo.insertSubmission(this.dataSource.manager, { ...p.values, trackingCode });
        if (row) return p.resolve({ id: row.id, trackingCode });
      }
      p.reject(new Error('Could not allocate a unique tracking code'));
    } catch (err) {
      p.reject(err);
    }
  }
}
