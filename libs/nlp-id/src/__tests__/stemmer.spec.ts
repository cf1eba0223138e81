import { stem } from '../stemmer';

// Complaint vocabulary with the stems a reader expects (standard Indonesian morphology).
const EXPECTED: Array<[string, string]> = [
  ['kerusakan', 'rusak'], ['pemadaman', 'padam'], ['perumahan', 'rumah'], ['mengeluhkan', 'keluh'],
  ['pelayanan', 'layan'], ['pembangunan', 'bangun'], ['kebersihan', 'bersih'], ['penerangan', 'terang'],
  ['perbaikan', 'baik'], ['pengaduan', 'adu'], ['jalanan', 'jalan'], ['sampahnya', 'sampah'],
  ['berlubang', 'lubang'], ['diperbaiki', 'baik'], ['dibiarkan', 'biar'], ['kemacetan', 'macet'],
  ['pungutan', 'pungut'], ['keluhan', 'keluh'], ['genangan', 'genang'], ['tergenang', 'genang'],
  ['penumpukan', 'tumpuk'], ['pengangkutan', 'angkut'], ['pembuangan', 'buang'], ['kesehatan', 'sehat'],
  ['pendidikan', 'didik'], ['penerimaan', 'terima'], ['pengurusan', 'urus'], ['perizinan', 'izin'],
  ['pembayaran', 'bayar'], ['keamanan', 'aman'], ['ketertiban', 'tertib'], ['pencurian', 'curi'],
  ['perbaikannya', 'baik'], ['diaspal', 'aspal'], ['tersumbat', 'sumbat'], ['pemeliharaan', 'pelihara'],
  ['kenaikan', 'naik'], ['pemotongan', 'potong'], ['lampunya', 'lampu'], ['padamnya', 'padam'],
  ['terlambat', 'lambat'], ['menunggu', 'tunggu'], ['petugasnya', 'tugas'], ['mengecewakan', 'kecewa'],
  ['memuaskan', 'puas'], ['kepuasan', 'puas'], ['penyaluran', 'salur'], ['pendataan', 'data'],
  ['permohonan', 'mohon'], ['pengecekan', 'cek'], ['penanganan', 'tangan'], ['ditangani', 'tangan'],
  ['membuang', 'buang'], ['berbau', 'bau'], ['kekotoran', 'kotor'], ['meluap', 'luap'], ['terendam', 'rendam'],
  ['pelebaran', 'lebar'], ['penyempitan', 'sempit'], ['perparkiran', 'parkir'], ['berjualan', 'jual'],
  ['penertiban', 'tertib'], ['ditertibkan', 'tertib'], ['kebakaran', 'bakar'], ['kecelakaan', 'celaka'],
  ['dilaporkan', 'lapor'], ['laporan', 'lapor'], ['penebangan', 'tebang'], ['pemasangan', 'pasang'],
  ['terbengkalai', 'bengkalai'], ['dikerjakan', 'kerja'], ['pekerjaan', 'kerja'], ['menyumbat', 'sumbat'],
  ['membersihkan', 'bersih'], ['dibersihkan', 'bersih'], ['pengerukan', 'keruk'], ['anak-anak', 'anak'],
  ['berkali-kali', 'kali'], ['kelurahan', 'lurah'], ['kecamatan', 'camat'], ['bantuan', 'bantu'],
  ['ditindaklanjuti', 'tindaklanjut'], ['pemerintah', 'perintah'], ['kebanjiran', 'banjir'],
  ['menggenang', 'genang'], ['pencemaran', 'cemar'], ['ketinggian', 'tinggi'], ['kesulitan', 'sulit'],
  ['persyaratan', 'syarat'], ['penggusuran', 'gusur'], ['pengamanan', 'aman'], ['penyeberangan', 'seberang'],
  ['kendaraan', 'kendara'], ['sekolahnya', 'sekolah'], ['rumahnya', 'rumah'], ['dipasang', 'pasang'],
];

describe('stemmer', () => {
  it('stems complaint vocabulary with accuracy >= 0.95', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(80);
    const correct = EXPECTED.filter(([w, s]) => stem(w) === s).length;
    expect(correct / EXPECTED.length).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves non-words and roots alone', () => {
    expect(stem('rp50000')).toBe('rp50000');
    expect(stem('puskesmas')).toBe('puskesmas');
    expect(stem('rusak')).toBe('rusak');
  });
});
