 
/**
 * Stemming for complaint vocabulary. @nlpjs/lang-id's stemmer is rule-based
 * without a dictionary, so it cannot tell "perumahan" (pe+rumah) from
 * "per+umah" or restore the t/k/p/s that meN-/peN- swallow ("penerangan" ->
 * "erang"). We first try our own affix stripping checked against a root list
 * the project wrote for public-service topics, then fall back to nlp.js.
 */
interface InnerStemmer {
  stemWord(word: string): string;
}
const IndonesianStemmer: new () => InnerStemmer = require('@nlpjs/lang-id/src/indonesian-stemmer');
const nlpjs = new IndonesianStemmer();

/** Root words (our own list). Derived forms of these are stemmed reliably. */
const ROOT_LIST = `
abai acara adil adu agama air ajar ajuk aju akar akses aktif akun alam alamat alat alih alir aman ambil ambles
ambrol ampun anak ancam andal anggar anggota angin angkat angkut antar antre antri anyar apresiasi arah arsip
arus asap asing asli aspal asuh atap atas atur awas awat ayah bagi bahagia bahan bahaya baik bakar balai balas
balita banding bangun banjir bantu banyak barang baru basah batas batu bau bawa bayar bayi beban bebas beda
bekal bela beli benah benar bencana bengkel bengkok bentuk berani berat beres beri berita bersih besar betul
biar biasa biaya bicara bijak bimbing bina bingung bising bocor bodoh bohong bongkar boros bosan buang buat
buka bukti bulan buntu buruh buruk busuk butuh cabut cahaya cair cakup calon campur cantik capai cari catat
cegah celaka cemar cepat cerdas cerita cetak cinta coba cocok cuci cukup cula curang curi daftar dagang dalam
damai dampak dapat darah darurat data datang daur dekat dengar dengung desak detik didik diam dinas dingin
dokter dorong duduk duga dukung dukcapil edar ekonomi emas empat erat gagal gali gambar ganggu ganti gaji
gantung gelap gelombang gembira genang gerak gesit gigit gila gotong gratis guna gunung guru habis hadap hadir
hajat hak hambat hancur hangat hapus harap harga hari hasil hati hebat hemat henti hibur hidup hijau hilang
hina hitung hormat hubung hujan hukum hutan ibu ikat ikut ilang iling imbau indah informasi ingat ingin injak
isi istirahat izin jadi jadwal jaga jalan jalur jamin janji jarak jarang jatuh jauh jawab jebol jelas jelek
jembatan jemput jenuh jual juang jujur kabar kacau kalah kali kampung kantor karang kasar kasih kata keluh
keras kerja kering kesal ketat ketik kirim kota kotor kuasa kuat kumpul kumuh kunci kurang kuras labuh lahan
lahir lain laku lalu lamban lambat lampau lampu lancar landai langgar langka lanjut lapang lapor lapuk latih
lawan layak layan lebar lelah lemah lempar lengkap lepas lewat liar libat licin lihat lindung lingkung lintas
lipat listrik lokasi longsor lubang luap luka lulus lupa macet madiun mahal main maju makan maksud malas malu
mampu mandi manfaat mangkrak mantap marah masak masuk mati mekar merah milik minta miskin mohon motor muat
mudah mulai mulia mulus mundur murah musim musyawarah naik nikah nilai nyaman nyata nyawa obat olah operasi
orang pada padam padat pahit pajak pakai paksa paling panas pandang panggil pangkas panjang pantau parah pasang
pasar pasti patah patuh peduli pelihara penuh perintah periksa perlu pesan petik pikir pilih pimpin pindah
pinjam pintar pisah potong pukul pulang pulih puas pungut putus rakit ramah rambu rampas rancang rapat rapi
rasa rata rawan rawat redup rekam remaja rencana rendah resah retak ribet ringan risau roboh rugi rumah rumit
runtuh rusak saing sabar sakit salah salur sambung sampah sampai samping sangka santun sapu saring sasar satu
sayang sebar sedia sedih segar sehat sekolah selamat selesai selidik semprot sempit senang sendiri sepi serah
serang serap sesak sesal setuju siap sia siaga sibuk sidang sigap simpan singkat sinyal sisa sopan sosial suap
subsidi sulit sumbang sumbat sumur sunyi surat susah susun syukur tabrak tagih tahan tahu tambah tambal
tampung tanam tanda tanggap tanggung tangan tangis tani tanya tarik taruh tata tawar tebang tegur tekan telat
teliti telur telantar tempat tempuh tenaga tenang tengah tentu terang terap terima terlantar tertib tetap
tiang tidur timbun timbul tinggal tinggi tindak tipu tolak tolong tonton tuju tukar tulis tumbang tumbuh
tumpah tumpuk tunda tunggak tunggu tunjuk turun tutup uang ubah ukur ulang umum undang uji untung upah urus
usaha usul usut utama wabah waktu wajib warga warung wilayah ambulans angkot  becak bensin bidan camat
dana desa drainase gang gorong-gorong got halte jamban jentik kabel kader kantong kartu  
keranjang kompos  lansia loket lurah makam masker mobil musrenbang nelayan ojek paving pipa
pohon polisi posyandu preman puing pungli puskesmas rambu retribusi  selokan sertifikat siswa sungai
taman terminal tong trotoar truk  vaksin wifi aplikasi sistem server situs daring website internet
perempuan pertama keluarga masyarakat pegawai tunjang kubur kendara
kecewa cek keruk rendam timpa bengkalai tugas kedip ketuk kunjung sapa respons tanggap proses cair kirim pecah
remuk kikis gerus endap cemas takut ragu gusur relokasi urug sedot bendung tanggul pompa lumpur sedimen tambal
sulam nyala kabur curam tajam jurang parit kolam rawa serobot tiket ongkos denda sita razia tilang palak peras
sogok catut sunat korupsi calo lelang tender proyek iur puji sanjung bangga suka gembira ceria lega tenteram
rukun guyub cemar merdeka pahlawan
`;

