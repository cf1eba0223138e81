import type { Metadata } from 'next';
import Link from 'next/link';
import { apiGet, formatDate } from '../../lib/api';
import type { PolicyItem } from '../../lib/policies';

export const metadata: Metadata = { title: 'Kebijakan' };
export const dynamic = 'force-dynamic';

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Number((await searchParams).page ?? 1) || 1);
  const res = await apiGet<{ items: PolicyItem[]; page: number; limit: number; total: number }>(`/policies?page=${page}&limit=20`);
  return (
    <>
      <h1>Kebijakan</h1>
      <p>Kebijakan yang dibuka untuk konsultasi publik atau sudah ditetapkan. Beri penilaian dan komentar Anda.</p>
      {!res.ok ? (
        <p role="alert">Daftar kebijakan belum dapat dimuat. Coba lagi sebentar lagi.</p>
      ) : res.data.items.length === 0 ? (
        <p>Belum ada kebijakan yang diterbitkan.</p>
      ) : (
        <ul className="aspiration-list" data-testid="policy-list">
          {res.data.items.map((p) => (
            <li key={p.id} className="card">
              <h2 className="item-title">
                <Link href={`/kebijakan/${p.id}`}>{p.title}</Link>
              </h2>
              <p className="hint">
                <span className="status-badge">{p.statusLabel}</span> · {p.opd.name}
                {p.publishedAt ? ` · diterbitkan ${formatDate(p.publishedAt)}` : ''}
                {p.consultationOpen ? ' · konsultasi dibuka' : ''}
              </p>
              <p>{p.summary}</p>
              <p className="hint">
                {p.rating.count} penilaian{p.rating.average != null ? ` · rata-rata ${p.rating.average.toLocaleString('id-ID')} / 5` : ''} · {p.aspirationCount} aspirasi terkait
              </p>
            </li>
          ))}
        </ul>
      )}
      {res.ok && res.data.page * res.data.limit < res.data.total && (
        <p>
          <Link href={`/kebijakan?page=${page + 1}`}>Halaman berikutnya →</Link>
        </p>
      )}
    </>
  );
}
