import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OkrKeyResultEntity } from './okr-key-result.entity';

/** History of a key result's values: one row per recomputation or manual update. */
@Entity('okr_key_result_value')
@Index(['keyResultId', 'recordedAt'])
@Check('okr_key_result_value_source_check', `"source" IN ('auto','manual')`)
export class OkrKeyResultValueEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  keyResultId!: string;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'double precision', nullable: true })
  progress!: number | null;

  @Column({ type: 'varchar', length: 9 })
  status!: string;

  @Column({ type: 'varchar', length: 6 })
  source!: 'auto' | 'manual';

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne(() => OkrKeyResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'key_result_id' })
  keyResult?: OkrKeyResultEntity;
}
