import type { Metadata } from 'next';
import Link from 'next/link';
import { RatingForm } from '../../../components/RatingForm';
import { apiGet, formatDate } from '../../../lib/api';
import { INTL_TAG, section } from '../../../lib/i18n';
import { getT } from '../../../lib/locale';
import { policyStatusLabel, type PolicyDetail, type PublicRating } from '../../../lib/policies';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('policies.title') };
}
export const dynamic = 'force-dynamic';

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [res, ratings, { locale, t }] = await Promise.all([
    apiGet<PolicyDetail>(`/policies/${encodeURIComponent(id)}`),
    apiGet<{ items: PublicRating[] }>(`/policies/${encodeURIComponent(id)}/ratings?limit=50`),
    getT(),
  ]);
  const tag = INTL_TAG[locale];
  const date = (iso: string) => formatDate(iso, false, tag);
  if (!res.ok) {
    return (
      <>
        <h1>{t('policies.title')}</h1>
        <p role="alert">{res.status === 404 || res.status === 400 ? t('policy.notFound') : t('policy.failed')}</p>
        <p>
          <Link href="/kebijakan">{t('policy.back')}</Link>
        </p>
      </>
    );
  }
  const p = res.data;
  return (
    <>
      <h1>{p.title}</h1>
      <p className="hint">
        <span className="status-badge">{policyStatusLabel(p, t)}</span> · {p.opd.name}
        {p.consultationStart && p.consultationEnd ? ` · ${t('policy.consultation')} ${date(p.consultationStart)} – ${date(p.consultationEnd)}` : ''}
      </p>
      <p className="aspiration-text">{p.summary}</p>

      <section aria-labelledby="penilaian" className="card">
        <h2 id="penilaian">{t('policy.ratingsTitle')}</h2>
        <p data-testid="rating-summary">
          {p.rating.count} {t('policies.ratings')}
          {p.rating.average != null ? `, ${t('policies.average')} ${p.rating.average.toLocaleString(tag)} / 5` : ''}
        </p>
        <table>
          <caption>{t('policy.distribution')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.score')}</th>
              <th scope="col">{t('policy.count')}</th>
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

      <RatingForm policyId={p.id} s={section(locale, 'rate')} />

      <section aria-labelledby="komentar">
        <h2 id="komentar">{t('policy.comments')}</h2>
        {ratings.ok && ratings.data.items.some((r) => r.comment) ? (
          <ul className="timeline" data-testid="comments">
            {ratings.data.items
              .filter((r) => r.comment)
              .map((r) => (
                <li key={r.id}>
                  <p className="hint">
                    {t('policy.score')} {r.score} · {date(r.createdAt)}
                  </p>
                  <p>{r.comment}</p>
                </li>
              ))}
          </ul>
        ) : (
          <p>{t('policy.noComments')}</p>
        )}
      </section>

      <section aria-labelledby="terkait">
        <h2 id="terkait">{t('policy.related')}</h2>
        {p.aspirations.length ? (
          <ul>
            {p.aspirations.map((a) => (
              <li key={a.id}>
                <Link href={`/lacak/${a.trackingCode}`}>{a.trackingCode}</Link> · {a.statusLabel} · {a.title ?? a.text.slice(0, 120)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('policy.noRelated')}</p>
        )}
      </section>
    </>
  );
}
