/**
 * Sentiment lexicon for public-service messages, written and owned by the
 * project. Weights run from -3 (very negative) to +3. It is deliberately
 * broad (problem words, service words, praise, Javanese-normalised forms)
 * rather than fitted to any data set.
 *
 * STEM entries apply to every derived form of a root ("rusak" also covers
 * "kerusakan", "rusaknya"); SURFACE entries match the exact normalised word
 * and win over STEM entries, which is how "perbaikan" (stem "baik") is kept
 * from counting as praise.
 */

const STEM_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  // damage and decay
  ['rusak', -2], ['hancur', -2.5], ['retak', -1.5], ['patah', -1.5], ['pecah', -1.5], ['bocor', -1.5],
  ['ambles', -2], ['ambrol', -2], ['jebol', -2], ['roboh', -2], ['runtuh', -2], ['longsor', -2], ['tumbang', -1.5],
  ['lubang', -1.5], ['keropos', -1.5], ['lapuk', -1.5], ['karat', -1], ['kumuh', -1.5], ['reyot', -1.5],
  ['mangkrak', -2], ['bengkalai', -2], ['telantar', -2], ['terlantar', -2], ['abai', -2], ['biar', -1],
  ['buntu', -1.5], ['sumbat', -1.5], ['mampet', -1.5], ['luap', -1.5], ['genang', -1.5], ['banjir', -2],
  ['rendam', -1.5], ['endap', -0.5], ['lumpur', -0.5], ['erosi', -1], ['kikis', -1], ['redup', -1], ['gelap', -1.5],
  ['padam', -1.5], ['mati', -1.5], ['putus', -1.5], ['kedip', -1], ['ganggu', -1.5], ['galat', -1.5], ['gagal', -2],
  ['hilang', -1.5], ['curi', -2], ['maling', -2], ['rampok', -2.5], ['begal', -2.5], ['jambret', -2.5],
  ['copet', -2], ['tipu', -2], ['bohong', -2], ['palak', -2.5], ['peras', -2], ['pungli', -2.5], ['suap', -2.5],
  ['sogok', -2.5], ['korupsi', -2.5], ['calo', -2], ['catut', -2], ['sunat', -1.5], ['curang', -2], ['nepotisme', -2],
  // dirt, smell, pollution
  ['kotor', -2], ['jorok', -2], ['bau', -1.5], ['busuk', -2], ['cemar', -2], ['sampah', -0.5], ['tumpuk', -1],
  ['timbun', -0.5], ['serak', -1], ['limbah', -1], ['asap', -1], ['debu', -1], ['bising', -1.5], ['berisik', -1.5],
  ['nyamuk', -0.5], ['tikus', -0.5], ['jentik', -0.5], ['sesak', -1], ['keruh', -1], ['kering', -0.5],
  // traffic and order
  ['macet', -2], ['semrawut', -2], ['serobot', -1.5], ['tabrak', -2], ['celaka', -2], ['liar', -1.5],
  ['ugal-ugalan', -2], ['mabuk', -1.5], ['preman', -1.5], ['tawur', -2], ['kelahi', -1.5], ['resah', -1.5],
  ['takut', -1.5], ['cemas', -1.5], ['khawatir', -1.5], ['ngeri', -1.5], ['bahaya', -2], ['rawan', -1.5],
  ['licin', -1], ['curam', -0.5], ['sempit', -1], ['padat', -0.5], ['penuh', -0.5], ['razia', -0.5],
  ['paksa', -1.5], ['usir', -1.5], ['gusur', -1.5], ['ancam', -2],
  // service quality
  ['lambat', -2], ['lamban', -2], ['telat', -1.5], ['molor', -1.5], ['tunda', -1], ['tunggu', -0.5],
  ['antre', -0.5], ['ribet', -1.5], ['rumit', -1.5], ['berbelit', -2], ['bingung', -1.5], ['susah', -1.5],
  ['sulit', -1.5], ['repot', -1.5], ['mahal', -1.5], ['boros', -1], ['rugi', -1.5], ['kecewa', -2.5],
  ['kesal', -2], ['sebal', -2], ['jengkel', -2], ['marah', -2], ['keluh', -1], ['sedih', -1.5], ['malu', -1],
  ['capek', -1], ['lelah', -1], ['pusing', -1.5], ['judes', -2], ['galak', -1.5], ['kasar', -2], ['ketus', -2],
  ['sombong', -1.5], ['cuek', -1.5], ['acuh', -1.5], ['malas', -1.5], ['diskriminasi', -2], ['pilih kasih', -2],
  ['lempar', -1], ['oper', -0.5], ['salah', -1], ['keliru', -1.5], ['tolak', -1], ['langka', -1.5],
  ['kurang', -0.5], ['minim', -1], ['mogok', -1.5], ['sepi', -0.5], ['lemah', -1], ['jelek', -2], ['buruk', -2],
  ['parah', -2], ['payah', -2], ['percuma', -1.5], ['sia-sia', -1.5], ['bosan', -1], ['sakit', -0.5],
  ['miskin', -0.5], ['nganggur', -1], ['phk', -1], ['tagih', -0.5], ['denda', -1], ['tilang', -0.5],
  ['derita', -2], ['sengsara', -2], ['korban', -1.5], ['luka', -1.5], ['tewas', -2], ['meninggal', -1],
  ['darurat', -1.5], ['krisis', -1.5], ['kacau', -2], ['ricuh', -2], ['rusuh', -2], ['protes', -1], ['demo', -0.5],
  ['tega', -1.5], ['zalim', -2.5], ['kasihan', -1], ['prihatin', -1.5], ['sayang', -0.5], ['ragu', -0.5],
  ['kelupas', -1.5], ['kosong', -1], ['nonaktif', -1.5], ['kedaluwarsa', -1], ['kadaluarsa', -1], ['pecat', -1.5],
  ['oknum', -1.5], ['mandek', -2], ['macet total', -2.5], ['numpang', -0.5], ['terlunta', -2], ['keberatan', -1],
  ['kotoran', -1.5], ['sampah liar', -2], ['telantarkan', -2], ['tindas', -2], ['hina', -2],

  // praise and satisfaction
  ['mantap', 2], ['bagus', 2], ['hebat', 2], ['keren', 2], ['salut', 2], ['puas', 2], ['puji', 1.5],
  ['apresiasi', 2], ['bangga', 2], ['senang', 2], ['gembira', 2], ['bahagia', 2], ['syukur', 1.5], ['lega', 1.5],
  ['ramah', 2], ['sopan', 1.5], ['santun', 1.5], ['sabar', 1], ['sigap', 2], ['tanggap', 1.5], ['cekatan', 2],
  ['gesit', 1.5], ['profesional', 1.5], ['teliti', 1], ['jujur', 1.5], ['transparan', 1.5], ['adil', 1],
  ['cepat', 1.5], ['lancar', 1.5], ['mudah', 1.5], ['praktis', 1.5], ['efisien', 1.5], ['efektif', 1.5],
  ['gratis', 1], ['murah', 1], ['terjangkau', 1], ['bersih', 1.5], ['rapi', 1.5], ['indah', 1.5], ['asri', 1.5],
  ['hijau', 0.5], ['sejuk', 1], ['nyaman', 1.5], ['aman', 1], ['tertib', 1], ['terang', 1], ['mulus', 2],
  ['rata', 0.5], ['layak', 0.5], ['bantu', 1], ['manfaat', 1.5], ['untung', 1], ['sukses', 2], ['berhasil', 1.5],
  ['juara', 2], ['luar biasa', 2], ['top', 1.5], ['oke', 1], ['setuju', 1], ['dukung', 1], ['peduli', 1.5],
  ['perhati', 1], ['tingkat', 0.5], ['maju', 1], ['inovasi', 1.5], ['inovatif', 1.5], ['canggih', 1.5],
  ['modern', 1], ['lengkap', 1], ['jelas', 0.5], ['tepat', 1], ['tepat waktu', 2], ['responsif', 2],
  ['terbantu', 2], ['suka', 1], ['cinta', 1], ['sehat', 0.5], ['segar', 1], ['damai', 1], ['rukun', 1],
  ['tenang', 1], ['lestari', 1], ['selamat', 0.5], ['sempurna', 2], ['memuaskan', 2], ['senyum', 1],
];

