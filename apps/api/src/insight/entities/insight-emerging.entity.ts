import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category whose weekly count rose significantly above its recent baseline (city-wide: kecamatan '*'). */
@Entity('insight_emerging')
export class InsightEmergingEntity {
  @PrimaryColumn({ type: 'date' })
  weekStart!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  categoryCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @Column({ type: 'integer' })
  count!: number;

  @Column({ type: 'real' })
  baseline!: number;

  @Column({ type: 'double precision' })
  pValue!: number;

  @Column({ type: 'jsonb' })
  keywords!: string[];

  @Column({ type: 'timestamptz' })
  detectedAt!: Date;
}
