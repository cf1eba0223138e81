import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The city or regency of this edition (Kota Madiun by default). */
@Entity('kota')
export class KotaEntity {
  /** Kemendagri code, e.g. 35.77 */
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  bpsCode!: string | null;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 3, nullable: true })
  areaKm2!: string | null;
}
