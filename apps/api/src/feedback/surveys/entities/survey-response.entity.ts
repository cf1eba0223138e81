import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AspirationEntity } from '../../aspirations/entities/aspiration.entity';

export const SURVEY_KINDS = ['citizen_satisfaction', 'asn_system'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Satisfaction surveys: citizens about the service (target 4.5), ASN about the system (target 4.2). */
@Entity('survey_response')
@Check('survey_response_kind_check', `"kind" IN ('citizen_satisfaction','asn_system')`)
@Check('survey_response_score_check', `"score" BETWEEN 1 AND 5`)
@Index(['kind', 'createdAt'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: SurveyKind;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', nullable: true })
  publicComment!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  aspirationId!: string | null;

  @Column({ type: 'integer', nullable: true })
  opdId!: number | null;

  @Column({ type: 'uuid', nullable: true })
  respondentUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => AspirationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'aspiration_id' })
  aspiration?: AspirationEntity | null;
}
