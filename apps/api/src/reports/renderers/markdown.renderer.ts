import type { ReportDocument } from '../report-document';

/**
 * YAML scalars written as JSON strings: a JSON string is a valid YAML
 * double-quoted scalar, so no YAML library is needed to write it safely.
 */
const scalar = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** The front matter: the document's metadata and its field descriptions. */
export function frontMatter(doc: ReportDocument): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(doc.meta)) {
    if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((v) => `  - ${scalar(v)}`));
    else lines.push(`${key}: ${scalar(value)}`);
  }
  lines.push('fields:');
  for (const f of doc.fields) {
    lines.push(`  - name: ${scalar(f.name)}`);
    if (f.table) lines.push(`    table: ${scalar(f.table)}`);
    lines.push(`    type: ${scalar(f.type)}`);
    if (f.unit) lines.push(`    unit: ${scalar(f.unit)}`);
    lines.push(`    description: ${scalar(f.description)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** Table cells may not hold pipes or line breaks. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderMarkdown(doc: ReportDocument): Buffer {
  const out: string[] = [frontMatter(doc), ''];
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${b.text}`, '');
    else if (b.type === 'paragraph') out.push(b.text, '');
    else if (b.type === 'table') {
      out.push(`*${b.caption}*`, '');
      out.push(`| ${b.columns.map((c) => cell(c.header)).join(' | ')} |`);
      out.push(`| ${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
      for (const r of b.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    } else {
      out.push(`*${b.caption}*`, '', ...b.bars.map((bar) => `- ${bar.label}: ${bar.value} ${b.unit}`), '');
    }
  }
  return Buffer.from(out.join('\n'), 'utf8');
}
