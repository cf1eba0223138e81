import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ASPIRATION_STATUS_LABELS_ID, type AspirationStatus } from '@ogh/domain';
import { Flash } from '../../../../components/Flash';
import { apiGet, formatDate, type Category } from '../../../../lib/api';
import { currentStaff, staffFetch } from '../../../../lib/session';
import { categoryAction, noteAction, replyAction, rerouteAction, statusAction } from '../../actions';

export const metadata: Metadata = { title: 'Detail aspirasi' };
export const dynamic = 'force-dynamic';

interface StaffEvent {
  id: string;
  kind: string;
  at: string;
  toStatusLabel: string | null;
  text: string | null;
  isPublic: boolean;
  actor: string;
}

interface StaffDetail {
  id: string;
  trackingCode: string;
  originalTitle: string | null;
  originalText: string;
  address: string | null;
  status: AspirationStatus;
  statusLabel: string;
  category: { code: string; label: string };
  categorySource: string;
  kelurahan: { name: string };
  kecamatan: { name: string };
  opd: { code: string; name: string };
  dueVerifyAt: string;
  duePlanAt: string;
  dueCloseAt: string | null;
  overdue: boolean;
  hasContact: boolean;
  allowedNext: AspirationStatus[];
  supportCount: number;
  events: StaffEvent[];
}

interface Analysis {
  predictedCategory: string;
  confidence: number;
  reasons: string[];
  sentiment: string;
  duplicateOf: { trackingCode: string; score: number } | null;
  musrenbangMatch: { year: number; stage: string; proposal: string; status: string } | null;
  needsReview: boolean;
}

const KIND: Record<string, string> = {
  submitted: 'Diterima',
  status_changed: 'Status',
  reply: 'Tanggapan publik',
  note: 'Catatan internal',
  citizen_info: 'Informasi dari pelapor',
  rerouted: 'Dialihkan',
  category_changed: 'Kategori dikoreksi',
  confirmed: 'Dikonfirmasi pelapor',
  contested: 'Dibantah pelapor',
  auto_closed: 'Ditutup otomatis',
  sla_breached: 'Batas waktu terlewati',
};

