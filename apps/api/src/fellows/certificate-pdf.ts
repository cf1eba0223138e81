import PDFDocument from 'pdfkit';

export interface CertificatePdfInput {
  number: string;
  fullName: string;
  cohort: string;
  modules: string[];
  issuedAt: Date;
  verifyPath: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A date in Indonesian, in WIB: "14 Februari 2026". */
export function tanggalIndonesia(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3600_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The "Citizen Data Fellow" certificate as a one-page A4 landscape PDF (built-in Helvetica, no downloads). */
export function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 50,
      info: { Title: `Sertifikat Citizen Data Fellow ${input.number}`, Author: 'Pemerintah Kota Madiun', Subject: 'Sertifikat Citizen Data Fellow' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 100;
    doc.lineWidth(3).rect(25, 25, doc.page.width - 50, doc.page.height - 50).stroke('#1f4e79');
    doc.lineWidth(1).rect(33, 33, doc.page.width - 66, doc.page.height - 66).stroke('#1f4e79');
    doc.moveDown(1.5);
    doc.font('Helvetica').fontSize(13).fillColor('#333333').text('PEMERINTAH KOTA MADIUN', 50, 70, { width, align: 'center' });
    doc.fontSize(11).text('Open Governance, Active Citizen — Kolaborasi ASN dan Masyarakat', { width, align: 'center' });
    doc.moveDown(1.2);
    doc.font('Helvetica-Bold').fontSize(34).fillColor('#1f4e79').text('SERTIFIKAT', { width, align: 'center' });
    doc.font('Helvetica').fontSize(16).fillColor('#333333').text('Citizen Data Fellow', { width, align: 'center' });
    doc.moveDown(1.2);
    doc.fontSize(12).text('Diberikan kepada', { width, align: 'center' });
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(26).fillColor('#000000').text(input.fullName, { width, align: 'center' });
    doc.moveDown(0.6);
    doc
      .font('Helvetica')
      .fontSize(12)
      .fillColor('#333333')
      .text(`atas keberhasilannya menyelesaikan program pelatihan literasi digital Citizen Data Fellows, ${input.cohort}, dengan memenuhi ketentuan kehadiran dan lulus seluruh modul:`, { width, align: 'center' });
    doc.moveDown(0.4);
    doc.font('Helvetica-Oblique').text(input.modules.join(' • '), { width, align: 'center' });
    doc.moveDown(1.5);
    doc.font('Helvetica').fontSize(12).text(`Madiun, ${tanggalIndonesia(input.issuedAt)}`, { width, align: 'center' });
    doc.moveDown(0.3);
    doc.fontSize(10).fillColor('#555555').text(`Nomor sertifikat: ${input.number}`, { width, align: 'center' });
    doc.text(`Verifikasi keaslian: ${input.verifyPath}`, { width, align: 'center' });
    doc.end();
  });
}
