import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OpdEntity } from '../../opd/entities/opd.entity';
import { OkrCycleEntity } from './okr-cycle.entity';

/** An objective of a cycle, owned by one OPD. */
@Entity('okr_objective')
@Index(['cycleId', 'code'], { unique: true })
export class OkrObjectiveEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cycleId!: string;

  /** Stable within the cycle; lets the default-cycle seed stay idempotent. */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Index()
  @Column({ type: 'integer' })
  ownerOpdId!: number;

  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OkrCycleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: OkrCycleEntity;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_opd_id' })
  ownerOpd?: OpdEntity;
}
