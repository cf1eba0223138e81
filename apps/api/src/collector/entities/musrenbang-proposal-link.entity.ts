import { Check, CreateDateColumn, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AspirationEntity } from '../../feedback/aspirations/entities/aspiration.entity';
import { PolicyEntity } from '../../feedback/policies/entities/policy.entity';
import { MusrenbangProposalEntity } from './musrenbang-proposal.entity';

/** The proposal → policy funnel: a proposal linked to a policy or to an aspiration (exactly one of them). */
@Entity('musrenbang_proposal_link')
@Index('musrenbang_proposal_link_policy_uq', ['proposalId', 'policyId'], { unique: true, where: 'policy_id IS NOT NULL' })
@Index('musrenbang_proposal_link_aspiration_uq', ['proposalId', 'aspirationId'], { unique: true, where: 'aspiration_id IS NOT NULL' })
@Check('musrenbang_proposal_link_one_target', `(policy_id IS NULL) <> (aspiration_id IS NULL)`)
export class MusrenbangProposalLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => MusrenbangProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: MusrenbangProposalEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  policyId!: string | null;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  aspirationId!: string | null;

  @ManyToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
