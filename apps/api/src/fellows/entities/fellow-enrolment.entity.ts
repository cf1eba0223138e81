import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FellowCohortEntity } from './fellow-cohort.entity';
import { FellowParticipantEntity } from './fellow-participant.entity';

/** A participant in a cohort; one enrolment per participant and cohort. */
@Entity('fellow_enrolment')
@Index(['cohortId', 'participantId'], { unique: true })
export class FellowEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @Index()
  @Column({ type: 'uuid' })
  participantId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  enrolledAt!: Date;

  @ManyToOne(() => FellowCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: FellowCohortEntity;

  @ManyToOne(() => FellowParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: FellowParticipantEntity;
}
