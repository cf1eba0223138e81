import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OpdEntity } from '../../opd/entities/opd.entity';

export const PARTICIPANT_KINDS = ['asn', 'warga'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/**
 * A participant of the Citizen Data Fellows programme. Minimal personal data:
 * a name, an optional name to publish on the certificate check, and a
 * contact (e-mail / phone) kept encrypted (AES-256-GCM).
 */
@Entity('fellow_participant')
@Check('fellow_participant_kind_check', `"kind" IN ('asn','warga')`)
export class FellowParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 5 })
  kind!: ParticipantKind;

  @Column({ type: 'varchar', length: 120 })
  fullName!: string;

  /** The name the fellow agreed to publish; null: nothing is shown publicly. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  publicName!: string | null;

  @Column({ type: 'bytea', nullable: true })
  emailEnc!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  phoneEnc!: Buffer | null;

  /** Keyed hash of the normalised e-mail, to refuse duplicates without decrypting. */
  @Index({ unique: true, where: '"email_hash" IS NOT NULL' })
  @Column({ type: 'char', length: 64, nullable: true })
  emailHash!: string | null;

  @Column({ type: 'integer', nullable: true })
  opdId!: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'opd_id' })
  opd?: OpdEntity | null;
}
