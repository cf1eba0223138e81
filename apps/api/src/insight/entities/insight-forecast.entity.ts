import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Forecast of weekly participation per kecamatan ('*' = whole city), with the backtest error of the method. */
@Entity('insight_forecast')
export class InsightForecastEntity {
  @PrimaryColumn({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @PrimaryColumn({ type: 'date' })
  weekStart!: string;

  @Column({ type: 'real' })
  predicted!: number;

  @Column({ type: 'real', nullable: true })
  lower!: number | null;

  @Column({ type: 'real', nullable: true })
  upper!: number | null;

  @Column({ type: 'varchar', length: 40 })
  method!: string;

  @Column({ type: 'real', nullable: true })
  backtestSmape!: number | null;

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;
}
