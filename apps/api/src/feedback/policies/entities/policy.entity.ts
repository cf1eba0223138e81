import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OpdEntity } from '../../../opd/entities/opd.entity';

export const POLICY_STATUSES = ['draft', 'consultation', 'adopted', 'implemented'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** A policy (kebijakan) of an OPD; public from the moment it is published. */
@Entity('policy')
@Check('policy_status_check', `"status" IN ('draft','consultation','adopted','implemented')`)
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Index()
  @Column({ type: 'integer' })
  opdId!: number;

  @Column({ type: 'varchar', length: 14, default: 'draft' })
  status!: PolicyStatus;

  @Column({ type: 'date', nullable: true })
  consultationStart!: string | null;

  @Column({ type: 'date', nullable: true })
  consultationEnd!: string | null;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: OpdEntity;
}
