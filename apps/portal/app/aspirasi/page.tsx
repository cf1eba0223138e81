import type { Metadata } from 'next';
import Link from 'next/link';
import { ASPIRATION_STATUSES, ASPIRATION_STATUS_LABELS_ID } from '@ogh/domain';
import { apiGet, formatDate, type Category, type Kecamatan, type PublicAspiration } from '../../lib/api';

export const metadata: Metadata = { title: 'Aspirasi publik' };
export const dynamic = 'force-dynamic';

type Search = { status?: string; category?: string; kecamatan?: string; q?: string; cursor?: string };

/** Public aspirations, redacted, filterable; a plain GET form, so it works without JavaScript. */
export default async function PublicListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === 'string' && v) query.set(k, v);
  query.set('limit', '20');
  const [list, regions, categories] = await Promise.all([
    apiGet<{ items: PublicAspiration[]; nextCursor: string | null }>(`/aspirations?${query}`),
    apiGet<{ kecamatan: Kecamatan[] }[]>('/regions'),
    apiGet<Category[]>('/categories'),
  ]);
  const next = new URLSearchParams(query);
  next.delete('limit');
  if (list.ok && list.data.nextCursor) next.set('cursor', list.data.nextCursor);

  return (
    <>
      <h1>Aspirasi publik</h1>
      <form method="get" className="filters" aria-label="Saring aspirasi">
        <label htmlFor="q">Kata kunci</label>
        <input id="q" name="q" defaultValue={sp.q ?? ''} />
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={sp.status ?? ''}>
          <option value="">Semua</option>
          {ASPIRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ASPIRATION_STATUS_LABELS_ID[s]}
            </option>
          ))}
        </select>
        <label htmlFor="category">Kategori</label>
        <select id="category" name="category" defaultValue={sp.category ?? ''}>
          <option value="">Semua</option>
          {categories.ok && categories.data.map((c) => (
            <option key={c.code} value={c.code}>
              {c.labelId}
            </option>
          ))}
        </select>
        <label htmlFor="kecamatan">Kecamatan</label>
        <select id="kecamatan" name="kecamatan" defaultValue={sp.kecamatan ?? ''}>
          <option value="">Semua</option>
          {regions.ok && regions.data[0]?.kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        <button type="submit">Terapkan</button>
      </form>

      {!list.ok ? (
        <p role="alert">{list.status === 400 ? `Saringan tidak valid: ${list.message}` : 'Daftar belum dapat dimuat. Coba lagi sebentar lagi.'}</p>
      ) : list.data.items.length === 0 ? (
        <p>Tidak ada aspirasi yang cocok.</p>
      ) : (
        <ul className="aspiration-list" data-testid="aspiration-list">
          {list.data.items.map((a) => (
            <li key={a.id} className="card">
              <p className="hint">
                <span className={`status-badge status-${a.status}`}>{a.statusLabel}</span> · {a.category.label} · {a.kelurahan.name}, {a.kecamatan.name} ·{' '}
                {formatDate(a.submittedAt)}
              </p>
              {a.title && <h2 className="item-title">{a.title}</h2>}
              <p>{a.text}</p>
              <p className="hint">
                {a.supportCount} dukungan · <Link href={`/lacak/${a.trackingCode}`}>{a.trackingCode}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.ok && list.data.nextCursor && (
        <p>
          <Link href={`/aspirasi?${next}`}>Halaman berikutnya →</Link>
        </p>
      )}
    </>
  );
}
