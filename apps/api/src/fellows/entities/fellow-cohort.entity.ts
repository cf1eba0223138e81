import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FellowModuleEntity } from './fellow-module.entity';

/** A cohort with its completion rules: attendance share and a passing score in every module. */
@Entity('fellow_cohort')
@Check('fellow_cohort_attendance_check', `"min_attendance_pct" BETWEEN 0 AND 100`)
@Check('fellow_cohort_passing_check', `"passing_score" BETWEEN 0 AND 100`)
export class FellowCohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'smallint', default: 80 })
  minAttendancePct!: number;

  @Column({ type: 'smallint', default: 70 })
  passingScore!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The modules a cohort must pass. */
@Entity('fellow_cohort_module')
export class FellowCohortModuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  moduleId!: string;

  @ManyToOne(() => FellowCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: FellowCohortEntity;

  @ManyToOne(() => FellowModuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_id' })
  module?: FellowModuleEntity;
}
