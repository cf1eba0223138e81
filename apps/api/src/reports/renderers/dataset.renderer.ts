import { PARTICIPATION_FIELDS, PARTICIPATION_PRIMARY_KEY } from '../report-fields';
import { ReportData, REPORT_SOURCES } from '../report-data';

export const PARTICIPATION_TITLE = 'Partisipasi warga per kecamatan';

/** The participation dataset as JSON: `fields` describes each column of `data`. */
export function renderParticipationJson(data: ReportData): Buffer {
  const body = {
    title: `${PARTICIPATION_TITLE} — ${data.period.label}`,
    period: data.period.code,
    period_start: data.period.firstDay,
    period_end: data.period.lastDay,
    generated_at: data.generatedAt.toISOString(),
    data_as_of: data.dataAsOf ? data.dataAsOf.toISOString() : null,
    publisher: 'Pemerintah Kota Madiun',
    source: REPORT_SOURCES,
    primary_key: PARTICIPATION_PRIMARY_KEY,
    fields: PARTICIPATION_FIELDS,
    data: data.participation,
    totals: data.totals,
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

/** RFC 4180: quote a value that holds a comma, quote or line break. */
function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The participation dataset as plain CSV (header row, CRLF, UTF-8, dot
 * decimals): no comment lines, so any CSV reader opens it. Its description
 * is the Table Schema stored with the report (/api/reports/:id/schema).
 */
export function renderParticipationCsv(data: ReportData): Buffer {
  const names = PARTICIPATION_FIELDS.map((f) => f.name);
  const lines = [names.join(','), ...data.participation.map((r) => names.map((n) => csvValue(r[n as keyof typeof r])).join(','))];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