/** Exact-word weights; checked before stems. 0 means "explicitly neutral". */
const SURFACE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['baik', 1.5], ['membaik', 1.5], ['kebaikan', 1], ['terbaik', 2], ['baiknya', 0], ['sebaiknya', 0],
  ['perbaikan', 0], ['memperbaiki', 0], ['diperbaiki', 0.5], ['perbaiki', 0], ['baik-baik', 1],
  ['pemadam', 0], ['tunggu', 0], ['menunggu', -0.5], ['ditunggu', 0], ['sampah', -0.5], ['biar', 0], ['biarkan', -1],
  ['dibiarkan', -2], ['dibiarin', -2], ['terbiarkan', -2], ['membiarkan', -1.5], ['lama', -1], ['kelamaan', -2],
  ['berlama-lama', -1.5], ['lama-lama', -0.5], ['lagi-lagi', -1.5], ['berkali-kali', -1], ['berulang-ulang', -1],
  ['berbulan-bulan', -1.5], ['bertahun-tahun', -1.5], ['berhari-hari', -1], ['berminggu-minggu', -1.5],
  ['terus-terusan', -1], ['terus-menerus', -1], ['mati-matian', 0], ['selamat', 0.5], ['keselamatan', 0],
  ['terima', 0], ['kasih', 0.5], ['diterima', 0.5], ['menerima', 0.3], ['penerima', 0], ['penerimaan', 0],
  ['semoga', 0.3], ['harapan', 0], ['berharap', 0], ['mohon', 0], ['tolong', 0], ['sayangnya', -1],
  ['sayang', -0.3], ['penyayang', 1], ['kurang', -0.5], ['kekurangan', -1.5], ['cukup', 0.3],
  ['aman', 1], ['keamanan', 0], ['bersih', 1.5], ['kebersihan', 0], ['pembersihan', 0], ['dibersihkan', 0.5],
  ['kesehatan', 0], ['sehat', 0.5], ['penerangan', 0], ['terang', 1], ['ketertiban', 0], ['tertib', 1],
  ['ditertibkan', 0], ['penertiban', 0], ['bantuan', 0], ['membantu', 1.5], ['dibantu', 1], ['terbantu', 2],
  ['pelayanan', 0], ['layanan', 0], ['melayani', 0.5], ['dilayani', 0.5], ['cepat', 1.5], ['percepatan', 0],
  ['dipercepat', 0], ['secepatnya', 0], ['mudah', 1.5], ['kemudahan', 1], ['dipermudah', 0.3], ['mudah-mudahan', 0.3],
  ['jelas', 0.5], ['kejelasan', 0], ['penjelasan', 0], ['dijelaskan', 0.3], ['lancar', 1.5], ['kelancaran', 0],
  ['tanggap', 1.5], ['tanggapan', 0], ['ditanggapi', 0.5], ['menanggapi', 0.5], ['penanganan', 0],
  ['ditangani', 0.5], ['tindak', 0], ['tindaklanjuti', 0.5], ['ditindaklanjuti', 0.5], ['diproses', 0.5],
  ['selesai', 0.5], ['terselesaikan', 1], ['diselesaikan', 0.5], ['beres', 1], ['diberesi', 0.5], ['dibalas', 0.5],
  ['direspon', 0.5], ['direspons', 0.5], ['respon', 0], ['respons', 0], ['datang', 0.2], ['nyala', 0.5],
  ['menyala', 0.5], ['hidup', 0.3], ['jalan', 0], ['berjalan', 0.3], ['berfungsi', 0.5], ['bisa', 0.1],
  ['dapat', 0.1], ['ada', 0.1], ['jadi', 0], ['cair', 0.5], ['dicairkan', 0.5], ['turun', 0], ['diganti', 0.3],
  ['dipasang', 0.3], ['dibangun', 0.3], ['diaspal', 1], ['diangkut', 0.5], ['masuk', 0.1], ['dijawab', 0.5],
  ['muncul', 0], ['jalankan', 0], ['perhatian', 0], ['diperhatikan', 0.3], ['memperhatikan', 0.3],
  ['tindak lanjut', 0], ['berlubang', -2], ['lubang', -1], ['keluhan', -1], ['mengeluh', -1.5], ['mengeluhkan', -1.5],
  ['dikeluhkan', -1.5], ['aduan', -0.5], ['pengaduan', 0], ['laporan', 0], ['melapor', 0], ['dilaporkan', -0.3],
  ['lapor', 0], ['nunggak', -1], ['terbengkalai', -2], ['membingungkan', -2], ['mengecewakan', -2.5],
  ['memprihatinkan', -2], ['menyedihkan', -2], ['menjengkelkan', -2], ['merepotkan', -2], ['menyulitkan', -2],
  ['menyusahkan', -2], ['membahayakan', -2], ['berbahaya', -2], ['mengganggu', -1.5], ['terganggu', -1.5],
  ['menakutkan', -2], ['meresahkan', -2], ['memalukan', -2], ['merugikan', -2], ['memuaskan', 2], ['menyenangkan', 2],
  ['menggembirakan', 2], ['membanggakan', 2], ['mengesankan', 2], ['bermanfaat', 1.5], ['berguna', 1],
  ['berhasil', 1.5], ['lumayan', 0.5], ['alhamdulillah', 1.5], ['syukurlah', 1.5], ['akhirnya', 0.3],
  ['padahal', -1], ['disuruh', -0.8], ['terpaksa', -1.2], ['akibatnya', -0.8], ['dibatasi', -0.5],
  ['harus', -0.2], ['cuma', -0.3], ['habis', -0.5], ['jarang', -0.5], ['ditolak', -1.2], ['kenaikan', -0.5],
  ['maaf', -0.2], ['sakit', -0.5], ['kehilangan', -1.5], ['sia-sia', -1.5], ['wajib', 0], ['pungutan', -1.5],
  ['tarikan', -1], ['iuran', -0.3], ['bayar', -0.2], ['biaya', -0.3], ['dipersulit', -2.5], ['mempersulit', -2.5],
  ['asal-asalan', -2], ['seenaknya', -2], ['sembarangan', -1.5], ['sembrono', -2], ['molor', -1.5],
  ['tidak-tidak', 0], ['gelap', -1.5], ['gelapnya', -1.5], ['kegelapan', -1.5], ['mati', -1.5], ['kematian', 0],
  ['meninggal', -0.5], ['sendirian', -0.5], ['ketinggalan', -1], ['tertinggal', -1], ['tertunda', -1],
  ['kotak', 0], ['rata', 0.5], ['merata', 0.5], ['rata-rata', 0], ['terjamin', 1], ['layak', 0.5],
  ['tidak layak', -2], ['kelayakan', 0], ['biasa', 0], ['mantap', 2], ['sip', 1.5], ['panas', -0.5],
  ['tertawa', 0], ['sekolah', 0], ['kasihan', -1], ['membantu', 1.5], ['gratis', 1], ['tambal', -0.3],
  ['tambal sulam', -1.5], ['ramai', -0.3], ['banyak', 0], ['sedikit', 0], ['hilang', -1.5], ['dicuri', -2],
];

