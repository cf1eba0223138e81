import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OkrKeyResultEntity } from './okr-key-result.entity';

/** An owner's check-in on a key result: a note and a confidence from 0 to 10. */
@Entity('okr_check_in')
@Index(['keyResultId', 'createdAt'])
@Check('okr_check_in_confidence_check', `"confidence" BETWEEN 0 AND 10`)
export class OkrCheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  keyResultId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'smallint' })
  confidence!: number;

  @Column({ type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ type: 'varchar', length: 120 })
  authorName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => OkrKeyResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'key_result_id' })
  keyResult?: OkrKeyResultEntity;
}
