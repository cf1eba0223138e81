import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { KelurahanEntity } from '../../regions/entities/kelurahan.entity';

export const PROPOSAL_STATUSES = ['diusulkan', 'diakomodir', 'tidak diakomodir', 'menunggu'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A Musrenbang proposal (e-Musrenbang export or SIPD usulan). Re-imports update in place by the natural key. */
@Entity('musrenbang_proposal')
@Index('musrenbang_proposal_natural_key', ['year', 'stage', 'externalId', 'kelurahanCode'], { unique: true })
@Check('musrenbang_proposal_status_check', `status IN ('diusulkan', 'diakomodir', 'tidak diakomodir', 'menunggu')`)
@Check('musrenbang_proposal_budget_check', `estimated_budget IS NULL OR estimated_budget >= 0`)
export class MusrenbangProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'smallint' })
  year!: number;

  /** kelurahan, kecamatan, kota, pokir, sipd… */
  @Column({ type: 'varchar', length: 40 })
  stage!: string;

  /** "No" of the export or id_usulan of SIPD. */
  @Column({ type: 'varchar', length: 60 })
  externalId!: string;

  @Column({ type: 'date', nullable: true })
  proposedOn!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  proposer!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 13 })
  kelurahanCode!: string;

  @ManyToOne(() => KelurahanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kelurahan_code' })
  kelurahan?: KelurahanEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bidang!: string | null;

  @Column({ type: 'text', nullable: true })
  problem!: string | null;

  @Column({ type: 'text' })
  proposal!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'numeric', nullable: true })
  volume!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  unit!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  estimatedBudget!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  opdInitial!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  opdFinal!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: ProposalStatus;

  /** Reason for rejection or the recommendation. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
