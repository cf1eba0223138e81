/**
 * The machine-readable description of a report's columns: the field
 * descriptor of a Frictionless Table Schema (name, type, description) plus
 * the unit. JSON exports carry it as `fields`, the CSV's is served at
 * /api/reports/:id/schema, Markdown has it in the front matter, and the
 * DOCX/PDF have it in their document properties and the "Deskripsi kolom"
 * appendix.
 */
export interface FieldDescription {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'datetime';
  unit?: string;
  description: string;
  /** For documents with several tables: the table the column belongs to. */
  table?: string;
}

/** Participation per kecamatan: the JSON and CSV dataset, and the first table of the final report. */
export const PARTICIPATION_FIELDS: FieldDescription[] = [
  { name: 'period', type: 'string', description: 'Triwulan laporan (WIB), mis. 2026-Q4' },
  { name: 'kecamatan_code', type: 'string', description: 'Kode wilayah Kemendagri kecamatan' },
  { name: 'kecamatan_name', type: 'string', description: 'Nama kecamatan' },
  { name: 'population', type: 'integer', unit: 'jiwa', description: 'Jumlah penduduk (data referensi wilayah); kosong bila belum diketahui' },
  { name: 'aspirations', type: 'integer', unit: 'aspirasi', description: 'Aspirasi warga yang masuk dalam triwulan (semua kanal)' },
  { name: 'resolved', type: 'integer', unit: 'aspirasi', description: 'Dari aspirasi tersebut, yang berstatus selesai atau menjadi kebijakan' },
  { name: 'supports', type: 'integer', unit: 'dukungan', description: 'Jumlah dukungan warga pada aspirasi tersebut' },
  { name: 'per_1000', type: 'number', unit: 'aspirasi per 1.000 penduduk', description: 'aspirations × 1000 / population, 2 desimal; kosong tanpa data penduduk' },
  { name: 'share_pct', type: 'number', unit: '%', description: 'Bagian kecamatan dari seluruh aspirasi triwulan, 1 desimal' },
  { name: 'replied', type: 'integer', unit: 'aspirasi', description: 'Aspirasi triwulan yang sudah mendapat balasan publik pertama' },
  { name: 'avg_hours_to_reply', type: 'number', unit: 'jam', description: 'Rata-rata jam dari aspirasi masuk sampai balasan pertama, 1 desimal; kosong bila belum ada balasan' },
];

export const PARTICIPATION_PRIMARY_KEY = ['period', 'kecamatan_code'];

export const POLICY_FIELDS: FieldDescription[] = [
  { table: 'kebijakan', name: 'title', type: 'string', description: 'Judul kebijakan yang dipublikasikan' },
  { table: 'kebijakan', name: 'status', type: 'string', description: 'Tahap kebijakan: draft, consultation, adopted atau implemented' },
  { table: 'kebijakan', name: 'opd_name', type: 'string', description: 'Perangkat daerah penanggung jawab' },
  { table: 'kebijakan', name: 'published_on', type: 'date', description: 'Tanggal publikasi (WIB)' },
  { table: 'kebijakan', name: 'ratings', type: 'integer', unit: 'penilaian', description: 'Penilaian warga yang tampil (tidak disembunyikan moderator), sampai laporan dibuat' },
  { table: 'kebijakan', name: 'average_score', type: 'number', unit: 'skor 1-5', description: 'Rata-rata penilaian warga, 2 desimal' },
  { table: 'kebijakan', name: 'linked_aspirations', type: 'integer', unit: 'aspirasi', description: 'Aspirasi warga yang ditautkan ke kebijakan' },
];

export const CATEGORY_FIELDS: FieldDescription[] = [
  { table: 'kategori', name: 'category_label', type: 'string', description: 'Kategori aspirasi' },
  { table: 'kategori', name: 'aspirations', type: 'integer', unit: 'aspirasi', description: 'Aspirasi triwulan dalam kategori ini' },
  { table: 'kategori', name: 'resolved', type: 'integer', unit: 'aspirasi', description: 'Yang selesai atau menjadi kebijakan' },
];

export const SERVICE_FIELDS: FieldDescription[] = [
  { table: 'layanan', name: 'indicator', type: 'string', description: 'Indikator layanan (waktu verifikasi/balasan/penyelesaian, pelanggaran SLA, kepuasan)' },
  { table: 'layanan', name: 'value', type: 'number', description: 'Nilai indikator dalam triwulan' },
  { table: 'layanan', name: 'unit', type: 'string', description: 'Satuan nilai' },
];

export const MUSRENBANG_FIELDS: FieldDescription[] = [
  { table: 'musrenbang', name: 'stage', type: 'string', description: 'Tahap Musrenbang' },
  { table: 'musrenbang', name: 'proposed', type: 'integer', unit: 'usulan', description: 'Usulan pada tahun laporan' },
  { table: 'musrenbang', name: 'accommodated', type: 'integer', unit: 'usulan', description: 'Usulan diakomodir' },
  { table: 'musrenbang', name: 'linked_to_policy', type: 'integer', unit: 'usulan', description: 'Usulan yang tertaut ke kebijakan' },
];

export const OKR_FIELDS: FieldDescription[] = [
  { table: 'okr', name: 'key_result_title', type: 'string', description: 'Hasil kunci OKR 90 hari' },
  { table: 'okr', name: 'current_value', type: 'number', description: 'Nilai terakhir (satuan mengikuti hasil kunci)' },
  { table: 'okr', name: 'target', type: 'number', description: 'Target' },
  { table: 'okr', name: 'progress', type: 'number', unit: '%', description: 'Kemajuan menuju target' },
  { table: 'okr', name: 'status', type: 'string', description: 'Status penilaian hasil kunci' },
];

export const FELLOWS_FIELDS: FieldDescription[] = [
  { table: 'fellows', name: 'cohort_name', type: 'string', description: 'Kohort Citizen Data Fellows' },
  { table: 'fellows', name: 'participants', type: 'integer', unit: 'orang', description: 'Peserta terdaftar' },
  { table: 'fellows', name: 'attendance_pct', type: 'number', unit: '%', description: 'Persentase kehadiran sesi' },
  { table: 'fellows', name: 'certified', type: 'integer', unit: 'orang', description: 'Peserta bersertifikat' },
];

/** Every column of the final report's tables, for its "Deskripsi kolom" appendix. */
export const FINAL_REPORT_FIELDS: FieldDescription[] = [
  ...PARTICIPATION_FIELDS.filter((f) => f.name !== 'period').map((f) => ({ ...f, table: 'partisipasi' })),
  ...CATEGORY_FIELDS,
  ...SERVICE_FIELDS,
  ...POLICY_FIELDS,
  ...MUSRENBANG_FIELDS,
  ...OKR_FIELDS,
  ...FELLOWS_FIELDS,
];

/** The Markdown summary's tables. */
export const POLICY_SUMMARY_FIELDS: FieldDescription[] = [...POLICY_FIELDS, ...CATEGORY_FIELDS];
