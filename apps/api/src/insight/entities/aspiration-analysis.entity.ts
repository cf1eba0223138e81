import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AspirationEntity } from '../../feedback/aspirations/entities/aspiration.entity';

/** What the insight engine found in an aspiration (on its redacted text). */
@Entity('aspiration_analysis')
@Index(['needsReview', 'analyzedAt'])
export class AspirationAnalysisEntity {
  @PrimaryColumn({ type: 'uuid' })
  aspirationId!: string;

  @OneToOne(() => AspirationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity;

  @Column({ type: 'varchar', length: 80 })
  modelVersion!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  predictedCategory!: string;

  @Column({ type: 'real' })
  confidence!: number;

  /** The words that drove the prediction, shown to ASN as the reason. */
  @Column({ type: 'jsonb' })
  reasons!: string[];

  @Column({ type: 'jsonb' })
  alternatives!: { category: string; confidence: number }[];

  @Index()
  @Column({ type: 'varchar', length: 8 })
  sentiment!: 'negatif' | 'netral' | 'positif';

  @Column({ type: 'real' })
  sentimentScore!: number;

  @Column({ type: 'jsonb' })
  keywords!: string[];

  @Column({ type: 'boolean' })
  needsReview!: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  duplicateOf!: string | null;

  @Column({ type: 'real', nullable: true })
  duplicateScore!: number | null;

  /** A Musrenbang proposal in the same kelurahan asking for the same thing: already in the planning pipeline. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  musrenbangProposalId!: string | null;

  @Column({ type: 'real', nullable: true })
  musrenbangScore!: number | null;

  @Column({ type: 'timestamptz' })
  analyzedAt!: Date;
}
