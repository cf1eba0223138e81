/**
 * Indonesian texts of the demo city that the labelled corpus does not give:
 * ASN replies, rejection reasons, policies, forum topics, Musrenbang
 * proposals, fellows. Names are invented; nothing is a real person.
 */

/** Openings and closings added to corpus texts so that repeated templates read differently. */
export const TEXT_OPENINGS = ['', '', '', 'Selamat pagi. ', 'Mohon izin melapor. ', 'Assalamualaikum, ', 'Permisi, ', 'Sekadar informasi, '];
export const TEXT_CLOSINGS = ['', '', '', ' Mohon ditindaklanjuti.', ' Terima kasih atas perhatiannya.', ' Mohon info lebih lanjut.'];

/** First public replies of an OPD. */
export const REPLIES = [
  'Terima kasih atas laporannya. Petugas kami akan melakukan pengecekan ke lokasi dalam waktu dekat.',
  'Laporan sudah kami terima dan diteruskan ke bidang terkait untuk ditindaklanjuti.',
  'Terima kasih, tim kami sudah menjadwalkan peninjauan lapangan minggu ini.',
  'Aduan Bapak/Ibu sudah kami catat. Kami akan menginformasikan perkembangannya melalui kanal ini.',
  'Terima kasih atas masukannya. Kami koordinasikan dengan kelurahan setempat.',
  'Mohon maaf atas ketidaknyamanannya. Petugas sudah kami tugaskan untuk menangani.',
];

/** Reasons of a rejection, shown publicly. */
export const REJECTION_REASONS = [
  'Lokasi berada di luar wilayah Kota Madiun; laporan kami teruskan ke pemerintah kabupaten.',
  'Laporan tidak dapat diverifikasi karena keterangan lokasi kurang jelas. Silakan kirim ulang dengan detail lokasi.',
  'Merupakan kewenangan instansi vertikal; sudah kami sampaikan ke instansi yang berwenang.',
  'Laporan yang sama sudah ditangani melalui aspirasi sebelumnya.',
];

/** Two policies per category: [title, summary]. */
export const POLICIES: Record<string, [string, string][]> = {
  infrastruktur_jalan: [
    ['Program Perbaikan Jalan Lingkungan Berbasis Aduan Warga', 'Perbaikan jalan lingkungan diprioritaskan menurut jumlah dan umur aduan warga per kelurahan.'],
    ['Standar Pemeliharaan Rutin Jalan Kota', 'Jadwal tambal sulam berkala dan inspeksi jalan kota setiap triwulan.'],
  ],
  drainase_banjir: [
    ['Normalisasi Saluran dan Gorong-gorong Musim Hujan', 'Pengerukan saluran primer dan sekunder sebelum puncak musim hujan, diprioritaskan pada titik genangan yang sering dilaporkan.'],
    ['Sistem Peringatan Dini Genangan Kota Madiun', 'Pemasangan sensor tinggi muka air di titik rawan dan pengumuman melalui portal.'],
  ],
  kebersihan_lingkungan: [
    ['Jadwal Angkut Sampah Terpadu per Kelurahan', 'Jadwal pengangkutan sampah diumumkan per kelurahan dan dipantau melalui aduan warga.'],
    ['Bank Sampah Kelurahan', 'Pendampingan bank sampah di setiap kelurahan untuk mengurangi sampah ke TPA.'],
  ],
  penerangan_jalan: [
    ['Penggantian Lampu PJU ke LED', 'Penggantian bertahap lampu penerangan jalan umum ke LED hemat energi.'],
    ['Layanan Perbaikan PJU 3x24 Jam', 'Target perbaikan lampu jalan mati paling lama tiga hari kerja sejak laporan diverifikasi.'],
  ],
  kesehatan: [
    ['Gerakan Pemberantasan Sarang Nyamuk Serentak', 'Kegiatan PSN serentak dan fogging terarah di kelurahan dengan kasus DBD tertinggi.'],
    ['Perluasan Jam Layanan Puskesmas', 'Layanan sore di puskesmas dengan antrean daring.'],
  ],
  pendidikan: [
    ['Transparansi Kuota Zonasi PPDB', 'Publikasi kuota dan peta zonasi setiap sekolah sebelum pendaftaran dibuka.'],
    ['Rehabilitasi Ruang Kelas SD Negeri', 'Rehabilitasi ruang kelas rusak berdasarkan data sekolah dan laporan warga.'],
  ],
  umkm_ekonomi: [
    ['Pendampingan Perizinan UMKM Satu Pintu', 'Klinik perizinan dan NIB untuk pelaku usaha mikro di setiap kecamatan.'],
    ['Penataan Pedagang Kaki Lima Pahlawan Street Center', 'Penataan lapak dan jam operasional PKL bersama paguyuban pedagang.'],
  ],
  ketenagakerjaan: [
    ['Bursa Kerja Daring Kota Madiun', 'Lowongan kerja lokal diumumkan melalui portal dan dicocokkan dengan pencari kerja.'],
    ['Pelatihan Keterampilan Kerja Berbasis Kebutuhan Industri', 'Pelatihan di BLK sesuai permintaan perusahaan di Madiun.'],
  ],
  transportasi_parkir: [
    ['Penertiban Parkir Liar di Jalan Protokol', 'Penertiban parkir di bahu jalan protokol dan perluasan kantong parkir resmi.'],
    ['Perbaikan Rambu dan Marka Jalan', 'Inventarisasi dan penggantian rambu rusak berdasarkan laporan warga.'],
  ],
  administrasi_kependudukan: [
    ['Layanan Adminduk Jemput Bola', 'Perekaman KTP-el dan penerbitan dokumen kependudukan di kelurahan dan untuk warga lansia.'],
    ['Antrean Daring Dispendukcapil', 'Pendaftaran antrean layanan kependudukan melalui portal.'],
  ],
  sosial_bansos: [
    ['Pemutakhiran Data Penerima Bantuan Sosial', 'Verifikasi dan validasi DTKS bersama RT/RW dengan kanal sanggahan warga.'],
    ['Layanan Bantuan Alat Bantu Disabilitas', 'Penyaluran kursi roda dan alat bantu dengar berdasarkan pengajuan warga.'],
  ],
  ketertiban_keamanan: [
    ['Patroli Malam Terpadu di Titik Rawan', 'Patroli Satpol PP bersama linmas di titik yang sering dilaporkan warga.'],
    ['Penertiban Reklame Liar', 'Penertiban reklame tanpa izin di ruang publik.'],
  ],
  layanan_digital: [
    ['Perluasan Wi-Fi Publik di Taman Kota', 'Penambahan titik Wi-Fi publik di taman dan balai kelurahan.'],
    ['Satu Portal Layanan Publik Kota Madiun', 'Integrasi layanan daring OPD dalam satu portal dengan akun warga.'],
  ],
  lainnya: [
    ['Forum Konsultasi Publik Rutin per Kecamatan', 'Forum konsultasi publik setiap triwulan di setiap kecamatan.'],
    ['Keterbukaan Informasi Anggaran Kelurahan', 'Publikasi ringkasan anggaran kelurahan di papan informasi dan portal.'],
  ],
};

