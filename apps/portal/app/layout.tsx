import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PendingSender } from '../components/PendingSender';
import { section, type MessageKey } from '../lib/i18n';
import { getT } from '../lib/locale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t('site.title'), template: `%s · ${t('site.title')}` }, description: t('site.description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const NAV: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/aspirasi/baru', label: 'nav.submit' },
  { href: '/lacak', label: 'nav.track' },
  { href: '/aspirasi', label: 'nav.public' },
  { href: '/kebijakan', label: 'nav.policies' },
  { href: '/statistik', label: 'nav.stats' },
  { href: '/laporan', label: 'nav.reports' },
  { href: '/survei', label: 'nav.survey' },
  { href: '/privasi', label: 'nav.privacy' },
  { href: '/asn', label: 'nav.asn' },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getT();
  const other = t('site.switchToLang');
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#isi">
          {t('site.skip')}
        </a>
        <header className="site-header">
          <div className="header-top">
            <div>
              <p className="brand">Open Governance Hub</p>
              <p className="tagline">{t('site.tagline')}</p>
            </div>
            {/* A plain link (not next/link: never prefetched): switching language works without JavaScript. */}
            <a href={`/bahasa?lang=${other}`} className="lang-switch" data-testid="lang-switch" lang={other} hrefLang={other} title={t('site.switchLabel')}>
              {t('site.switchTo')}
            </a>
          </div>
          <nav aria-label={t('site.menu')}>
            <ul className="nav">
              {NAV.map((n) => (
                <li key={n.href}>
                  <Link href={n.href}>{t(n.label)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="isi" tabIndex={-1}>
          <PendingSender s={section(locale, 'pending')} />
          {children}
        </main>
        <footer className="site-footer">{t('site.footer')}</footer>
      </body>
    </html>
  );
}
