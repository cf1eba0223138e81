import type { Metadata } from 'next';
import Link from 'next/link';
import { ASPIRATION_STATUSES, type AspirationStatus } from '@ogh/domain';
import { apiGet, formatDate, type Category, type Kecamatan, type PublicAspiration } from '../../lib/api';
import { INTL_TAG } from '../../lib/i18n';
import { getT } from '../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('list.title') };
}
export const dynamic = 'force-dynamic';

type Search = { status?: string; category?: string; kecamatan?: string; q?: string; cursor?: string };

/** Public aspirations, redacted, filterable; a plain GET form, so it works without JavaScript. */
export default async function PublicListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === 'string' && v) query.set(k, v);
  query.set('limit', '20');
  const [list, regions, categories, { locale, t }] = await Promise.all([
    apiGet<{ items: PublicAspiration[]; nextCursor: string | null }>(`/aspirations?${query}`),
    apiGet<{ kecamatan: Kecamatan[] }[]>('/regions'),
    apiGet<Category[]>('/categories'),
    getT(),
  ]);
  const statusLabel = (a: PublicAspiration) => ((ASPIRATION_STATUSES as readonly string[]).includes(a.status) ? t(`status.${a.status as AspirationStatus}`) : a.statusLabel);
  const next = new URLSearchParams(query);
  next.delete('limit');
  if (list.ok && list.data.nextCursor) next.set('cursor', list.data.nextCursor);

  return (
    <>
      <h1>{t('list.title')}</h1>
      <form method="get" className="filters" aria-label={t('list.filter')}>
        <label htmlFor="q">{t('list.q')}</label>
        <input id="q" name="q" defaultValue={sp.q ?? ''} />
        <label htmlFor="status">{t('list.status')}</label>
        <select id="status" name="status" defaultValue={sp.status ?? ''}>
          <option value="">{t('common.all')}</option>
          {ASPIRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="category">{t('list.category')}</label>
        <select id="category" name="category" defaultValue={sp.category ?? ''}>
          <option value="">{t('common.all')}</option>
          {categories.ok && categories.data.map((c) => (
            <option key={c.code} value={c.code}>
              {c.labelId}
            </option>
          ))}
        </select>
        <label htmlFor="kecamatan">{t('list.kecamatan')}</label>
        <select id="kecamatan" name="kecamatan" defaultValue={sp.kecamatan ?? ''}>
          <option value="">{t('common.all')}</option>
          {regions.ok && regions.data[0]?.kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.apply')}</button>
      </form>

      {!list.ok ? (
        <p role="alert">{list.status === 400 ? `${t('list.badFilter')} ${list.message}` : t('list.failed')}</p>
      ) : list.data.items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="aspiration-list" data-testid="aspiration-list">
          {list.data.items.map((a) => (
            <li key={a.id} className="card">
              <p className="hint">
                <span className={`status-badge status-${a.status}`}>{statusLabel(a)}</span> · {a.category.label} · {a.kelurahan.name}, {a.kecamatan.name} ·{' '}
                {formatDate(a.submittedAt, false, INTL_TAG[locale])}
              </p>
              {a.title && <h2 className="item-title">{a.title}</h2>}
              <p>{a.text}</p>
              <p className="hint">
                {a.supportCount} {t('list.supports')} · <Link href={`/lacak/${a.trackingCode}`}>{a.trackingCode}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.ok && list.data.nextCursor && (
        <p>
          <Link href={`/aspirasi?${next}`}>{t('common.nextPage')}</Link>
        </p>
      )}
    </>
  );
}
