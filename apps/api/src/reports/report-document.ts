import { FieldDescription, FINAL_REPORT_FIELDS, POLICY_SUMMARY_FIELDS } from './report-fields';
import { ReportData, REPORT_SOURCES, REPORT_TITLE } from './report-data';

/**
 * A report as a list of blocks, written once and rendered as Markdown,
 * DOCX and PDF by the renderers, so the three say the same thing.
 */
export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | TableBlock
  | { type: 'chart'; caption: string; bars: { label: string; value: number }[]; unit: string };

export interface TableBlock {
  type: 'table';
  caption: string;
  columns: Column[];
  rows: string[][];
  /** Relative column widths (default: text 2, numbers 1). */
  widths?: number[];
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

export interface ReportDocument {
  title: string;
  subject: string;
  /** Document properties and Markdown front matter. */
  meta: Record<string, string | string[] | null>;
  fields: FieldDescription[];
  blocks: Block[];
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "1 Oktober 2026" from a YYYY-MM-DD day. */
export function tanggal(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** An instant in WIB: "28 November 2026 09.15 WIB". */
export function waktuWib(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${tanggal(d.slice(0, 10))} ${d.slice(11, 13)}.${d.slice(14, 16)} WIB`;
}

/** Numbers as Indonesian readers write them (1.234,5); a dash for "no value". */
export function angka(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return n.toLocaleString('id-ID', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

const R = { align: 'right' as const };

function commonMeta(data: ReportData): ReportDocument['meta'] {
  return {
    period: data.period.code,
    period_start: data.period.firstDay,
    period_end: data.period.lastDay,
    generated_at: data.generatedAt.toISOString(),
    data_as_of: data.dataAsOf ? data.dataAsOf.toISOString() : null,
    publisher: 'Pemerintah Kota Madiun',
    language: 'id',
    source: REPORT_SOURCES,
  };
}

function periodLine(data: ReportData): string {
  const asOf = data.dataAsOf ? `; data analitik diperbarui ${waktuWib(data.dataAsOf)}` : '';
  return `${data.period.label} (${tanggal(data.period.firstDay)} – ${tanggal(data.period.lastDay)}). Disusun otomatis oleh Open Governance Hub pada ${waktuWib(data.generatedAt)}${asOf}. Sumber: skema analytics (tanpa data pribadi).`;
}

function summaryText(data: ReportData): string {
  const t = data.totals;
  const busiest = [...data.participation].sort((a, b) => b.aspirations - a.aspirations)[0];
  const parts = [
    `Pada ${data.period.label} warga menyampaikan ${angka(t.aspirations)} aspirasi; ${angka(t.resolved)} di antaranya selesai atau menjadi kebijakan dan ${angka(t.replied)} sudah mendapat balasan publik.`,
  ];
  if (busiest && busiest.aspirations > 0) parts.push(`Partisipasi tertinggi dari Kecamatan ${busiest.kecamatan_name} (${angka(busiest.aspirations)} aspirasi, ${angka(busiest.share_pct, 1)}%).`);
  parts.push(`${angka(data.policies.length)} kebijakan telah dipublikasikan di portal.`);
  return parts.join(' ');
}

function participationTable(data: ReportData): TableBlock {
  return {
    type: 'table',
    caption: 'Tabel 1. Partisipasi warga per kecamatan',
    columns: [{ header: 'Kecamatan' }, { header: 'Penduduk', ...R }, { header: 'Aspirasi', ...R }, { header: 'Selesai', ...R }, { header: 'Dukungan', ...R }, { header: 'Per 1.000', ...R }, { header: 'Bagian (%)', ...R }, { header: 'Dibalas', ...R }, { header: 'Jam ke balasan', ...R }],
    rows: [
      ...data.participation.map((r) => [r.kecamatan_name, angka(r.population), angka(r.aspirations), angka(r.resolved), angka(r.supports), angka(r.per_1000, 2), angka(r.share_pct, 1), angka(r.replied), angka(r.avg_hours_to_reply, 1)]),
      ['Kota Madiun', '', angka(data.totals.aspirations), angka(data.totals.resolved), angka(data.totals.supports), '', data.totals.aspirations ? '100' : '0', angka(data.totals.replied), ''],
    ],
  };
}

function categoryTable(data: ReportData, n: number): TableBlock {
  return {
    type: 'table',
    caption: `Tabel ${n}. Aspirasi per kategori`,
    columns: [{ header: 'Kategori' }, { header: 'Aspirasi', ...R }, { header: 'Selesai', ...R }],
    rows: data.categories.map((c) => [c.category_label, angka(c.aspirations), angka(c.resolved)]),
  };
}

function policyTable(data: ReportData, n: number): TableBlock {
  const status: Record<string, string> = { draft: 'Rancangan', consultation: 'Konsultasi publik', adopted: 'Ditetapkan', implemented: 'Dilaksanakan' };
  return {
    type: 'table',
    caption: `Tabel ${n}. Kebijakan yang dipublikasikan dan penilaian warga`,
    widths: [3.2, 1.4, 2.2, 1.5, 1, 1, 1.1],
    columns: [{ header: 'Kebijakan' }, { header: 'Tahap' }, { header: 'Perangkat daerah' }, { header: 'Dipublikasikan' }, { header: 'Penilaian', ...R }, { header: 'Rata-rata', ...R }, { header: 'Aspirasi terkait', ...R }],
    rows: data.policies.map((p) => [p.title, status[p.status] ?? p.status, p.opd_name ?? '–', tanggal(p.published_on), angka(p.ratings), angka(p.average_score, 2), angka(p.linked_aspirations)]),
  };
}

/** A table, or a sentence saying there was nothing to show. */
const tableOrNote = (b: TableBlock, empty: string): Block[] => (b.rows.length ? [b] : [{ type: 'paragraph', text: `${b.caption}: ${empty}` }]);

/** The final report "Blueprint Open Governance Kota Madiun — ASN & Citizen Collaboration Hub" (DOCX and PDF). */
export function finalReportDocument(data: ReportData): ReportDocument {
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: REPORT_TITLE },
    { type: 'paragraph', text: `Laporan ${periodLine(data)}` },
    { type: 'heading', level: 2, text: '1. Ringkasan' },
    { type: 'paragraph', text: summaryText(data) },
    { type: 'heading', level: 2, text: '2. Partisipasi warga per kecamatan' },
    participationTable(data),
    { type: 'chart', caption: 'Gambar 1. Aspirasi per kecamatan', unit: 'aspirasi', bars: data.participation.map((r) => ({ label: r.kecamatan_name, value: r.aspirations })) },
    {
      type: 'table',
      caption: 'Tabel 2. Aspirasi per kanal',
      columns: [{ header: 'Kanal' }, { header: 'Aspirasi', ...R }],
      rows: data.channels.map((c) => [c.channel_label, angka(c.aspirations)]),
    },
    { type: 'heading', level: 2, text: '3. Aspirasi per kategori' },
    ...tableOrNote(categoryTable(data, 3), 'belum ada aspirasi pada triwulan ini.'),
    { type: 'heading', level: 2, text: '4. Kinerja layanan dan kepuasan' },
    {
      type: 'table',
      caption: 'Tabel 4. Waktu respons, batas layanan (SLA) dan kepuasan',
      columns: [{ header: 'Indikator' }, { header: 'Nilai', ...R }, { header: 'Satuan' }],
      rows: data.service.map((s) => [s.indicator, angka(s.value, 2), s.unit]),
    },
    { type: 'heading', level: 2, text: '5. Kebijakan dan penilaian warga' },
    ...tableOrNote(policyTable(data, 5), 'belum ada kebijakan yang dipublikasikan.'),
    { type: 'heading', level: 2, text: `6. Musrenbang ${data.musrenbang.year}` },
    ...tableOrNote(
      {
        type: 'table',
        caption: `Tabel 6. Usulan Musrenbang ${data.musrenbang.year} per tahap`,
        columns: [{ header: 'Tahap' }, { header: 'Usulan', ...R }, { header: 'Diakomodir', ...R }, { header: 'Tertaut kebijakan', ...R }],
        rows: data.musrenbang.rows.map((m) => [m.stage, angka(m.proposed), angka(m.accommodated), angka(m.linked_to_policy)]),
      },
      'belum ada usulan Musrenbang yang diimpor untuk tahun ini.',
    ),
    { type: 'heading', level: 2, text: '7. OKR 90 hari' },
    ...tableOrNote(
      {
        type: 'table',
        caption: 'Tabel 7. Hasil kunci OKR pada siklus yang beririsan dengan triwulan',
        widths: [4, 1, 1, 1.2, 1.3],
        columns: [{ header: 'Hasil kunci' }, { header: 'Nilai', ...R }, { header: 'Target', ...R }, { header: 'Kemajuan (%)', ...R }, { header: 'Status' }],
        rows: data.okr.map((o) => [o.key_result_title, angka(o.current_value, 2), angka(o.target, 2), angka(o.progress, 1), o.status]),
      },
      'belum ada siklus OKR pada triwulan ini.',
    ),
    { type: 'heading', level: 2, text: '8. Citizen Data Fellows' },
    ...tableOrNote(
      {
        type: 'table',
        caption: 'Tabel 8. Kohort Citizen Data Fellows',
        columns: [{ header: 'Kohort' }, { header: 'Peserta', ...R }, { header: 'Kehadiran (%)', ...R }, { header: 'Bersertifikat', ...R }],
        rows: data.fellows.map((f) => [f.cohort_name, angka(f.participants), angka(f.attendance_pct, 1), angka(f.certified)]),
      },
      'belum ada kohort.',
    ),
    { type: 'heading', level: 2, text: 'Lampiran. Deskripsi kolom' },
    {
      type: 'table',
      caption: 'Deskripsi kolom tabel laporan (nama kolom pada ekspor data terbuka)',
      widths: [1.1, 1.6, 0.9, 1.4, 4],
      columns: [{ header: 'Tabel' }, { header: 'Kolom' }, { header: 'Tipe' }, { header: 'Satuan' }, { header: 'Deskripsi' }],
      rows: FINAL_REPORT_FIELDS.map((f) => [f.table ?? '', f.name, f.type, f.unit ?? '', f.description]),
    },
  ];
  return {
    title: REPORT_TITLE,
    subject: `Laporan ${data.period.label}: partisipasi warga, layanan, kebijakan, Musrenbang, OKR dan Citizen Data Fellows`,
    meta: { title: REPORT_TITLE, ...commonMeta(data) },
    fields: FINAL_REPORT_FIELDS,
    blocks,
  };
}

/** The Markdown policy summary. */
export function policySummaryDocument(data: ReportData): ReportDocument {
  const title = `Ringkasan Kebijakan Kota Madiun — ${data.period.label}`;
  return {
    title,
    subject: 'Kebijakan yang dipublikasikan, penilaian warga dan aspirasi per kategori',
    meta: { title, ...commonMeta(data) },
    fields: POLICY_SUMMARY_FIELDS,
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'paragraph', text: periodLine(data) },
      { type: 'heading', level: 2, text: 'Ringkasan' },
      { type: 'paragraph', text: summaryText(data) },
      { type: 'heading', level: 2, text: 'Kebijakan dan penilaian warga' },
      ...tableOrNote(policyTable(data, 1), 'belum ada kebijakan yang dipublikasikan.'),
      { type: 'heading', level: 2, text: 'Aspirasi per kategori' },
      ...tableOrNote(categoryTable(data, 2), 'belum ada aspirasi pada triwulan ini.'),
      { type: 'heading', level: 2, text: 'Catatan data' },
      {
        type: 'paragraph',
        text: 'Penilaian kebijakan dihitung sampai laporan dibuat; aspirasi dihitung menurut tanggal masuk (WIB) dalam triwulan. Komentar yang disembunyikan moderator tidak dihitung. Laporan ini tidak memuat data pribadi.',
      },
    ],
  };
}
