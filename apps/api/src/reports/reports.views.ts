import type { FieldDescription } from './report-fields';
import type { ReportEntity, ReportFormat, ReportKind } from './entities/report.entity';

/** A report file in a listing: everything but the bytes, with where to get them. */
export interface ReportView {
  id: string;
  generationId: string;
  period: string;
  kind: ReportKind;
  format: ReportFormat;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fields: { fields: FieldDescription[]; primaryKey?: string[] };
  dataAsOf: string | null;
  generatedAt: string;
  publishedAt: string | null;
  downloadUrl: string;
  schemaUrl: string;
}

export function toReportView(r: ReportEntity): ReportView {
  return {
    id: r.id,
    generationId: r.generationId,
    period: r.period,
    kind: r.kind,
    format: r.format,
    title: r.title,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    fields: r.fields,
    dataAsOf: r.dataAsOf ? r.dataAsOf.toISOString() : null,
    generatedAt: r.generatedAt.toISOString(),
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    downloadUrl: `/api/reports/${r.id}/download`,
    schemaUrl: `/api/reports/${r.id}/schema`,
  };
}