export const ROOTS: ReadonlySet<string> = new Set(ROOT_LIST.split(/\s+/).filter(Boolean));

/**
 * Words whose stem is not reachable by regular affix rules, or where the
 * rules would over-strip. Written by the project.
 */
export const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['belajar', 'ajar'], ['pelajaran', 'ajar'], ['mengajar', 'ajar'], ['pengajar', 'ajar'], ['bekerja', 'kerja'],
  ['pekerjaan', 'kerja'], ['pekerja', 'kerja'], ['kerjaan', 'kerja'], ['perempuan', 'perempuan'],
  ['pemerintah', 'perintah'], ['pemerintahan', 'perintah'], ['pertama', 'pertama'], ['keluarga', 'keluarga'],
  ['masyarakat', 'masyarakat'], ['penduduk', 'duduk'], ['kependudukan', 'duduk'], ['pelajar', 'ajar'],
  ['pedagang', 'dagang'], ['pegawai', 'pegawai'], ['pemulung', 'pulung'], ['pengamen', 'amen'],
  ['pengemis', 'emis'], ['petani', 'tani'], ['peternak', 'ternak'], ['perusahaan', 'usaha'],
  ['jalanan', 'jalan'], ['antrean', 'antre'], ['antrian', 'antre'], ['kesehatan', 'sehat'],
  ['pendidikan', 'didik'], ['bantuan', 'bantu'], ['saluran', 'salur'], ['lansia', 'lansia'],
  ['kelurahan', 'lurah'], ['kecamatan', 'camat'], ['kendaraan', 'kendara'], ['kuburan', 'kubur'],
  ['sekolahan', 'sekolah'], ['berlubang', 'lubang'], ['lubang-lubang', 'lubang'], ['diaspal', 'aspal'],
  ['pengaspalan', 'aspal'], ['teraspal', 'aspal'], ['mengeluh', 'keluh'], ['keluhan', 'keluh'],
  ['tergenang', 'genang'], ['menggenang', 'genang'], ['genangan', 'genang'], ['pembuangan', 'buang'],
  ['selokan', 'selokan'], ['trotoar', 'trotoar'], ['puskesmas', 'puskesmas'], ['posyandu', 'posyandu'],
  ['ekonomi', 'ekonomi'], ['penerangan', 'terang'], ['menerangi', 'terang'], ['perumahan', 'rumah'],
  ['pemadaman', 'padam'], ['dipadamkan', 'padam'], ['terima', 'terima'], ['diterima', 'terima'],
  ['penerimaan', 'terima'], ['menerima', 'terima'], ['penerima', 'terima'], ['berita', 'berita'],
  ['beras', 'beras'], ['bermain', 'main'], ['permainan', 'main'], ['pelayanan', 'layan'], ['melayani', 'layan'],
  ['terlantar', 'telantar'], ['ditelantarkan', 'telantar'], ['terlambat', 'lambat'], ['keterlambatan', 'lambat'],
  ['pengaduan', 'adu'], ['mengadu', 'adu'], ['diadukan', 'adu'], ['kemacetan', 'macet'], ['bermasalah', 'masalah'],
  ['permasalahan', 'masalah'], ['masalah', 'masalah'], ['sungai', 'sungai'], ['bangunan', 'bangun'],
]);

