import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Privasi' };

export default function PrivacyPage() {
  return (
    <>
      <h1>Privasi dan penggunaan data</h1>
      <p>Portal ini dikelola oleh Pemerintah Kota Madiun mengikuti UU ITE, PP 71/2019 dan pedoman data terbuka. Kami mengumpulkan sesedikit mungkin data pribadi.</p>
      <h2>Apa yang kami kumpulkan</h2>
      <ul>
        <li>Isi aspirasi, kelurahan, kategori, dan (jika Anda berikan) alamat serta titik lokasi.</li>
        <li>Kontak (nama, nomor HP, e-mail) hanya jika Anda memilih bersedia dihubungi dan menyetujuinya. Tanpa kontak, aspirasi Anda anonim.</li>
        <li>Nilai kepuasan dan komentar yang Anda kirim.</li>
      </ul>
      <h2>Bagaimana kami melindunginya</h2>
      <ul>
        <li>Kontak disimpan terenkripsi (AES-256-GCM), terpisah dari isi aspirasi, dan hanya dapat dibuka oleh perangkat daerah yang menangani aspirasi Anda atau administrator. Setiap pembukaan tercatat.</li>
        <li>NIK, nomor telepon, dan alamat e-mail yang tertulis di dalam teks aspirasi disamarkan ([NIK], [TELEPON], [EMAIL]) di semua tampilan publik dan di analisis.</li>
        <li>Titik lokasi ditampilkan ke publik dengan ketelitian sekitar 100 meter.</li>
        <li>Analisis otomatis (topik, sentimen, aspirasi serupa) hanya membantu petugas; keputusan tetap diambil oleh ASN, dan koreksi mereka dicatat.</li>
      </ul>
      <h2>Untuk apa data dipakai</h2>
      <p>Untuk menindaklanjuti aspirasi Anda, memberi kabar perkembangan (jika Anda memberi e-mail), dan menyusun statistik serta laporan terbuka tanpa data pribadi.</p>
    </>
  );
}
