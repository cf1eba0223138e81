import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FellowCohortEntity } from './fellow-cohort.entity';
import { FellowParticipantEntity } from './fellow-participant.entity';

/** A "Citizen Data Fellow" certificate: one per participant and cohort, with a unique number. */
@Entity('fellow_certificate')
@Index(['participantId', 'cohortId'], { unique: true })
export class FellowCertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. CDF-2026-7K3Q9XWA */
  @Column({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @ManyToOne(() => FellowParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: FellowParticipantEntity;

  @ManyToOne(() => FellowCohortEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: FellowCohortEntity;
}
