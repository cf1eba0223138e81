import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work that must follow a change (analysis, notifications), written in the
 * same transaction as the change and dispatched to the queue afterwards, so
 * a Redis outage or a crash loses nothing.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['topic', 'id'], { where: '"dispatched_at" IS NULL' })
@Index('outbox_unprocessed_idx', ['dispatchedAt'], { where: '"dispatched_at" IS NOT NULL AND "processed_at" IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** Set when the job finished: a job handed to Redis is not done until then (Redis may lose it). */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
