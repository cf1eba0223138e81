import type { Metadata } from 'next';
import Link from 'next/link';
import { apiGet, formatDate } from '../../lib/api';
import { INTL_TAG } from '../../lib/i18n';
import { getT } from '../../lib/locale';
import { policyStatusLabel, type PolicyItem } from '../../lib/policies';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('policies.title') };
}
export const dynamic = 'force-dynamic';

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Number((await searchParams).page ?? 1) || 1);
  const { locale, t } = await getT();
  const tag = INTL_TAG[locale];
  const res = await apiGet<{ items: PolicyItem[]; page: number; limit: number; total: number }>(`/policies?page=${page}&limit=20`);
  return (
    <>
      <h1>{t('policies.title')}</h1>
      <p>{t('policies.intro')}</p>
      {!res.ok ? (
        <p role="alert">{t('policies.failed')}</p>
      ) : res.data.items.length === 0 ? (
        <p>{t('policies.empty')}</p>
      ) : (
        <ul className="aspiration-list" data-testid="policy-list">
          {res.data.items.map((p) => (
            <li key={p.id} className="card">
              <h2 className="item-title">
                <Link href={`/kebijakan/${p.id}`}>{p.title}</Link>
              </h2>
              <p className="hint">
                <span className="status-badge">{policyStatusLabel(p, t)}</span> · {p.opd.name}
                {p.publishedAt ? ` · ${t('policies.published')} ${formatDate(p.publishedAt, false, tag)}` : ''}
                {p.consultationOpen ? ` · ${t('policies.open')}` : ''}
              </p>
              <p>{p.summary}</p>
              <p className="hint">
                {p.rating.count} {t('policies.ratings')}
                {p.rating.average != null ? ` · ${t('policies.average')} ${p.rating.average.toLocaleString(tag)} / 5` : ''} · {p.aspirationCount} {t('policies.linked')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {res.ok && res.data.page * res.data.limit < res.data.total && (
        <p>
          <Link href={`/kebijakan?page=${page + 1}`}>{t('common.nextPage')}</Link>
        </p>
      )}
    </>
  );
}