export default async function StaffAspirationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ok?: string; galat?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const me = await currentStaff();
  if (!me) redirect('/asn/masuk');
  const [res, insight, opd, categories] = await Promise.all([
    staffFetch<StaffDetail>(`/asn/aspirations/${encodeURIComponent(id)}`),
    staffFetch<Analysis>(`/insight/aspirations/${encodeURIComponent(id)}`),
    apiGet<{ code: string; name: string }[]>('/opd'),
    apiGet<Category[]>('/categories'),
  ]);
  if (!res.ok) {
    return (
      <>
        <h1>Detail aspirasi</h1>
        <p role="alert">{res.status === 404 ? 'Aspirasi tidak ditemukan di OPD Anda.' : res.message}</p>
        <Link href="/asn">Kembali ke kotak masuk</Link>
      </>
    );
  }
  const a = res.data;
  const closed = a.allowedNext.length === 0;
  return (
    <>
      <p>
        <Link href="/asn">← Kotak masuk</Link>
      </p>
      <h1>
        {a.trackingCode} <span className={`status-badge status-${a.status}`} data-testid="staff-status">{a.statusLabel}</span>
      </h1>
      <Flash ok={sp.ok} err={sp.galat} />
      {a.originalTitle && <h2>{a.originalTitle}</h2>}
      <p className="aspiration-text">{a.originalText}</p>
      <dl className="status">
        <dt>Lokasi</dt>
        <dd>
          {a.kelurahan.name}, {a.kecamatan.name}
          {a.address ? ` · ${a.address}` : ''}
        </dd>
        <dt>Kategori</dt>
        <dd>
          {a.category.label} ({a.categorySource === 'auto' ? 'dipilih sistem' : a.categorySource === 'asn' ? 'dikoreksi ASN' : 'dipilih warga'})
        </dd>
        <dt>OPD</dt>
        <dd>{a.opd.name}</dd>
        <dt>Batas verifikasi / rencana</dt>
        <dd className={a.overdue ? 'error' : undefined}>
          {formatDate(a.dueVerifyAt)} / {formatDate(a.duePlanAt)}
          {a.overdue ? ' · terlambat' : ''}
        </dd>
        <dt>Kontak pelapor</dt>
        <dd>{a.hasContact ? 'Ada (baca lewat API, setiap pembacaan tercatat)' : 'Anonim'}</dd>
        <dt>Dukungan warga</dt>
        <dd>{a.supportCount}</dd>
      </dl>

      {insight.ok && (
        <section className="card" aria-labelledby="analisis">
          <h2 id="analisis">Analisis otomatis</h2>
          <p>
            Saran kategori: <strong>{insight.data.predictedCategory}</strong> (keyakinan {Math.round(insight.data.confidence * 100)}%){insight.data.needsReview ? ' · perlu ditinjau' : ''}
          </p>
          <p>Kata yang menentukan: {insight.data.reasons.join(', ') || '–'}</p>
          <p>Sentimen: {insight.data.sentiment}</p>
          {insight.data.duplicateOf && <p>Kemungkinan sama dengan {insight.data.duplicateOf.trackingCode}.</p>}
          {insight.data.musrenbangMatch && (
            <p data-testid="musrenbang-match">
              Sudah ada usulan Musrenbang {insight.data.musrenbangMatch.year} ({insight.data.musrenbangMatch.stage}): “{insight.data.musrenbangMatch.proposal}”, status {insight.data.musrenbangMatch.status}.
            </p>
          )}
        </section>
      )}

      {!closed && (
        <>
          <form action={replyAction} className="card" aria-labelledby="balas">
            <h2 id="balas">Tanggapan publik</h2>
            <input type="hidden" name="id" value={a.id} />
            <label htmlFor="reply">Tanggapan (tampil di halaman lacak dan dikirim ke pelapor bila ada e-mail)</label>
            <textarea id="reply" name="body" rows={3} required minLength={2} />
            <button type="submit">Kirim tanggapan</button>
          </form>

          <form action={statusAction} className="card" aria-labelledby="ubah-status">
            <h2 id="ubah-status">Ubah status</h2>
            <input type="hidden" name="id" value={a.id} />
            <label htmlFor="status">Status berikutnya</label>
            <select id="status" name="status" required>
              {a.allowedNext.map((s) => (
                <option key={s} value={s}>
                  {ASPIRATION_STATUS_LABELS_ID[s]}
                </option>
              ))}
            </select>
            <label htmlFor="reason">Alasan (wajib bila ditolak; tampil ke publik)</label>
            <input id="reason" name="reason" />
            <label htmlFor="policyId">ID kebijakan (wajib bila menjadi kebijakan)</label>
            <input id="policyId" name="policyId" />
            <button type="submit">Simpan status</button>
          </form>
        </>
      )}

      <form action={noteAction} className="card" aria-labelledby="catatan">
        <h2 id="catatan">Catatan internal</h2>
        <input type="hidden" name="id" value={a.id} />
        <label htmlFor="note">Catatan (hanya untuk ASN)</label>
        <textarea id="note" name="body" rows={2} required minLength={2} />
        <button type="submit">Simpan catatan</button>
      </form>

      {!closed && opd.ok && (
        <form action={rerouteAction} className="card" aria-labelledby="alihkan">
          <h2 id="alihkan">Alihkan ke OPD lain</h2>
          <input type="hidden" name="id" value={a.id} />
          <label htmlFor="opdCode">OPD tujuan</label>
          <select id="opdCode" name="opdCode" required>
            {opd.data
              .filter((o) => o.code !== a.opd.code)
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
          </select>
          <label htmlFor="reroute-reason">Alasan</label>
          <input id="reroute-reason" name="reason" required minLength={5} />
          <button type="submit">Alihkan</button>
        </form>
      )}

      {categories.ok && (
        <form action={categoryAction} className="card" aria-labelledby="koreksi">
          <h2 id="koreksi">Koreksi kategori</h2>
          <input type="hidden" name="id" value={a.id} />
          <label htmlFor="categoryCode">Kategori yang benar</label>
          <select id="categoryCode" name="categoryCode" defaultValue={a.category.code}>
            {categories.data.map((c) => (
              <option key={c.code} value={c.code}>
                {c.labelId}
              </option>
            ))}
          </select>
          <button type="submit">Simpan kategori</button>
        </form>
      )}

      <section aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat</h2>
        <ol className="timeline" data-testid="staff-history">
          {a.events.map((e) => (
            <li key={e.id}>
              <p className="hint">
                {formatDate(e.at, true)} · {e.actor} · {e.isPublic ? 'publik' : 'internal'}
              </p>
              <p>
                {KIND[e.kind] ?? e.kind}
                {e.toStatusLabel && e.kind === 'status_changed' ? `: ${e.toStatusLabel}` : ''}
              </p>
              {e.text && <p>{e.text}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
