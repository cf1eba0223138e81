import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A phase of a cycle, in weeks counted from the cycle's first day (week 1). */
export interface OkrPhase {
  name: string;
  startWeek: number;
  endWeek: number;
}

/** A 90-day OKR cycle (blueprint sections 5 and 9, Grand Design 3 and 7). Dates are WIB calendar days. */
@Entity('okr_cycle')
export class OkrCycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable identifier, e.g. "okr-2026-q1" (the default cycle). */
  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  /** The period that relative metrics (growth, change) compare against. */
  @Column({ type: 'date' })
  baselineStart!: string;

  @Column({ type: 'date' })
  baselineEnd!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  phases!: OkrPhase[];

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
