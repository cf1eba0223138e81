import Link from 'next/link';
import type { ComponentState } from '@ogh/domain';
import { apiGet, fetchHealth } from '../lib/api';
import { INTL_TAG, type MessageKey } from '../lib/i18n';
import { getT } from '../lib/locale';

// Figures and health are read on every request, never from a build-time snapshot.
export const dynamic = 'force-dynamic';

const STATE_LABEL: Record<ComponentState, MessageKey> = {
  up: 'home.up',
  down: 'home.down',
  not_configured: 'home.notConfigured',
};

interface Stats {
  thisMonth: number;
  total: number;
  verifiedOnTimeShare: number | null;
  averageSatisfaction: number | null;
  satisfactionResponses: number;
}

export default async function HomePage() {
  const [health, stats, { locale, t }] = await Promise.all([fetchHealth(), apiGet<Stats>('/aspirations/stats'), getT()]);
  const tag = INTL_TAG[locale];
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p>
        <Link className="button" href="/aspirasi/baru">
          {t('nav.submit')}
        </Link>{' '}
        <Link href="/lacak">{t('home.trackMine')}</Link>
      </p>

      <section aria-labelledby="angka" className="card">
        <h2 id="angka">{t('home.figures')}</h2>
        {stats.ok ? (
          <dl className="figures">
            <div>
              <dt>{t('home.thisMonth')}</dt>
              <dd data-testid="stat-month">{stats.data.thisMonth.toLocaleString(tag)}</dd>
            </div>
            <div>
              <dt>{t('home.onTime')}</dt>
              <dd>{stats.data.verifiedOnTimeShare == null ? '–' : `${Math.round(stats.data.verifiedOnTimeShare * 100)}%`}</dd>
            </div>
            <div>
              <dt>{t('home.satisfaction')}</dt>
              <dd>{stats.data.averageSatisfaction == null ? '–' : `${stats.data.averageSatisfaction.toLocaleString(tag)} / 5`}</dd>
            </div>
          </dl>
        ) : (
          <p role="alert">{t('home.figuresFailed')}</p>
        )}
      </section>

      <section aria-labelledby="status-layanan" className="card">
        <h2 id="status-layanan">{t('home.service')}</h2>
        {health.reachable ? (
          <dl className="status">
            <dt>{t('home.api')}</dt>
            <dd data-testid="api-status">{health.report.status === 'ok' ? t('home.up') : t('home.degraded')}</dd>
            <dt>{t('home.db')}</dt>
            <dd data-testid="db-status">{t(STATE_LABEL[health.report.database])}</dd>
            <dt>{t('home.queue')}</dt>
            <dd>{t(STATE_LABEL[health.report.redis])}</dd>
          </dl>
        ) : (
          <p role="alert" data-testid="api-status">
            {t('home.apiDown')}
          </p>
        )}
      </section>
    </>
  );
}