/** Multi-word expressions matched on the normalised token stream (before stop words go). */
const PHRASE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['terima kasih', 2], ['terima kasih banyak', 2.5], ['luar biasa', 2], ['tepat waktu', 2], ['tepat sasaran', 1.5],
  ['tidak tepat sasaran', -2], ['salah sasaran', -2], ['pilih kasih', -2], ['tebang pilih', -2],
  ['sampah liar', -1.5], ['buang sampah sembarangan', -2], ['tambal sulam', -1.5], ['kerja bakti', 0.5],
  ['tidak kunjung', -2], ['tak kunjung', -2], ['belum kunjung', -2], ['tidak pernah', -1], ['belum pernah', -0.5],
  ['tidak ada', -1], ['belum ada', -1.2], ['tidak ada tindak lanjut', -1.5], ['belum ada tindak lanjut', -1.5],
  ['tidak ada kabar', -1.5], ['tidak ada kejelasan', -1.5], ['tidak ada respon', -2], ['tidak ada tanggapan', -2],
  ['tanpa penjelasan', -1.5], ['tanpa kejelasan', -1.5], ['tanpa kabar', -1.5], ['sampai sekarang', -1],
  ['hingga sekarang', -1], ['sampai saat ini', -1], ['hingga saat ini', -1], ['sampai hari ini', -1],
  ['makin parah', -2], ['semakin parah', -2], ['makin rusak', -1], ['semakin rusak', -1], ['makin banyak', -0.8],
  ['semakin banyak', -0.8], ['tidak apa-apa', 0.5], ['tidak masalah', 0.5], ['tidak ada masalah', 1],
  ['naik terus', -1], ['mahal sekali', -0.5], ['lempar tanggung jawab', -2], ['saling lempar', -2],
  ['jalan di tempat', -1.5], ['tidak jelas', -1.5], ['kurang jelas', -1], ['tidak sesuai', -1.5],
  ['tidak layak', -2], ['tidak manusiawi', -2.5], ['tidak berfungsi', -2], ['tidak menyala', -2],
  ['tidak bisa', -0.8], ['tidak dapat', -0.8], ['tidak mau', -0.8], ['belum juga', -1.5], ['masih saja', -1],
  ['lagi dan lagi', -1.5], ['selalu saja', -1], ['sudah lama', -1], ['cukup lama', -1], ['terlalu lama', -2],
  ['sangat membantu', 2.5], ['lebih cepat', 1], ['lebih baik', 1], ['semakin baik', 1.5], ['makin baik', 1.5],
  ['lebih bersih', 1], ['makin bersih', 1.5], ['jadi bersih', 1], ['sudah bersih', 1], ['sudah mulus', 1],
  ['sudah diperbaiki', 1], ['sudah diaspal', 1], ['sudah menyala', 1], ['sudah lancar', 1], ['sudah cair', 1],
  ['sudah ditangani', 1], ['langsung ditangani', 1.5], ['langsung datang', 1], ['langsung diperbaiki', 1.5],
  ['cepat tanggap', 2], ['kerja bagus', 2], ['semoga lancar', 0.5], ['sukses selalu', 1.5], ['matur nuwun', 2],
  ['tidak sabar', 0], ['jangan sampai', -0.3], ['nunggu lama', -2], ['menunggu lama', -2], ['antre lama', -2],
  ['antrean panjang', -1.5], ['panjang sekali', -0.5], ['harus bolak-balik', -1.5], ['bolak-balik', -1],
  ['mohon maaf', 0], ['banyak yang', 0], ['diam saja', -1.5], ['tutup mata', -2], ['tutup telinga', -2],
  ['tidak ditanggapi', -2], ['minta uang', -1.5], ['tanpa pemberitahuan', -1.5], ['tanpa informasi', -1.5],
  ['tutup mendadak', -1.5], ['lepas tangan', -2], ['kok belum', -1], ['kerja keras', 1], ['naik turun', -0.5],
];

