import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Flash } from '../../../components/Flash';
import { formatDate } from '../../../lib/api';
import { translator } from '../../../lib/i18n';
import { policyStatusLabel } from '../../../lib/policies';
import { currentStaff, staffFetch } from '../../../lib/session';
import { createPolicyAction, linkPolicyAspirationsAction, policyStatusAction, publishPolicyAction, updatePolicyAction } from '../actions';

export const metadata: Metadata = { title: 'Kebijakan OPD' };
export const dynamic = 'force-dynamic';

interface StaffPolicy {
  id: string;
  title: string;
  summary: string;
  status: string;
  statusLabel: string;
  opd: { code: string; name: string };
  consultationStart: string | null;
  consultationEnd: string | null;
  consultationOpen: boolean;
  publishedAt: string | null;
  published: boolean;
  updatedAt: string;
  aspirationCount: number;
  allowedNext: string[];
  rating: { count: number; average: number | null };
}

// The ASN workspace stays in Indonesian.
const t = translator('id');

/** The OPD's policies, drafts included: write, publish, move forward, link aspirations. Server actions only: works without JavaScript. */
export default async function StaffPoliciesPage({ searchParams }: { searchParams: Promise<{ ok?: string; galat?: string }> }) {
  const sp = await searchParams;
  const me = await currentStaff();
  if (!me) redirect('/asn/masuk');
  if (me.mustChangePassword) redirect('/asn/masuk?ganti=1');
  const list = await staffFetch<{ items: StaffPolicy[]; total: number }>('/asn/policies?limit=100');

  return (
    <>
      <p>
        <Link href="/asn">← Kotak masuk</Link>
      </p>
      <h1>Kebijakan OPD</h1>
      <Flash ok={sp.ok} err={sp.galat} />

      <form action={createPolicyAction} className="card" aria-labelledby="baru">
        <h2 id="baru">Kebijakan baru</h2>
        <p className="hint">Disimpan sebagai rancangan; tampil di halaman publik setelah diterbitkan.</p>
        <label htmlFor="new-title">Judul (5–200 karakter)</label>
        <input id="new-title" name="title" required minLength={5} maxLength={200} />
        <label htmlFor="new-summary">Ringkasan (minimal 10 karakter)</label>
        <textarea id="new-summary" name="summary" rows={4} required minLength={10} maxLength={20000} />
        <ConsultationFields idPrefix="new" />
        <label htmlFor="new-aspirations">Aspirasi yang dijawab (opsional: kode lacak atau ID, pisahkan dengan koma atau baris baru)</label>
        <textarea id="new-aspirations" name="aspirations" rows={2} placeholder="MDN-XXXX-XXXX" />
        <button type="submit">Simpan rancangan</button>
      </form>

      <h2>Daftar kebijakan</h2>
      {!list.ok ? (
        <p role="alert">Daftar kebijakan belum dapat dimuat: {list.message}</p>
      ) : list.data.items.length === 0 ? (
        <p>Belum ada kebijakan untuk OPD ini.</p>
      ) : (
        <ul className="aspiration-list" data-testid="staff-policies">
          {list.data.items.map((p) => (
            <li key={p.id} className="card" data-testid="staff-policy" data-policy-id={p.id}>
              <h3 className="item-title">{p.title}</h3>
              <p className="hint">
                <span className="status-badge" data-testid="policy-status">
                  {policyStatusLabel(p, t)}
                </span>{' '}
                · {p.published ? <Link href={`/kebijakan/${p.id}`}>terbit {p.publishedAt ? formatDate(p.publishedAt) : ''}</Link> : 'belum terbit'} · {p.opd.name} · {p.aspirationCount} aspirasi terkait
                {p.consultationStart && p.consultationEnd ? ` · konsultasi ${formatDate(p.consultationStart)} – ${formatDate(p.consultationEnd)}` : ''}
              </p>

              {!p.published && (
                <form action={publishPolicyAction}>
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" data-testid="publish">
                    Terbitkan
                  </button>
                </form>
              )}

              {p.allowedNext.length > 0 && (
                <form action={policyStatusAction} aria-label={`Ubah status ${p.title}`}>
                  <input type="hidden" name="id" value={p.id} />
                  <label htmlFor={`status-${p.id}`}>Status berikutnya</label>
                  <select id={`status-${p.id}`} name="status">
                    {p.allowedNext.map((s) => (
                      <option key={s} value={s}>
                        {policyStatusLabel({ status: s, statusLabel: s }, t)}
                      </option>
                    ))}
                  </select>
                  {p.allowedNext.includes('consultation') && (
                    <>
                      <p className="hint">Konsultasi publik memerlukan tanggal mulai dan selesai; menaikkan status juga menerbitkan kebijakan.</p>
                      <ConsultationFields idPrefix={`status-${p.id}`} start={p.consultationStart} end={p.consultationEnd} required />
                    </>
                  )}
                  <button type="submit">Simpan status</button>
                </form>
              )}

              <details>
                <summary>Ubah isi</summary>
                <form action={updatePolicyAction}>
                  <input type="hidden" name="id" value={p.id} />
                  <label htmlFor={`title-${p.id}`}>Judul</label>
                  <input id={`title-${p.id}`} name="title" required minLength={5} maxLength={200} defaultValue={p.title} />
                  <label htmlFor={`summary-${p.id}`}>Ringkasan</label>
                  <textarea id={`summary-${p.id}`} name="summary" rows={4} required minLength={10} maxLength={20000} defaultValue={p.summary} />
                  <ConsultationFields idPrefix={`edit-${p.id}`} start={p.consultationStart} end={p.consultationEnd} />
                  <button type="submit">Simpan perubahan</button>
                </form>
              </details>

              <form action={linkPolicyAspirationsAction}>
                <input type="hidden" name="id" value={p.id} />
                <label htmlFor={`link-${p.id}`}>Tautkan aspirasi (kode lacak atau ID)</label>
                <input id={`link-${p.id}`} name="aspirations" required placeholder="MDN-XXXX-XXXX" />
                <button type="submit">Tautkan</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ConsultationFields({ idPrefix, start, end, required = false }: { idPrefix: string; start?: string | null; end?: string | null; required?: boolean }) {
  return (
    <fieldset>
      <legend>Masa konsultasi publik{required ? '' : ' (opsional)'}</legend>
      <label htmlFor={`${idPrefix}-start`}>Mulai</label>
      <input id={`${idPrefix}-start`} name="consultationStart" type="date" defaultValue={start ?? ''} />
      <label htmlFor={`${idPrefix}-end`}>Selesai</label>
      <input id={`${idPrefix}-end`} name="consultationEnd" type="date" defaultValue={end ?? ''} />
    </fieldset>
  );
}