export const POLICY_RATING_COMMENTS = [
  'Sangat membantu warga, semoga konsisten.',
  'Sudah bagus, tapi pelaksanaannya di kelurahan kami belum terasa.',
  'Mohon sosialisasinya diperluas sampai tingkat RT.',
  'Kebijakan yang tepat, terima kasih.',
  'Perlu evaluasi karena masih banyak keluhan di lapangan.',
];

export const FORUM_TOPICS = [
  'Prioritas pembangunan kelurahan tahun depan',
  'Penanganan genangan dan saluran air',
  'Pengelolaan sampah dan bank sampah',
  'Layanan kesehatan dan posyandu',
  'Penataan PKL dan parkir',
  'Keterbukaan informasi anggaran',
];

/** Musrenbang proposals: [bidang, problem, proposal, unit, category of the matching policy]. */
export const MUSRENBANG_PROPOSALS: [string, string, string, string, string][] = [
  ['Infrastruktur', 'Jalan lingkungan rusak dan berlubang', 'Pengaspalan jalan lingkungan RW', 'meter', 'infrastruktur_jalan'],
  ['Infrastruktur', 'Saluran air tersumbat dan meluap saat hujan', 'Normalisasi saluran drainase lingkungan', 'meter', 'drainase_banjir'],
  ['Infrastruktur', 'Gang gelap pada malam hari', 'Pemasangan lampu penerangan jalan lingkungan', 'titik', 'penerangan_jalan'],
  ['Lingkungan Hidup', 'Sampah menumpuk di TPS', 'Pengadaan gerobak sampah dan kontainer', 'unit', 'kebersihan_lingkungan'],
  ['Kesehatan', 'Posyandu kekurangan alat ukur', 'Pengadaan alat antropometri posyandu', 'paket', 'kesehatan'],
  ['Pendidikan', 'Ruang PAUD rusak', 'Rehabilitasi gedung PAUD kelurahan', 'unit', 'pendidikan'],
  ['Ekonomi', 'Pelaku UMKM belum punya izin usaha', 'Pelatihan dan pendampingan perizinan UMKM', 'orang', 'umkm_ekonomi'],
  ['Sosial', 'Lansia terlantar belum terdata', 'Pendataan dan pendampingan lansia', 'orang', 'sosial_bansos'],
];

export const FIRST_NAMES = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Eko', 'Sri', 'Joko', 'Nur', 'Wahyu', 'Lestari', 'Bambang', 'Ayu', 'Hendra', 'Putri', 'Yuli', 'Dimas', 'Ratna', 'Arif', 'Indah'];
export const LAST_NAMES = ['Rahayu', 'Santoso', 'Wulandari', 'Prasetyo', 'Handayani', 'Saputra', 'Lestari', 'Hidayat', 'Kurniawan', 'Purnomo', 'Susanti', 'Setiawan'];

export const FELLOW_ACTIVITIES: Record<'data_audit' | 'forum_facilitation' | 'mentoring', string[]> = {
  data_audit: ['Audit data penerima bansos kelurahan', 'Pemeriksaan kelengkapan data posyandu', 'Validasi data titik genangan'],
  forum_facilitation: ['Fasilitasi forum konsultasi publik kecamatan', 'Pendampingan musyawarah kelurahan'],
  mentoring: ['Mentoring literasi data untuk karang taruna', 'Pendampingan kader PKK membaca data'],
};

export const ASN_SURVEY_COMMENTS = [
  'Kotak masuk per OPD memudahkan pembagian tugas.',
  'Pengingat tenggat SLA sangat membantu.',
  'Masih perlu pelatihan untuk staf baru.',
  'Saran: tambah templat balasan.',
  'Statistik per kelurahan berguna untuk rapat.',
];

export const OKR_CHECK_IN_NOTES = [
  'Progres sesuai rencana; koordinasi mingguan berjalan.',
  'Ada hambatan data dari beberapa OPD, sedang ditindaklanjuti.',
  'Capaian naik setelah sosialisasi di kelurahan.',
  'Perlu dukungan tambahan untuk fase berikutnya.',
];
