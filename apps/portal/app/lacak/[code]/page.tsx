import type { Metadata } from 'next';
import Link from 'next/link';
import { ASPIRATION_STATUSES, type AspirationStatus } from '@ogh/domain';
import { FollowUpActions } from '../../../components/FollowUpActions';
import { apiGet, formatDate as formatDateIn, type Tracking } from '../../../lib/api';
import { INTL_TAG, section, type MessageKey } from '../../../lib/i18n';
import { getT } from '../../../lib/locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: `${(await getT()).t('track.aspiration')} ${decodeURIComponent((await params).code)}` };
}

const KINDS = ['submitted', 'status_changed', 'citizen_info', 'rerouted', 'confirmed', 'contested', 'auto_closed'];
const isStatus = (s: string | null): s is AspirationStatus => !!s && (ASPIRATION_STATUSES as readonly string[]).includes(s);

export default async function TrackingPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  const [res, { locale, t }] = await Promise.all([apiGet<Tracking>(`/aspirations/track/${encodeURIComponent(code)}`), getT()]);
  const formatDate = (iso: string, withTime = false) => formatDateIn(iso, withTime, INTL_TAG[locale]);
  const kindLabel = (k: string) => (KINDS.includes(k) ? t(`track.kind.${k}` as MessageKey) : k);
  if (!res.ok) {
    return (
      <>
        <h1>{t('track.title')}</h1>
        <p role="alert">{res.status === 404 || res.status === 400 ? t('track.notFound', { code }) : t('track.unreachable')}</p>
        <p>
          <Link href="/lacak">{t('track.tryOther')}</Link>
        </p>
      </>
    );
  }
  const a = res.data;
  return (
    <>
      <h1>
        {t('track.aspiration')} <span data-testid="code">{a.trackingCode}</span>
      </h1>
      <p className={`status-badge status-${a.status}`} data-testid="status">
        {isStatus(a.status) ? t(`status.${a.status}`) : a.statusLabel}
        {a.overdue ? t('track.overdue') : ''}
      </p>
      {a.title && <h2>{a.title}</h2>}
      <p className="aspiration-text">{a.text}</p>
      <dl className="status">
        <dt>{t('track.category')}</dt>
        <dd>{a.category.label}</dd>
        <dt>{t('track.location')}</dt>
        <dd>
          {a.kelurahan.name}, {t('track.kecamatan')} {a.kecamatan.name}
        </dd>
        <dt>{t('track.opd')}</dt>
        <dd>{a.opd.name}</dd>
        <dt>{t('track.submitted')}</dt>
        <dd>{formatDate(a.submittedAt, true)}</dd>
        <dt>{t('track.dueVerify')}</dt>
        <dd>{formatDate(a.dueVerifyAt)}</dd>
        <dt>{t('track.duePlan')}</dt>
        <dd>{formatDate(a.duePlanAt)}</dd>
        {a.dueCloseAt && (
          <>
            <dt>{t('track.dueClose')}</dt>
            <dd>{formatDate(a.dueCloseAt)}</dd>
          </>
        )}
        {a.satisfaction != null && (
          <>
            <dt>{t('track.satisfaction')}</dt>
            <dd>{a.satisfaction} / 5</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="tanggapan">
        <h2 id="tanggapan">{t('track.replies')}</h2>
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
          <p>{t('track.noReplies')}</p>
        )}
      </section>

      <section aria-labelledby="riwayat">
        <h2 id="riwayat">{t('track.history')}</h2>
        <ol className="timeline" data-testid="history">
          {a.history.map((h, i) => (
            <li key={i}>
              <p className="hint">
                {formatDate(h.at, true)} · {h.by}
              </p>
              <p>
                {kindLabel(h.kind)}
                {h.toStatus && h.kind === 'status_changed' ? `: ${isStatus(h.toStatus) ? t(`status.${h.toStatus}`) : h.toStatus}` : ''}
              </p>
              {h.text && <p>{h.text}</p>}
            </li>
          ))}
        </ol>
      </section>

      <FollowUpActions code={a.trackingCode} allowed={a.allowedCitizenActions} s={section(locale, 'follow')} />
    </>
  );
}
