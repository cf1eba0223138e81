import type { AspirationChannel, AspirationStatus } from '@ogh/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PolicyEntity } from '../../policies/entities/policy.entity';
import { KelurahanEntity } from '../../../regions/entities/kelurahan.entity';
import { OpdEntity } from '../../../opd/entities/opd.entity';
import { CategoryEntity } from '../../../categories/entities/category.entity';

/**
 * A citizen's aspiration. Free text is kept twice: the original (seen only by
 * the assigned OPD and admins) and a redacted copy used for every public
 * answer and for analysis. Contact details live in aspiration_contact.
 */
@Entity('aspiration')
@Check('aspiration_status_check', `"status" IN ('received','verified','in_progress','resolved','rejected','adopted')`)
@Check('aspiration_channel_check', `"channel" IN ('portal','whatsapp','sms','forum','musrenbang','other')`)
@Check('aspiration_satisfaction_check', `"satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5`)
@Index(['opdId', 'status', 'dueAt'])
@Index(['kecamatanCode', 'submittedAt'])
@Index(['categoryCode', 'submittedAt'])
export class AspirationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short public code, e.g. "MDN-7K3Q9X": random, unambiguous characters. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  trackingCode!: string;

  /** SHA-256 of the follow-up key shown once to the citizen. */
  @Column({ type: 'char', length: 64 })
  followUpKeyHash!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  publicTitle!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  publicText!: string;

  @Column({ type: 'varchar', length: 40 })
  categoryCode!: string;

  /** Who chose the category: the citizen, the system, or an ASN correction. */
  @Column({ type: 'varchar', length: 10 })
  categorySource!: 'citizen' | 'auto' | 'asn';

  @Column({ type: 'varchar', length: 13 })
  kelurahanCode!: string;

  @Column({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publicAddress!: string | null;

  @Column({ type: 'varchar', length: 12 })
  channel!: AspirationChannel;

  @Column({ type: 'varchar', length: 12, default: 'received' })
  status!: AspirationStatus;

  /** The OPD the aspiration is routed to (indexed by the inbox index, which starts with it). */
  @Column({ type: 'integer' })
  opdId!: number;

  @Column({ type: 'uuid', nullable: true })
  policyId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submitterUserId!: string | null;

  @Column({ type: 'boolean', default: true })
  isAnonymous!: boolean;

  @Column({ type: 'integer', default: 0 })
  supportCount!: number;

  @Index()
  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstReplyAt!: Date | null;

  /** When the follow-up plan was made (entered in_progress). */
  @Column({ type: 'timestamptz', nullable: true })
  plannedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** Closed: confirmed by the citizen, auto-closed, rejected or adopted. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  closeReason!: 'confirmed' | 'auto' | 'rejected' | 'adopted' | null;

  /** SLA deadlines (LAPOR!/SP4N): verify by 3, plan by 5, auto-close 10 working days after resolution. */
  @Column({ type: 'timestamptz' })
  dueVerifyAt!: Date;

  @Column({ type: 'timestamptz' })
  duePlanAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dueCloseAt!: Date | null;

  /** The next deadline that matters for this aspiration's current state; null when closed. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  breachedVerify!: boolean;

  @Column({ type: 'boolean', default: false })
  breachedPlan!: boolean;

  @Column({ type: 'smallint', nullable: true })
  satisfaction!: number | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'integer', default: 0 })
  reopenCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code' })
  category?: CategoryEntity;

  @ManyToOne(() => KelurahanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kelurahan_code' })
  kelurahan?: KelurahanEntity;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: OpdEntity;

  @ManyToOne(() => PolicyEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity | null;
}
