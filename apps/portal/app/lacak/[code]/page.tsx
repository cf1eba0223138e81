import type { Metadata } from 'next';
import Link from 'next/link';
import { ASPIRATION_STATUS_LABELS_ID, type AspirationStatus } from '@ogh/domain';
import { FollowUpActions } from '../../../components/FollowUpActions';
import { apiGet, formatDate, type Tracking } from '../../../lib/api';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: `Aspirasi ${decodeURIComponent((await params).code)}` };
}

const KIND_LABEL: Record<string, string> = {
  submitted: 'Aspirasi diterima',
  status_changed: 'Status berubah',
  citizen_info: 'Informasi tambahan dari pelapor',
  rerouted: 'Dialihkan',
  confirmed: 'Pelapor mengonfirmasi selesai',
  contested: 'Pelapor menyatakan belum selesai',
  auto_closed: 'Ditutup otomatis (tidak ada tanggapan pelapor dalam 10 hari kerja)',
};

export default async function TrackingPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  const res = await apiGet<Tracking>(`/aspirations/track/${encodeURIComponent(code)}`);
  if (!res.ok) {
    return (
      <>
        <h1>Lacak aspirasi</h1>
        <p role="alert">
          {res.status === 404 || res.status === 400 ? `Aspirasi dengan kode ${code} tidak ditemukan. Periksa kembali kode lacak Anda.` : 'Layanan sedang tidak dapat dihubungi. Coba lagi sebentar lagi.'}
        </p>
        <p>
          <Link href="/lacak">Coba kode lain</Link>
        </p>
      </>
    );
  }
  const a = res.data;
  return (
    <>
      <h1>
        Aspirasi <span data-testid="code">{a.trackingCode}</span>
      </h1>
      <p className={`status-badge status-${a.status}`} data-testid="status">
        {a.statusLabel}
        {a.overdue ? ' · melewati batas waktu' : ''}
      </p>
      {a.title && <h2>{a.title}</h2>}
      <p className="aspiration-text">{a.text}</p>
      <dl className="status">
        <dt>Kategori</dt>
        <dd>{a.category.label}</dd>
        <dt>Lokasi</dt>
        <dd>
          {a.kelurahan.name}, Kecamatan {a.kecamatan.name}
        </dd>
        <dt>Ditangani oleh</dt>
        <dd>{a.opd.name}</dd>
        <dt>Dikirim</dt>
        <dd>{formatDate(a.submittedAt, true)}</dd>
        <dt>Batas verifikasi</dt>
        <dd>{formatDate(a.dueVerifyAt)}</dd>
        <dt>Batas rencana tindak lanjut</dt>
        <dd>{formatDate(a.duePlanAt)}</dd>
        {a.dueCloseAt && (
          <>
            <dt>Ditutup otomatis pada</dt>
            <dd>{formatDate(a.dueCloseAt)}</dd>
          </>
        )}
        {a.satisfaction != null && (
          <>
            <dt>Nilai kepuasan pelapor</dt>
            <dd>{a.satisfaction} / 5</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="tanggapan">
        <h2 id="tanggapan">Tanggapan perangkat daerah</h2>
        {a.replies.length ? (
          <ol className="timeline" data-testid="replies">
            {a.replies.map((r, i) => (
              <li key={i}>
                <p className="hint">
                  {r.by} · {formatDate(r.at, true)}
                </p>
                <p>{r.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>Belum ada tanggapan.</p>
        )}
      </section>

      <section aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat</h2>
        <ol className="timeline" data-testid="history">
          {a.history.map((h, i) => (
            <li key={i}>
              <p className="hint">
                {formatDate(h.at, true)} · {h.by}
              </p>
              <p>
                {KIND_LABEL[h.kind] ?? h.kind}
                {h.toStatus && h.kind === 'status_changed' ? `: ${ASPIRATION_STATUS_LABELS_ID[h.toStatus as AspirationStatus] ?? h.toStatus}` : ''}
              </p>
              {h.text && <p>{h.text}</p>}
            </li>
          ))}
        </ol>
      </section>

      <FollowUpActions code={a.trackingCode} allowed={a.allowedCitizenActions} />
    </>
  );
}
