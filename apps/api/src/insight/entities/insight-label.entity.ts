import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AspirationEntity } from '../../feedback/aspirations/entities/aspiration.entity';

/** An ASN's category correction, kept as a training label (the latest one counts). */
@Entity('insight_label')
export class InsightLabelEntity {
  @PrimaryColumn({ type: 'uuid' })
  aspirationId!: string;

  @OneToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;

  @Column({ type: 'varchar', length: 40 })
  categoryCode!: string;

  @Column({ type: 'uuid', nullable: true })
  labelledBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
