/**
 * The 14 stable topic codes (shared/data/categories.csv). Labels and the
 * default office live in the database as reference data; the codes are the
 * contract.
 */
export const CATEGORY_CODES = [
  'infrastruktur_jalan',
  'drainase_banjir',
  'kebersihan_lingkungan',
  'penerangan_jalan',
  'kesehatan',
  'pendidikan',
  'umkm_ekonomi',
  'ketenagakerjaan',
  'transportasi_parkir',
  'administrasi_kependudukan',
  'sosial_bansos',
  'ketertiban_keamanan',
  'layanan_digital',
  'lainnya',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === 'string' && (CATEGORY_CODES as readonly string[]).includes(value);
}
