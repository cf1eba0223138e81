import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PolicyEntity } from './policy.entity';
import { AspirationEntity } from '../../aspirations/entities/aspiration.entity';

/** Aspirations a policy answers. */
@Entity('policy_aspiration')
export class PolicyAspirationEntity {
  @PrimaryColumn({ type: 'uuid' })
  policyId!: string;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  aspirationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity;

  @ManyToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;
}
