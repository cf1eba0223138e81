import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A city office (organisasi perangkat daerah / dinas). */
@Entity('opd')
export class OpdEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stable short identifier, e.g. "dinas-kesehatan". */
  @Column({ type: 'varchar', length: 60, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 160, unique: true })
  name!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;
}
