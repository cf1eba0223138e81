import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KotaEntity } from './kota.entity';

@Entity('kecamatan')
export class KecamatanEntity {
  /** Kemendagri code, e.g. 35.77.01 */
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  bpsCode!: string | null;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 13 })
  kotaCode!: string;

  @ManyToOne(() => KotaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kota_code' })
  kota?: KotaEntity;

  /** Known when loaded from BPS through the collector. */
  @Column({ type: 'integer', nullable: true })
  population!: number | null;
}
