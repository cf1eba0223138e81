import PDFDocument from 'pdfkit';
import type { Block, ReportDocument, TableBlock } from '../report-document';

const BLUE = '#1f4e79';
const MARGIN = 50;

type Doc = InstanceType<typeof PDFDocument>;

/** Starts a new page when less than `height` points are left. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function table(doc: Doc, b: TableBlock): void {
  ensureRoom(doc, 60);
  doc.font('Helvetica-Oblique').fontSize(9).fillColor('#333333').text(b.caption, MARGIN, doc.y);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(8).fillColor('#000000');
  const weights = b.widths ?? b.columns.map((c) => (c.align === 'right' ? 1 : 2));
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => ((doc.page.width - 2 * MARGIN) * w) / total);
  doc.table({
    position: { x: MARGIN, y: doc.y },
    maxWidth: doc.page.width - 2 * MARGIN,
    defaultStyle: { padding: [3, 4, 3, 4], border: 0.5, borderColor: '#999999' },
    columnStyles: (i: number) => ({ width: widths[i], ...(b.columns[i]?.align === 'right' ? { align: { x: 'right' as const, y: 'top' as const } } : {}) }),
    data: [b.columns.map((c) => ({ text: c.header, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#dce6f1' })), ...b.rows],
  });
  doc.moveDown(0.8);
}

/** Vector bars with their labels and values. */
function chart(doc: Doc, b: Extract<Block, { type: 'chart' }>): void {
  const barH = 16;
  const gap = 8;
  const labelW = 110;
  const height = 20 + b.bars.length * (barH + gap);
  ensureRoom(doc, height + 20);
  doc.font('Helvetica-Oblique').fontSize(9).fillColor('#333333').text(b.caption, MARGIN, doc.y);
  const top = doc.y + 6;
  const room = doc.page.width - 2 * MARGIN - labelW - 50;
  const max = Math.max(1, ...b.bars.map((x) => x.value));
  b.bars.forEach((bar, i) => {
    const y = top + i * (barH + gap);
    doc.font('Helvetica').fontSize(9).fillColor('#000000').text(bar.label, MARGIN, y + 4, { width: labelW - 8, lineBreak: false });
    const w = Math.max(0, (bar.value / max) * room);
    if (w > 0) doc.rect(MARGIN + labelW, y, w, barH).fill(BLUE);
    doc.fillColor('#000000').text(`${bar.value}`, MARGIN + labelW + w + 6, y + 4, { lineBreak: false });
  });
  doc.moveTo(MARGIN + labelW, top - 2).lineTo(MARGIN + labelW, top + b.bars.length * (barH + gap)).lineWidth(0.5).stroke('#999999');
  doc.x = MARGIN;
  doc.y = top + b.bars.length * (barH + gap) + 10;
}

/**
 * The report as PDF (A4, pdfkit's built-in Helvetica, nothing downloaded).
 * The document information carries title, subject, keywords and the field
 * descriptions as JSON ("Fields"); the appendix prints them as a table.
 */
export function renderPdf(report: ReportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      displayTitle: true,
      lang: 'id-ID',
      info: {
        Title: report.title,
        Author: 'Pemerintah Kota Madiun',
        Subject: report.subject,
        Keywords: `open governance; Kota Madiun; ${report.meta.period}`,
        Creator: 'Open Governance Hub',
      },
    });
    // Custom entries of the document information dictionary (PDF 32000-1, 14.3.3).
    const info = doc.info as unknown as Record<string, string>;
    info.Period = String(report.meta.period);
    info.Fields = JSON.stringify(report.fields);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 2 * MARGIN;
    for (const b of report.blocks) {
      if (b.type === 'heading' && b.level === 1) {
        doc.font('Helvetica-Bold').fontSize(18).fillColor(BLUE).text(b.text, MARGIN, doc.y, { width });
        doc.moveDown(0.5);
      } else if (b.type === 'heading') {
        ensureRoom(doc, 80);
        doc.moveDown(0.5);
        doc.font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(b.text, MARGIN, doc.y, { width });
        doc.moveDown(0.3);
      } else if (b.type === 'paragraph') {
        doc.font('Helvetica').fontSize(10).fillColor('#000000').text(b.text, MARGIN, doc.y, { width, align: 'left' });
        doc.moveDown(0.5);
      } else if (b.type === 'table') table(doc, b);
      else chart(doc, b);
    }
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise start a new page.
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(8).fillColor('#777777').text(`${report.meta.period} · halaman ${i + 1} dari ${range.count}`, MARGIN, doc.page.height - 35, { width, align: 'right', lineBreak: false });
    }
    doc.end();
  });
}