function addCandidates(word: string, out: string[]): void {
  // meN- / peN- with the nasal and the swallowed first consonant
  for (const p of ['me', 'pe']) {
    if (!word.startsWith(p)) continue;
    const r = word.slice(2);
    if (r.startsWith('ng')) {
      const rest = r.slice(2);
      out.push(rest);
      if (/^[aiueo]/.test(rest)) out.push('k' + rest);
      if (rest.startsWith('e')) out.push(rest.slice(1)); // menge- before one-syllable roots: mengecat -> cat
    } else if (r.startsWith('ny')) {
      out.push('s' + r.slice(2), r.slice(2));
    } else if (r.startsWith('m')) {
      const rest = r.slice(1);
      out.push(rest);
      if (/^[aiueo]/.test(rest)) out.push('p' + rest, 'm' + rest);
    } else if (r.startsWith('n')) {
      const rest = r.slice(1);
      out.push(rest);
      if (/^[aiueo]/.test(rest)) out.push('t' + rest, 'n' + rest);
    } else {
      out.push(r); // me-/pe- before l, r, w, y
    }
    if (p === 'pe' && r.startsWith('r')) out.push(r.slice(1), r); // per-
    if (p === 'pe' && r.startsWith('l')) out.push(r.slice(1)); // pelajar -> ajar
  }
  for (const p of ['ber', 'ter']) {
    if (!word.startsWith(p)) continue;
    const rest = word.slice(3);
    out.push(rest);
    if (/^[aiueo]/.test(rest)) out.push('r' + rest);
  }
  if (word.startsWith('be') && !word.startsWith('ber')) out.push(word.slice(2));
  if (word.startsWith('te') && !word.startsWith('ter')) out.push(word.slice(2));
  for (const p of ['di', 'ke', 'se']) if (word.startsWith(p)) out.push(word.slice(2));
}

function suffixForms(word: string): string[] {
  const forms = [word];
  let w = word;
  const particle = /(lah|kah|tah|pun)$/.exec(w);
  if (particle && w.length - 3 >= 3) {
    w = w.slice(0, -3);
    forms.push(w);
  }
  const poss = /(nya|ku|mu)$/.exec(w);
  if (poss && w.length - poss[1].length >= 3) {
    w = w.slice(0, -poss[1].length);
    forms.push(w);
  }
  if (w.endsWith('kan') && w.length > 5) forms.push(w.slice(0, -3));
  else if (w.endsWith('an') && w.length > 4) forms.push(w.slice(0, -2));
  else if (w.endsWith('i') && w.length > 4) forms.push(w.slice(0, -1));
  if (w.endsWith('kan') && w.length > 4) forms.push(w.slice(0, -2)); // "...k" root + -an: "rusakan"
  return forms;
}

function dictionaryStem(word: string): string | undefined {
  const forms = suffixForms(word);
  for (const f of forms) if (ROOTS.has(f)) return f;
  let frontier = forms;
  for (let depth = 0; depth < 3; depth++) {
    const next: string[] = [];
    for (const f of frontier) addCandidates(f, next);
    for (const c of next) if (c.length >= 2 && ROOTS.has(c)) return c;
    // a prefix may also sit outside a suffix ("diperbaiki": di+per+baik+i)
    const withSuffixes: string[] = [];
    for (const c of next) if (c.length >= 3) for (const s of suffixForms(c)) withSuffixes.push(s);
    for (const c of withSuffixes) if (ROOTS.has(c)) return c;
    frontier = withSuffixes;
    if (frontier.length === 0) break;
  }
  return undefined;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, string>();

const STEMMABLE = /^[a-z]+(?:-[a-z]+)*$/;

/**
 * Stem of one lower-case word. Reduplicated forms stem their base
 * ("anak-anak" -> "anak", "berkali-kali" -> "kali"). Memoised with a bounded
 * cache, since complaint text reuses a small vocabulary.
 */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const result = computeStem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

function computeStem(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  const ov = STEM_OVERRIDES.get(word);
  if (ov !== undefined) return ov;
  if (word.includes('-')) {
    const base = reduplicationBase(word);
    return base === word ? word : stem(base);
  }
  if (word.length <= 3 || ROOTS.has(word)) return word;
  return dictionaryStem(word) ?? nlpjs.stemWord(word);
}

/**
 * Base of a reduplicated word: "anak-anak" -> "anak", "berkali-kali" ->
 * "kali", "peminta-minta" -> "minta", "sayur-mayur" stays whole.
 */
export function reduplicationBase(word: string): string {
  const parts = word.split('-');
  if (parts.length !== 2) return word;
  const [a, b] = parts;
  if (a === b) return a;
  if (b.length >= 3 && a.endsWith(b)) return b; // berkali-kali, peminta-minta
  if (a.length >= 3 && b.startsWith(a)) return a; // ugal-ugalan, terus-terusan
  return word;
}
