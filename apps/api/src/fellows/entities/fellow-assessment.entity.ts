import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FellowCohortEntity } from './fellow-cohort.entity';
import { FellowModuleEntity } from './fellow-module.entity';
import { FellowParticipantEntity } from './fellow-participant.entity';

/** A module assessment score (0–100). Retakes are kept; the best score counts. */
@Entity('fellow_assessment')
@Index(['cohortId', 'participantId', 'moduleId'])
@Check('fellow_assessment_score_check', `"score" BETWEEN 0 AND 100`)
export class FellowAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'date' })
  assessedOn!: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => FellowCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: FellowCohortEntity;

  @ManyToOne(() => FellowParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: FellowParticipantEntity;

  @ManyToOne(() => FellowModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id' })
  module?: FellowModuleEntity;
}
