import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FellowCohortEntity } from './fellow-cohort.entity';
import { FellowModuleEntity } from './fellow-module.entity';
import { FellowParticipantEntity } from './fellow-participant.entity';

/** A training session of a cohort, on one module. */
@Entity('fellow_session')
@Index(['cohortId', 'heldOn'])
export class FellowSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @Column({ type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => FellowCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: FellowCohortEntity;

  @ManyToOne(() => FellowModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id' })
  module?: FellowModuleEntity;
}

/** Whether a participant attended a session. */
@Entity('fellow_attendance')
export class FellowAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'boolean' })
  present!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne(() => FellowSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: FellowSessionEntity;

  @ManyToOne(() => FellowParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: FellowParticipantEntity;
}
