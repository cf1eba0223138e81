import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, ReportDocument, TableBlock } from '../report-document';
import { renderBarChartPng } from './bar-chart-png';

function table(b: TableBlock): (Paragraph | Table)[] {
  const weights = b.widths ?? b.columns.map((c) => (c.align === 'right' ? 1 : 2));
  const total = weights.reduce((s, w) => s + w, 0);
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: Math.round((weights[i] / total) * 100), type: WidthType.PERCENTAGE },
            shading: header ? { type: ShadingType.CLEAR, fill: 'DCE6F1', color: 'auto' } : undefined,
            children: [new Paragraph({ alignment: b.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 18 })] })],
          }),
      ),
    });
  return [
    new Paragraph({ children: [new TextRun({ text: b.caption, italics: true })], spacing: { before: 160, after: 80 } }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(b.columns.map((c) => c.header), true), ...b.rows.map((r) => row(r, false))] }),
  ];
}

function chart(b: Extract<Block, { type: 'chart' }>): Paragraph[] {
  const { png, width, height } = renderBarChartPng(b.bars.map((x) => x.value));
  const order = b.bars.map((x) => `${x.label} ${x.value}`).join(', ');
  return [
    new Paragraph({
      spacing: { before: 160 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: width * 0.75, height: height * 0.75 },
          altText: { name: b.caption, title: b.caption, description: `Diagram batang ${b.unit}, dari atas ke bawah: ${order}` },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: `${b.caption} (batang dari atas ke bawah: ${order} ${b.unit})`, italics: true })], spacing: { after: 160 } }),
  ];
}

/**
 * The report as Word (.docx). Document properties carry the title, period
 * and sources; the custom property "fields" holds the field descriptions as
 * JSON (also printed in the "Deskripsi kolom" appendix).
 */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading') children.push(new Paragraph({ text: b.text, heading: b.level === 1 ? HeadingLevel.TITLE : HeadingLevel.HEADING_1 }));
    else if (b.type === 'paragraph') children.push(new Paragraph({ text: b.text, spacing: { after: 120 } }));
    else if (b.type === 'table') children.push(...table(b));
    else children.push(...chart(b));
  }
  const meta = Object.entries(doc.meta).map(([name, value]) => ({ name, value: Array.isArray(value) ? value.join(', ') : (value ?? '') }));
  const document = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: 'Open Governance Hub — Pemerintah Kota Madiun',
    keywords: `open governance; Kota Madiun; ${doc.meta.period}`,
    description: `Deskripsi kolom: lihat lampiran "Deskripsi kolom" dan properti khusus "fields" (JSON).`,
    customProperties: [...meta.filter((m) => m.name !== 'title'), { name: 'fields', value: JSON.stringify(doc.fields) }],
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
