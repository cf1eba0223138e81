import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OpdEntity } from '../../opd/entities/opd.entity';

/** Aspiration topic; the code is a stable identifier (shared/data/categories.csv). */
@Entity('category')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 160 })
  labelId!: string;

  @Column({ type: 'varchar', length: 160 })
  labelEn!: string;

  @Index()
  @Column({ type: 'integer' })
  defaultOpdId!: number;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'default_opd_id' })
  defaultOpd?: OpdEntity;

  @Column({ type: 'smallint' })
  sortOrder!: number;
}
