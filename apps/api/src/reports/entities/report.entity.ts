import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldDescription } from '../report-fields';

export const REPORT_KINDS = ['policy_summary', 'participation', 'final_report'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['md', 'json', 'csv', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * One generated report file. A generation run writes a set of files that
 * share `generationId`; one document offered in two formats (the
 * participation dataset as JSON and CSV, the final report as DOCX and PDF)
 * shares its `kind`. Files are kept whole in the database (they are small)
 * and never change after generation: a new run writes new rows.
 */
@Entity('report')
@Index(['period', 'generatedAt'])
@Index('report_published_idx', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
@Check('report_kind_check', `"kind" IN ('policy_summary','participation','final_report')`)
@Check('report_format_check', `"format" IN ('md','json','csv','docx','pdf')`)
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  generationId!: string;

  /** Calendar quarter in WIB, e.g. 2026-Q4. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ReportKind;

  @Column({ type: 'varchar', length: 4 })
  format!: ReportFormat;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 120 })
  fileName!: string;

  @Column({ type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** Machine-readable description of the file's fields (a Frictionless Table Schema). */
  @Column({ type: 'jsonb' })
  fields!: { fields: FieldDescription[]; primaryKey?: string[] };

  /** When the analytics views it was built from were last refreshed. */
  @Column({ type: 'timestamptz', nullable: true })
  dataAsOf!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  generatedAt!: Date;

  /** Null when the quarterly job generated it. */
  @Column({ type: 'uuid', nullable: true })
  generatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