export const SENTIMENT_STEMS: ReadonlyMap<string, number> = new Map(STEM_WEIGHTS.filter(([k]) => !k.includes(' ')));
export const SENTIMENT_SURFACE: ReadonlyMap<string, number> = new Map(SURFACE_WEIGHTS.filter(([k]) => !k.includes(' ')));

/** Phrases indexed by their first word for a cheap scan; longest match first. */
export const SENTIMENT_PHRASES: ReadonlyMap<string, ReadonlyArray<{ words: string[]; weight: number }>> = (() => {
  const m = new Map<string, Array<{ words: string[]; weight: number }>>();
  const all = [...PHRASE_WEIGHTS, ...STEM_WEIGHTS.filter(([k]) => k.includes(' ')), ...SURFACE_WEIGHTS.filter(([k]) => k.includes(' '))];
  for (const [p, w] of all) {
    const words = p.split(' ');
    const list = m.get(words[0]) ?? [];
    list.push({ words, weight: w });
    m.set(words[0], list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

/** Multiply the neighbouring sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['sangat', 1.6], ['banget', 1.6], ['sekali', 1.5], ['amat', 1.5], ['terlalu', 1.5], ['benar-benar', 1.5],
  ['sungguh', 1.5], ['super', 1.6], ['paling', 1.5], ['makin', 1.3], ['semakin', 1.3], ['tambah', 1.2],
  ['begitu', 1.3], ['parah', 1.4], ['pol', 1.5], ['luar', 1], ['terus', 1.2], ['selalu', 1.2],
]);

/** Weaken the neighbouring sentiment word. */
export const DIMINISHERS: ReadonlyMap<string, number> = new Map([
  ['agak', 0.6], ['sedikit', 0.6], ['cukup', 0.8], ['lumayan', 0.7], ['relatif', 0.7], ['kadang', 0.7],
  ['kadang-kadang', 0.7], ['sesekali', 0.6], ['mungkin', 0.8],
]);

export const EMOJI_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['😡', -2.5], ['🤬', -3], ['😠', -2], ['👎', -2], ['😤', -2], ['😒', -1.5], ['😞', -1.5], ['😔', -1.5],
  ['😢', -1.5], ['😭', -2], ['😩', -1.5], ['😫', -1.5], ['🙄', -1.5], ['💩', -2], ['😑', -1], ['😓', -1],
  ['😰', -1.5], ['😱', -1.5], ['🤦', -1.5], ['🤦‍♂️', -1.5], ['🤦‍♀️', -1.5], ['💔', -1.5], ['😕', -1], ['☹️', -1.5],
  ['☹', -1.5], [':(', -1.5], [':-(', -1.5], [">:(", -2],
  ['🙏', 1], ['👍', 2], ['😊', 2], ['😀', 1.5], ['😁', 1.5], ['😃', 1.5], ['😄', 1.5], ['🥰', 2], ['😍', 2],
  ['❤️', 2], ['❤', 2], ['👏', 2], ['💪', 1.5], ['🙂', 1], ['😇', 1.5], ['🤗', 1.5], ['✨', 1], ['🎉', 1.5],
  ['💯', 2], ['👌', 1.5], ['🥳', 1.5], ['☺️', 1.5], [':)', 1.5], [':-)', 1.5], [':D', 1.5],
  // laughing faces are often mockery in complaints; keep them neutral
  ['😂', 0], ['🤣', 0],
]);

/** Praise words that sarcasm turns around ("mantap, jalan rusak lagi"). */
export const PRAISE_WORDS: ReadonlySet<string> = new Set([
  'mantap', 'hebat', 'bagus', 'keren', 'salut', 'top', 'luar', 'sip', 'oke', 'cepat', 'sigap', 'prestasi',
  'terima', 'kasih', 'selamat', 'juara', 'sukses', 'apresiasi', 'bangga', 'memuaskan', 'puas', 'canggih', 'pintar',
]);

export const REQUEST_WORDS: ReadonlySet<string> = new Set([
  'mohon', 'tolong', 'harap', 'minta', 'meminta', 'memohon', 'segera', 'dimohon', 'diharapkan', 'harapkan',
  'dong', 'tuntut', 'menuntut', 'desak', 'mendesak',
]);

export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'apakah', 'bagaimana', 'kapan', 'berapa', 'dimana', 'mana', 'bisakah', 'bolehkah', 'adakah', 'siapa',
  'kah', 'apa', 'kenapa', 'mengapa',
]);

