import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KecamatanEntity } from './kecamatan.entity';

@Entity('kelurahan')
export class KelurahanEntity {
  /** Kemendagri code, e.g. 35.77.01.1001 */
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  bpsCode!: string | null;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @ManyToOne(() => KecamatanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kecamatan_code' })
  kecamatan?: KecamatanEntity;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;
}
