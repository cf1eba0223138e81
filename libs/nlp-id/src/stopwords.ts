 
const { ind } = require('stopword') as { ind: string[] };

/**
 * Words in the generic Indonesian list that carry the meaning of a complaint
 * (negation, time, severity, requests) and so must reach the classifier.
 */
export const STOPWORD_ALLOW: ReadonlySet<string> = new Set([
  'tidak', 'tak', 'belum', 'bukan', 'tanpa', 'jangan', 'kurang', 'masalah', 'masalahnya', 'persoalan', 'kasus',
  'baik', 'tolong', 'mohon', 'harap', 'sudah', 'lama', 'lamanya', 'kelamaan', 'rusak', 'keterlaluan', 'percuma',
  'terlambat', 'segera', 'sering', 'selalu', 'terus', 'lagi', 'panjang', 'jauh', 'dekat', 'tepat', 'naik',
  'harus', 'seharusnya', 'perlu', 'minta', 'meminta', 'penting', 'pernah', 'rata', 'besar', 'kecil', 'jawaban',
  'bulan', 'tahun', 'minggu', 'hari', 'jam', 'malam', 'pagi', 'sore', 'siang', 'banyak', 'sedikit', 'mahal',
  'murah', 'cepat', 'lambat', 'jelas', 'bantuan', 'bertanya', 'cara', 'caranya', 'kapan', 'bagaimana', 'kenapa',
  'mengapa', 'apakah', 'berkali-kali', 'keluar', 'kembali', 'datang', 'tempat', 'jalan', 'bapak', 'ibu',
]);

const STOP: ReadonlySet<string> = new Set(
  [
    ...ind,
    // chat filler the generic list lacks
    'sih', 'deh', 'dong', 'kok', 'nih', 'tuh', 'ya', 'yah', 'lho', 'loh', 'kan', 'pun', 'nya', 'mas', 'mbak',
    'admin', 'min', 'oke', 'salam', 'selamat', 'kawan', 'saudara', 'juragan', 'sobat', 'ah', 'eh', 'wah', 'hmm',
  ].filter((w) => !STOPWORD_ALLOW.has(w)),
);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

export const STOPWORD_COUNT = STOP.size;
