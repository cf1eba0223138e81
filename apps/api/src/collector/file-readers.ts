import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { RawRow, RunFailure } from './pipeline';

export interface ColumnRules {
  required: readonly string[];
  optional: readonly string[];
  aliases?: Record<string, string>;
}

function renameColumns(header: string[], rules: ColumnRules): string[] {
  const columns = header.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim()).map((h) => rules.aliases?.[h] ?? h);
  const known = new Set([...rules.required, ...rules.optional]);
  const missing = rules.required.filter((c) => !columns.includes(c));
  const unexpected = columns.filter((c) => c !== '' && !known.has(c));
  if (missing.length || unexpected.length) {
    const parts: string[] = [];
    if (missing.length) parts.push(`missing columns: ${missing.join(', ')}`);
    if (unexpected.length) parts.push(`unexpected columns: ${unexpected.join(', ')}`);
    throw new RunFailure(`The file does not have the expected columns (${parts.join('; ')})`);
  }
  return columns;
}

/** Streams CSV records (constant memory); the header is checked before the first row. */
export async function* csvRows(input: Readable | string, rules: ColumnRules): AsyncGenerator<RawRow> {
  const parser = parse({ bom: true, skip_empty_lines: true, skip_records_with_error: true, columns: (header: string[]) => renameColumns(header, rules) });
  // A malformed record (bad quoting, wrong number of fields) is skipped by the parser and reported as a rejected row,
  // in file order: `after` is the number of good records parsed before it.
  const skipped: { after: number; reason: string }[] = [];
  parser.on('skip', (err: Error & { records?: number }) => skipped.push({ after: err.records ?? 0, reason: `malformed CSV record: ${err.message}` }));
  if (typeof input === 'string') {
    parser.end(input);
  } else {
    input.on('error', (err) => parser.destroy(err));
    input.pipe(parser);
  }
  let row = 0;
  let good = 0;
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    while (skipped.length && skipped[0].after <= good) yield { row: ++row, data: {}, error: skipped.shift()?.reason };
    good++;
    yield { row: ++row, data: record };
  }
  while (skipped.length) yield { row: ++row, data: {}, error: skipped.shift()?.reason };
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v == null) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return v.text;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    return '';
  }
  return v;
}

/** Reads the first worksheet of an XLSX through the same row pipeline. */
export async function* xlsxRows(input: Readable | Buffer, rules: ColumnRules): AsyncGenerator<RawRow> {
  const wb = new ExcelJS.Workbook();
  if (Buffer.isBuffer(input)) await wb.xlsx.load(input as unknown as ArrayBuffer);
  else await wb.xlsx.read(input);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new RunFailure('The workbook has no worksheet');
  let columns: string[] | null = null;
  let row = 0;
  for (let i = 1; i <= sheet.rowCount; i++) {
    const r = sheet.getRow(i);
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (!columns) {
      columns = renameColumns(values.map((v) => String(v)), rules);
      continue;
    }
    if (values.every((v) => v === '' || v == null)) continue;
    const data: Record<string, unknown> = {};
    columns.forEach((c, idx) => (data[c] = values[idx] ?? ''));
    yield { row: ++row, data };
  }
  if (!columns) throw new RunFailure('The worksheet is empty');
}
