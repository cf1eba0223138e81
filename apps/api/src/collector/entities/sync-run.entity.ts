import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataSourceEntity } from './data-source.entity';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'partial', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RejectedSample {
  row: number;
  reason: string;
}

/** One sync of a source, or one file import (source null). */
@Entity('sync_run')
@Index('sync_run_source_created_idx', ['sourceId', 'createdAt'])
@Check('sync_run_status_check', `status IN ('queued', 'running', 'succeeded', 'partial', 'failed')`)
export class SyncRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  sourceId!: string | null;

  @ManyToOne(() => DataSourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: DataSourceEntity;

  /** What ran: 'source', 'import:musrenbang', 'import:indicator'. */
  @Column({ type: 'varchar', length: 40, default: 'source' })
  trigger!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  jobId!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: RunStatus;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'integer', default: 0 })
  rowsInserted!: number;

  @Column({ type: 'integer', default: 0 })
  rowsUpdated!: number;

  @Column({ type: 'integer', default: 0 })
  rowsUnchanged!: number;

  @Column({ type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  rejectedSamples!: RejectedSample[];

  /** Incremental state handed to the next run. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  cursor!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  etag!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastModified!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
