import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Weekly aspiration counts per kecamatan and category (weeks start Monday, WIB). */
@Entity('insight_trend_week')
export class InsightTrendWeekEntity {
  @PrimaryColumn({ type: 'date' })
  weekStart!: string;

  @PrimaryColumn({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  categoryCode!: string;

  @Column({ type: 'integer' })
  count!: number;

  @Column({ type: 'numeric', precision: 10, scale: 3, nullable: true })
  per1000!: string | null;
}
