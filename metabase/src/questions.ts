import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Metabase visualisations a question file may ask for. */
export const DISPLAYS = ['table', 'scalar', 'line', 'bar', 'row', 'area', 'pie'] as const;
export type Display = (typeof DISPLAYS)[number];

/**
 * One native-SQL question, read from a `.sql` file whose leading `-- key: value`
 * comment lines describe it:
 *
 *   -- name: Partisipasi per kecamatan per bulan      (the card's name; unique)
 *   -- display: bar                                    (table | scalar | line | bar | row | area | pie)
 *   -- description: …                                  (shown in Metabase, in Indonesian)
 *   -- columns: bulan, kecamatan, aspirasi             (what the dashboard needs; tests check them)
 *   -- x: bulan, kecamatan                             (charts: dimension columns)
 *   -- y: aspirasi                                     (charts: metric columns)
 *
 * The SQL is everything after the header, sent to Metabase unchanged.
 */
export interface Question {
  file: string;
  name: string;
  display: Display;
  description: string;
  columns: string[];
  dimensions: string[];
  metrics: string[];
  sql: string;
}

export class QuestionFileError extends Error {}

const HEADER = /^--\s*([a-z_]+)\s*:\s*(.*)$/;
const KNOWN_KEYS = new Set(['name', 'display', 'description', 'columns', 'x', 'y']);

export function parseQuestion(file: string, text: string): Question {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const header = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = HEADER.exec(line);
    if (!m) break;
    if (!KNOWN_KEYS.has(m[1])) throw new QuestionFileError(`${file}: unknown header "${m[1]}" (expected ${[...KNOWN_KEYS].join(', ')})`);
    // A repeated key continues the value (long descriptions wrap over lines).
    header.set(m[1], header.has(m[1]) ? `${header.get(m[1])} ${m[2].trim()}` : m[2].trim());
  }
  const sql = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  const require = (key: string) => {
    const v = header.get(key);
    if (!v) throw new QuestionFileError(`${file}: missing header "-- ${key}: …"`);
    return v;
  };
  const list = (key: string) =>
    (header.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  const display = require('display') as Display;
  if (!DISPLAYS.includes(display)) throw new QuestionFileError(`${file}: display "${display}" is not one of ${DISPLAYS.join(', ')}`);
  const question: Question = {
    file,
    name: require('name'),
    display,
    description: require('description'),
    columns: list('columns'),
    dimensions: list('x'),
    metrics: list('y'),
    sql,
  };
  if (!question.columns.length) throw new QuestionFileError(`${file}: missing header "-- columns: …"`);
  if (!sql) throw new QuestionFileError(`${file}: no SQL after the header`);
  if (sql.includes(';')) throw new QuestionFileError(`${file}: one statement only (found ";" inside the SQL)`);
  for (const c of [...question.dimensions, ...question.metrics]) {
    if (!question.columns.includes(c)) throw new QuestionFileError(`${file}: chart column "${c}" is not listed in "-- columns"`);
  }
  if (['line', 'bar', 'row', 'area', 'pie'].includes(display) && (!question.dimensions.length || !question.metrics.length)) {
    throw new QuestionFileError(`${file}: a ${display} chart needs "-- x: …" and "-- y: …"`);
  }
  return question;
}

/** Every `*.sql` file of the directory, in file-name order (which is also the dashboard order). */
export function loadQuestions(dir: string): Question[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  if (!files.length) throw new QuestionFileError(`no .sql question files in ${dir}`);
  const questions = files.map((f) => parseQuestion(basename(f), readFileSync(join(dir, f), 'utf8')));
  const seen = new Map<string, string>();
  for (const q of questions) {
    const other = seen.get(q.name);
    if (other) throw new QuestionFileError(`${q.file} and ${other} both use the name "${q.name}": card names must be unique`);
    seen.set(q.name, q.file);
  }
  return questions;
}
