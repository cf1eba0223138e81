import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A value of a statistical indicator for a region and period, from any source (BPS, Open Data Jatim, CKAN…). */
@Entity('indicator_observation')
@Index('indicator_observation_natural_key', ['source', 'indicator', 'regionCode', 'period'], { unique: true })
export class IndicatorObservationEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** e.g. "bps:3577", "opendata-jatim:dinkes/…", or a data source name. */
  @Column({ type: 'varchar', length: 120 })
  source!: string;

  @Column({ type: 'varchar', length: 300 })
  indicator!: string;

  /** A Kemendagri/BPS region code or a region label when the source has no code. */
  @Column({ type: 'varchar', length: 120 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 60 })
  period!: string;

  @Column({ type: 'numeric', nullable: true })
  value!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  unit!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceId!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
