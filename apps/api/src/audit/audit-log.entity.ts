import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of who did what. No foreign keys: entries outlive what they describe. */
@Entity('audit_log')
@Index(['entityType', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
