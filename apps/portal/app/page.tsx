import type { ComponentState } from '@ogh/domain';
import { fetchHealth } from '../lib/api';

// Health is read on every request, never from a build-time snapshot.
export const dynamic = 'force-dynamic';

const STATE_LABEL: Record<ComponentState, string> = {
  up: 'Berjalan normal',
  down: 'Tidak dapat dihubungi',
  not_configured: 'Tidak dipakai (mode satu mesin)',
};

export default async function HomePage() {
  const health = await fetchHealth();
  return (
    <>
      <h1>Selamat datang di portal aspirasi Kota Madiun</h1>
      <p>
        Warga menyampaikan aspirasi, mengikuti tindak lanjutnya, dan menilai kebijakan. Perangkat daerah menjawab secara
        terbuka. Halaman lengkap portal sedang disiapkan.
      </p>
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
            <dt>Versi</dt>
            <dd>{health.report.version}</dd>
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
