import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { PolicyEntity } from './policy.entity';

/** One rating per person per policy (may be updated); an abusive comment can be hidden with a reason. */
@Entity('policy_rating')
@Unique('policy_rating_once', ['policyId', 'raterHash'])
@Check('policy_rating_score_check', `"score" BETWEEN 1 AND 5`)
export class PolicyRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  policyId!: string;

  @Column({ type: 'char', length: 64 })
  raterHash!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', nullable: true })
  publicComment!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  hiddenReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity;
}