/** Words that introduce a suggestion, idea or request for information rather than a complaint. */
export const INFO_SUGGESTION_WORDS: ReadonlySet<string> = new Set([
  'info', 'informasi', 'cara', 'caranya', 'prosedur', 'syarat', 'persyaratan', 'jadwal', 'usul', 'usulan',
  'mengusulkan', 'saran', 'menyarankan', 'sebaiknya', 'alangkah', 'ide', 'gagasan', 'bertanya', 'tanya',
  'menanyakan', 'pertanyaan', 'daftar', 'mendaftar', 'pendaftaran', 'mungkinkah', 'apakah',
  'rencana', 'program', 'pengajuan', 'mengajukan', 'diadakan', 'ditambah', 'menambah', 'dibuka',
]);

/** Contrast markers: praise followed by these is a real mixed review, not sarcasm. */
export const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  'tapi', 'namun', 'cuma', 'hanya', 'sayangnya', 'sayang', 'meskipun', 'walaupun', 'meski', 'walau', 'kecuali',
  'sedangkan',
]);

/** Explicit cues that praise is ironic. */
/** Words after which a clause describes a wished-for state, not a report ("supaya lebih mudah"). */
export const HYPOTHETICAL_WORDS: ReadonlySet<string> = new Set([
  'supaya', 'agar', 'biar', 'demi', 'semoga', 'harapannya', 'mudah-mudahan', 'usul', 'usulan', 'mengusulkan',
  'saran', 'sebaiknya', 'alangkah', 'seandainya', 'andai', 'kalau', 'jika', 'apakah',
]);

export const SARCASM_CUES: ReadonlySet<string> = new Set(['lho', 'loh', 'katanya', 'kok', 'kayaknya', 'wkwk', 'tertawa', 'hadeh', 'hadeuh', 'duh']);
