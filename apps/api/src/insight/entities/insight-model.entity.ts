import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A trained model version; exactly one per kind is active. */
@Entity('insight_model')
@Index('insight_model_one_active', ['kind'], { unique: true, where: '"is_active"' })
export class InsightModelEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: 'topic';

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80 })
  version!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  trainedAt!: Date;

  /** Examples from the shipped corpus and from ASN corrections. */
  @Column({ type: 'integer' })
  corpusExamples!: number;

  @Column({ type: 'integer' })
  correctionExamples!: number;

  /** k-fold cross-validation: macro-F1, accuracy, per class. */
  @Column({ type: 'jsonb' })
  metrics!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  model!: unknown;

  @Column({ type: 'boolean', default: false })
  isActive!: boolean;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
