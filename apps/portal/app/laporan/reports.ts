/** The API's view of an open report file (GET /api/reports). */
export interface ReportFile {
  id: string;
  generationId: string;
  period: string;
  kind: 'policy_summary' | 'participation' | 'final_report';
  format: 'md' | 'json' | 'csv' | 'docx' | 'pdf';
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fields: { fields: { name: string; type: string; unit?: string; description: string; table?: string }[] };
  dataAsOf: string | null;
  generatedAt: string;
  publishedAt: string | null;
  downloadUrl: string;
  schemaUrl: string;
}

/** One document of a set: the same report in one or more formats. */
export interface ReportDocument {
  key: string;
  kind: ReportFile['kind'];
  title: string;
  publishedAt: string | null;
  dataAsOf: string | null;
  files: ReportFile[];
}

export const FORMAT_LABEL: Record<ReportFile['format'], string> = { pdf: 'PDF', docx: 'Word (DOCX)', md: 'Markdown', csv: 'CSV', json: 'JSON' };
const FORMAT_ORDER: ReportFile['format'][] = ['pdf', 'docx', 'md', 'csv', 'json'];
const KIND_ORDER: ReportFile['kind'][] = ['final_report', 'policy_summary', 'participation'];
const ROMAN = ['I', 'II', 'III', 'IV'];

/** Files grouped by quarter (newest first), then by document. */
export function groupReports(files: ReportFile[]): { period: string; documents: ReportDocument[] }[] {
  const periods = new Map<string, Map<string, ReportDocument>>();
  for (const f of files) {
    const docs = periods.get(f.period) ?? new Map<string, ReportDocument>();
    periods.set(f.period, docs);
    const key = `${f.generationId}:${f.kind}`;
    const doc = docs.get(key) ?? { key, kind: f.kind, title: f.title, publishedAt: f.publishedAt, dataAsOf: f.dataAsOf, files: [] };
    doc.files.push(f);
    if (f.publishedAt && (!doc.publishedAt || f.publishedAt < doc.publishedAt)) doc.publishedAt = f.publishedAt;
    docs.set(key, doc);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([period, docs]) => ({
      period,
      documents: [...docs.values()]
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
        .map((d) => ({ ...d, files: d.files.sort((x, y) => FORMAT_ORDER.indexOf(x.format) - FORMAT_ORDER.indexOf(y.format)) })),
    }));
}

/** "2026-Q4" → { q: 'IV', year: '2026' } */
export function quarterParts(period: string): { q: string; year: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? { q: ROMAN[Number(m[2]) - 1], year: m[1] } : { q: period, year: '' };
}

export function fileSize(bytes: number, tag: string): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toLocaleString(tag, { maximumFractionDigits: bytes < 10_240 ? 1 : 0 })} KB`;
}
