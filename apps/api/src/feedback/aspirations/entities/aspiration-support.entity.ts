import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AspirationEntity } from './aspiration.entity';

/** One support per person per aspiration; the supporter is a hash, never an identity. */
@Entity('aspiration_support')
export class AspirationSupportEntity {
  @PrimaryColumn({ type: 'uuid' })
  aspirationId!: string;

  @PrimaryColumn({ type: 'char', length: 64 })
  supporterHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;
}
