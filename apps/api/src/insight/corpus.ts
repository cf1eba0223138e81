import { readFileSync } from 'node:fs';
import { SHIPPED_CORPUS_FILE } from '@ogh/nlp-id';
import { parse } from 'csv-parse/sync';

export interface LabelledText {
  text: string;
  category: string;
  sentiment?: string;
}

/** The labelled corpus shipped with libs/nlp-id: the base of every topic model. */
export function shippedCorpusPath(): string {
  return SHIPPED_CORPUS_FILE;
}

export function readLabelledCsv(path: string): LabelledText[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  return rows.filter((r) => r.text && r.category).map((r) => ({ text: r.text, category: r.category, sentiment: r.sentiment }));
}
