import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AspirationEntity } from './aspiration.entity';

export const ASPIRATION_EVENT_KINDS = [
  'submitted',
  'status_changed',
  'reply',
  'note',
  'citizen_info',
  'rerouted',
  'category_changed',
  'confirmed',
  'contested',
  'auto_closed',
  'sla_breached',
] as const;
export type AspirationEventKind = (typeof ASPIRATION_EVENT_KINDS)[number];

/** The history of an aspiration: status changes, replies, notes. Public events are shown on the tracking page. */
@Entity('aspiration_event')
@Index(['aspirationId', 'createdAt'])
export class AspirationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  aspirationId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: AspirationEventKind;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  toStatus!: string | null;

  /** Original text (notes, replies, citizen additions). */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** Redacted copy for public display. */
  @Column({ type: 'text', nullable: true })
  publicBody!: string | null;

  @Column({ type: 'boolean' })
  isPublic!: boolean;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** 'citizen', 'system' or the staff role. */
  @Column({ type: 'varchar', length: 20 })
  actorRole!: string;

  @Column({ type: 'integer', nullable: true })
  actorOpdId!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  meta!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;
}
