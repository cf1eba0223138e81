import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OkrObjectiveEntity } from './okr-objective.entity';

export const KR_MODES = ['auto', 'manual'] as const;
export type KrMode = (typeof KR_MODES)[number];
export const KR_DIRECTIONS = ['increase', 'decrease'] as const;
export type KrDirection = (typeof KR_DIRECTIONS)[number];
export const KR_STATUSES = ['on-track', 'at-risk', 'off-track', 'no-data'] as const;
export type KrStatus = (typeof KR_STATUSES)[number];

/** A key result: measured from a registered metric (auto) or updated by hand (manual). */
@Entity('okr_key_result')
@Index(['objectiveId', 'code'], { unique: true })
@Check('okr_key_result_mode_check', `"mode" IN ('auto','manual')`)
@Check('okr_key_result_direction_check', `"direction" IN ('increase','decrease')`)
@Check('okr_key_result_status_check', `"status" IN ('on-track','at-risk','off-track','no-data')`)
@Check('okr_key_result_metric_check', `("mode" = 'auto') = ("metric_key" IS NOT NULL)`)
export class OkrKeyResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  objectiveId!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 6 })
  mode!: KrMode;

  @Column({ type: 'varchar', length: 60, nullable: true })
  metricKey!: string | null;

  /** Metric options, e.g. { "activeWithinDays": 60 }. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  metricParams!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20 })
  unit!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: KrDirection;

  @Column({ type: 'double precision' })
  baseline!: number;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'double precision', nullable: true })
  currentValue!: number | null;

  /** 0.0–1.0; null while there is no value. */
  @Column({ type: 'double precision', nullable: true })
  progress!: number | null;

  @Column({ type: 'varchar', length: 9, default: 'no-data' })
  status!: KrStatus;

  /** Why there is no value (e.g. the metric's source does not exist yet). */
  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  computedAt!: Date | null;

  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OkrObjectiveEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id' })
  objective?: OkrObjectiveEntity;
}
