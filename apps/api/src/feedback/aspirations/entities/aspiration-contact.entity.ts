import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AspirationEntity } from './aspiration.entity';

/**
 * Contact details, apart from the aspiration and encrypted at rest
 * (AES-256-GCM). The keyed hash finds repeat reporters without decrypting.
 */
@Entity('aspiration_contact')
export class AspirationContactEntity {
  @PrimaryColumn({ type: 'uuid' })
  aspirationId!: string;

  @Column({ type: 'bytea', nullable: true })
  nameEnc!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  phoneEnc!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  emailEnc!: Buffer | null;

  /** HMAC of the normalised e-mail or phone. */
  @Index()
  @Column({ type: 'char', length: 64, nullable: true })
  contactHash!: string | null;

  @Column({ type: 'boolean' })
  consent!: boolean;

  @Column({ type: 'boolean', default: false })
  wantsEmail!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;
}
