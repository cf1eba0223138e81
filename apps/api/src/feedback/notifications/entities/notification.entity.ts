import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message sent (or being sent). The dedupe key makes delivery idempotent:
 * a job that runs twice finds the message already sent.
 */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 10 })
  channel!: 'email';

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  aspirationId!: string | null;

  @Column({ type: 'integer', nullable: true })
  opdId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: 'pending' | 'sent' | 'failed' | 'skipped';

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
