import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { KecamatanEntity } from '../../../regions/entities/kecamatan.entity';

/** A public consultation forum and its attendance (the blueprint's "-12% since 2022"). */
@Entity('forum_event')
@Check('forum_event_attendance_check', `"attendance" >= 0`)
@Index(['kecamatanCode', 'heldOn'])
export class ForumEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 13 })
  kecamatanCode!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  @Column({ type: 'integer' })
  attendance!: number;

  @Column({ type: 'integer', nullable: true })
  opdId!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => KecamatanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kecamatan_code' })
  kecamatan?: KecamatanEntity;
}
