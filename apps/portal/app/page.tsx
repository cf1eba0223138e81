import Link from 'next/link';
import type { ComponentState } from '@ogh/domain';
import { apiGet, fetchHealth } from '../lib/api';

// Figures and health are read on every request, never from a build-time snapshot.
export const dynamic = 'force-dynamic';

const STATE_LABEL: Record<ComponentState, string> = {
  up: 'Berjalan normal',
  down: 'Tidak dapat dihubungi',
  not_configured: 'Tidak dipakai (mode satu mesin)',
};

interface Stats {
  thisMonth: number;
  total: number;
  verifiedOnTimeShare: number | null;
  averageSatisfaction: number | null;
  satisfactionResponses: number;
}

export default async function HomePage() {
  const [health, stats] = await Promise.all([fetchHealth(), apiGet<Stats>('/aspirations/stats')]);
  return (
    <>
      <h1>Sampaikan aspirasi, ikuti tindak lanjutnya</h1>
      <p>
        Warga Kota Madiun menyampaikan aspirasi, mengikuti tindak lanjutnya dengan kode lacak, dan menilai kebijakan. Perangkat daerah
        menjawab secara terbuka dalam batas waktu layanan (3 hari kerja untuk verifikasi, 5 hari kerja untuk rencana tindak lanjut).
      </p>
      <p>
        <Link className="button" href="/aspirasi/baru">
          Kirim aspirasi
        </Link>{' '}
        <Link href="/lacak">Lacak aspirasi saya</Link>
      </p>

      <section aria-labelledby="angka" className="card">
        <h2 id="angka">Angka terkini</h2>
        {stats.ok ? (
          <dl className="figures">
            <div>
              <dt>Aspirasi bulan ini</dt>
              <dd data-testid="stat-month">{stats.data.thisMonth.toLocaleString('id-ID')}</dd>
            </div>
            <div>
              <dt>Diverifikasi tepat waktu (90 hari)</dt>
              <dd>{stats.data.verifiedOnTimeShare == null ? '–' : `${Math.round(stats.data.verifiedOnTimeShare * 100)}%`}</dd>
            </div>
            <div>
              <dt>Rata-rata kepuasan warga</dt>
              <dd>{stats.data.averageSatisfaction == null ? '–' : `${stats.data.averageSatisfaction.toLocaleString('id-ID')} / 5`}</dd>
            </div>
          </dl>
        ) : (
          <p role="alert">Angka belum dapat dimuat saat ini.</p>
        )}
      </section>

      <section aria-labelledby="status-layanan" className="card">
        <h2 id="status-layanan">Status layanan</h2>
        {health.reachable ? (
          <dl className="status">
            <dt>API</dt>
            <dd data-testid="api-status">{health.report.status === 'ok' ? 'Berjalan normal' : 'Terganggu sebagian'}</dd>
            <dt>Basis data</dt>
            <dd data-testid="db-status">{STATE_LABEL[health.report.database]}</dd>
            <dt>Antrean pekerjaan (Redis)</dt>
            <dd>{STATE_LABEL[health.report.redis]}</dd>
          </dl>
        ) : (
          <p role="alert" data-testid="api-status">
            API tidak dapat dihubungi saat ini. Silakan coba beberapa saat lagi.
          </p>
        )}
      </section>
    </>
  );
}
