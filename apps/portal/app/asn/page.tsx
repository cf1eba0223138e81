import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ASPIRATION_STATUSES, ASPIRATION_STATUS_LABELS_ID } from '@ogh/domain';
import { Flash } from '../../components/Flash';
import { formatDate } from '../../lib/api';
import { currentStaff, staffFetch } from '../../lib/session';
import { bulkAction, logoutAction } from './actions';

export const metadata: Metadata = { title: 'Ruang kerja ASN' };
export const dynamic = 'force-dynamic';

interface InboxItem {
  id: string;
  trackingCode: string;
  title: string | null;
  originalText: string;
  status: string;
  statusLabel: string;
  category: { label: string };
  kelurahan: { name: string };
  opd: { name: string };
  dueAt: string | null;
  overdue: boolean;
  supportCount: number;
}

type Search = { status?: string; overdue?: string; ok?: string; galat?: string; cursor?: string };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const me = await currentStaff();
  if (!me) redirect('/asn/masuk');
  if (me.mustChangePassword) redirect('/asn/masuk?ganti=1');
  const q = new URLSearchParams({ limit: '50' });
  if (sp.status) q.set('status', sp.status);
  if (sp.overdue === 'true') q.set('overdue', 'true');
  if (sp.cursor) q.set('cursor', sp.cursor);
  const inbox = await staffFetch<{ items: InboxItem[]; nextCursor: string | null }>(`/asn/aspirations?${q}`);

  return (
    <>
      <h1>Kotak masuk aspirasi</h1>
      <div className="hint session-bar">
        <span>
          Masuk sebagai {me.name} ({me.role === 'admin' ? 'administrator, semua OPD' : 'ASN'}).
        </span>
        <form action={logoutAction}>
          <button type="submit" className="link">
            Keluar
          </button>
        </form>
      </div>
      <nav aria-label="Ruang kerja ASN">
        <Link href="/asn/kebijakan">Kebijakan OPD (rancangan, terbit, status, aspirasi terkait) →</Link>
      </nav>
      <Flash ok={sp.ok} err={sp.galat} />
      <form method="get" className="filters" aria-label="Saring kotak masuk">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={sp.status ?? ''}>
          <option value="">Semua yang masih terbuka</option>
          {ASPIRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ASPIRATION_STATUS_LABELS_ID[s]}
            </option>
          ))}
        </select>
        <label className="inline">
          <input type="checkbox" name="overdue" value="true" defaultChecked={sp.overdue === 'true'} /> Hanya yang melewati batas waktu
        </label>
        <button type="submit">Terapkan</button>
      </form>

      {!inbox.ok ? (
        <p role="alert">Kotak masuk belum dapat dimuat: {inbox.message}</p>
      ) : inbox.data.items.length === 0 ? (
        <p>Tidak ada aspirasi yang perlu ditangani.</p>
      ) : (
        <form action={bulkAction}>
          <table className="inbox" data-testid="inbox">
            <caption>Urut berdasarkan batas waktu layanan terdekat</caption>
            <thead>
              <tr>
                <th scope="col">Pilih</th>
                <th scope="col">Kode</th>
                <th scope="col">Aspirasi</th>
                <th scope="col">Status</th>
                <th scope="col">Batas waktu</th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.items.map((a) => (
                <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                  <td>
                    <input type="checkbox" name="ids" value={a.id} aria-label={`Pilih ${a.trackingCode}`} />
                  </td>
                  <td>
                    <Link href={`/asn/aspirasi/${a.id}`}>{a.trackingCode}</Link>
                  </td>
                  <td>
                    {a.title ?? a.originalText.slice(0, 140)}
                    <br />
                    <span className="hint">
                      {a.category.label} · {a.kelurahan.name} · {a.supportCount} dukungan
                    </span>
                  </td>
                  <td>{a.statusLabel}</td>
                  <td>
                    {a.dueAt ? formatDate(a.dueAt) : '–'}
                    {a.overdue && <strong className="error"> · terlambat</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset>
            <legend>Tindakan untuk yang dipilih</legend>
            <label htmlFor="bulk-status">Ubah status menjadi</label>
            <select id="bulk-status" name="status" defaultValue="verified">
              {ASPIRATION_STATUSES.filter((s) => s !== 'adopted').map((s) => (
                <option key={s} value={s}>
                  {ASPIRATION_STATUS_LABELS_ID[s]}
                </option>
              ))}
            </select>
            <label htmlFor="bulk-reason">Alasan (wajib untuk Ditolak)</label>
            <input id="bulk-reason" name="reason" />
            <button type="submit">Terapkan ke yang dipilih</button>
          </fieldset>
        </form>
      )}
      {inbox.ok && inbox.data.nextCursor && (
        <p>
          <Link href={`/asn?${new URLSearchParams({ ...(sp.status ? { status: sp.status } : {}), ...(sp.overdue ? { overdue: sp.overdue } : {}), cursor: inbox.data.nextCursor })}`}>Berikutnya →</Link>
        </p>
      )}
    </>
  );
}
