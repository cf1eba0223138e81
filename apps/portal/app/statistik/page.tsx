import type { Metadata } from 'next';
import { BarChart, DataTable } from '../../components/BarChart';
import { apiGet } from '../../lib/api';

export const metadata: Metadata = { title: 'Statistik' };
export const dynamic = 'force-dynamic';

interface Stats {
  thisMonth: number;
  total: number;
  verifiedOnTimeShare: number | null;
  averageSatisfaction: number | null;
  satisfactionResponses: number;
  averageHours: { toVerify: number | null; toFirstReply: number | null; toResolve: number | null };
  byKecamatan: { code: string; name: string; count: number }[];
  byCategory: { code: string; label: string; count: number }[];
}

interface SurveySummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  target: number;
}

const hours = (h: number | null) => (h == null ? '–' : h < 48 ? `${h.toLocaleString('id-ID', { maximumFractionDigits: 1 })} jam` : `${(h / 24).toLocaleString('id-ID', { maximumFractionDigits: 1 })} hari`);

export default async function StatisticsPage() {
  const [stats, survey] = await Promise.all([apiGet<Stats>('/aspirations/stats'), apiGet<SurveySummary>('/surveys/summary')]);
  if (!stats.ok) return (<><h1>Statistik</h1><p role="alert">Statistik belum dapat dimuat. Coba lagi sebentar lagi.</p></>);
  const s = stats.data;
  const kecamatan = s.byKecamatan.map((k) => ({ label: k.name, value: k.count }));
  const categories = s.byCategory.filter((c) => c.count > 0).map((c) => ({ label: c.label, value: c.count }));
  const satisfaction = survey.ok ? (['5', '4', '3', '2', '1'] as const).map((k) => ({ label: `Nilai ${k}`, value: survey.data.distribution[k] })) : [];
  return (
    <>
      <h1>Statistik partisipasi</h1>
      <p>Angka 90 hari terakhir, diperbarui setiap kali halaman dibuka. Semua angka juga tersedia sebagai tabel.</p>

      <section aria-labelledby="per-kecamatan">
        <h2 id="per-kecamatan">Aspirasi per kecamatan</h2>
        <BarChart id="kec" title="Jumlah aspirasi per kecamatan, 90 hari terakhir" data={kecamatan} />
        <DataTable caption="Aspirasi per kecamatan (90 hari)" header={['Kecamatan', 'Aspirasi']} data={kecamatan} />
      </section>

      <section aria-labelledby="per-kategori">
        <h2 id="per-kategori">Aspirasi per kategori</h2>
        {categories.length ? (
          <>
            <BarChart id="cat" title="Jumlah aspirasi per kategori, 90 hari terakhir" data={categories} />
            <DataTable caption="Aspirasi per kategori (90 hari)" header={['Kategori', 'Aspirasi']} data={categories} />
          </>
        ) : (
          <p>Belum ada aspirasi dalam 90 hari terakhir.</p>
        )}
      </section>

      <section aria-labelledby="waktu">
        <h2 id="waktu">Waktu tanggapan</h2>
        <table>
          <caption>Rata-rata waktu sejak aspirasi dikirim (90 hari)</caption>
          <tbody>
            <tr>
              <th scope="row">Sampai diverifikasi</th>
              <td>{hours(s.averageHours.toVerify)}</td>
            </tr>
            <tr>
              <th scope="row">Sampai tanggapan pertama</th>
              <td>{hours(s.averageHours.toFirstReply)}</td>
            </tr>
            <tr>
              <th scope="row">Sampai selesai</th>
              <td>{hours(s.averageHours.toResolve)}</td>
            </tr>
            <tr>
              <th scope="row">Diverifikasi dalam 3 hari kerja</th>
              <td>{s.verifiedOnTimeShare == null ? '–' : `${Math.round(s.verifiedOnTimeShare * 100)}%`}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="kepuasan">
        <h2 id="kepuasan">Kepuasan warga</h2>
        {survey.ok && survey.data.count > 0 ? (
          <>
            <p>
              Rata-rata {survey.data.average?.toLocaleString('id-ID')} dari 5 ({survey.data.count} jawaban), target {survey.data.target.toLocaleString('id-ID')}.
            </p>
            <BarChart id="sat" title="Sebaran nilai kepuasan warga" data={satisfaction} />
            <DataTable caption="Sebaran nilai kepuasan" header={['Nilai', 'Jawaban']} data={satisfaction} />
          </>
        ) : (
          <p>Belum ada jawaban survei kepuasan.</p>
        )}
      </section>
    </>
  );
}
