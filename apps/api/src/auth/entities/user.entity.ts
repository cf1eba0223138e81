import { Role } from '@ogh/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OpdEntity } from '../../opd/entities/opd.entity';

@Entity('app_user')
@Check('app_user_role_check', `"role" IN ('admin','asn','bappeda','trainer','citizen','bi_reader')`)
@Check('app_user_asn_opd_check', `"role" <> 'asn' OR "opd_id" IS NOT NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Index()
  @Column({ type: 'integer', nullable: true })
  opdId!: number | null;

  @ManyToOne(() => OpdEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'opd_id' })
  opd?: OpdEntity | null;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
