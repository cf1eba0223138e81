import type { Metadata } from 'next';
import Link from 'next/link';
import { RatingForm } from '../../../components/RatingForm';
import { apiGet, formatDate } from '../../../lib/api';
import type { PolicyDetail, PublicRating } from '../../../lib/policies';

export const metadata: Metadata = { title: 'Kebijakan' };
export const dynamic = 'force-dynamic';

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [res, ratings] = await Promise.all([
    apiGet<PolicyDetail>(`/policies/${encodeURIComponent(id)}`),
    apiGet<{ items: PublicRating[] }>(`/policies/${encodeURIComponent(id)}/ratings?limit=50`),
  ]);
  if (!res.ok) {
    return (
      <>
        <h1>Kebijakan</h1>
        <p role="alert">{res.status === 404 || res.status === 400 ? 'Kebijakan tidak ditemukan.' : 'Kebijakan belum dapat dimuat. Coba lagi sebentar lagi.'}</p>
        <p>
          <Link href="/kebijakan">Kembali ke daftar kebijakan</Link>
        </p>
      </>
    );
  }
  const p = res.data;
  return (
    <>
      <h1>{p.title}</h1>
      <p className="hint">
        <span className="status-badge">{p.statusLabel}</span> · {p.opd.name}
        {p.consultationStart && p.consultationEnd ? ` · konsultasi ${formatDate(p.consultationStart)} – ${formatDate(p.consultationEnd)}` : ''}
      </p>
      <p className="aspiration-text">{p.summary}</p>

      <section aria-labelledby="penilaian" className="card">
        <h2 id="penilaian">Penilaian warga</h2>
        <p data-testid="rating-summary">
          {p.rating.count} penilaian{p.rating.average != null ? `, rata-rata ${p.rating.average.toLocaleString('id-ID')} / 5` : ''}
        </p>
        <table>
          <caption>Sebaran nilai</caption>
          <thead>
            <tr>
              <th scope="col">Nilai</th>
              <th scope="col">Jumlah</th>
            </tr>
          </thead>
          <tbody>
            {(['5', '4', '3', '2', '1'] as const).map((s) => (
              <tr key={s}>
                <th scope="row">{s}</th>
                <td>{p.rating.distribution[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <RatingForm policyId={p.id} />

      <section aria-labelledby="komentar">
        <h2 id="komentar">Komentar</h2>
        {ratings.ok && ratings.data.items.some((r) => r.comment) ? (
          <ul className="timeline" data-testid="comments">
            {ratings.data.items
              .filter((r) => r.comment)
              .map((r) => (
                <li key={r.id}>
                  <p className="hint">
                    Nilai {r.score} · {formatDate(r.createdAt)}
                  </p>
                  <p>{r.comment}</p>
                </li>
              ))}
          </ul>
        ) : (
          <p>Belum ada komentar.</p>
        )}
      </section>

      <section aria-labelledby="terkait">
        <h2 id="terkait">Aspirasi terkait</h2>
        {p.aspirations.length ? (
          <ul>
            {p.aspirations.map((a) => (
              <li key={a.id}>
                <Link href={`/lacak/${a.trackingCode}`}>{a.trackingCode}</Link> · {a.statusLabel} · {a.title ?? a.text.slice(0, 120)}
              </li>
            ))}
          </ul>
        ) : (
          <p>Belum ada aspirasi yang ditautkan.</p>
        )}
      </section>
    </>
  );
}
