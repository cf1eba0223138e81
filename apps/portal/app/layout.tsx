import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PendingSender } from '../components/PendingSender';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Portal Aspirasi Kota Madiun', template: '%s · Portal Aspirasi Kota Madiun' },
  description: 'Portal aspirasi warga dan kolaborasi ASN–masyarakat Kota Madiun.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const NAV = [
  { href: '/', label: 'Beranda' },
  { href: '/aspirasi/baru', label: 'Kirim aspirasi' },
  { href: '/lacak', label: 'Lacak' },
  { href: '/aspirasi', label: 'Aspirasi publik' },
  { href: '/kebijakan', label: 'Kebijakan' },
  { href: '/statistik', label: 'Statistik' },
  { href: '/survei', label: 'Survei' },
  { href: '/privasi', label: 'Privasi' },
  { href: '/asn', label: 'Ruang kerja ASN' },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="id">
      <body>
        <a className="skip" href="#isi">
          Langsung ke isi
        </a>
        <header className="site-header">
          <p className="brand">Open Governance Hub</p>
          <p className="tagline">Kota Madiun · Kolaborasi ASN &amp; Warga</p>
          <nav aria-label="Menu utama">
            <ul className="nav">
              {NAV.map((n) => (
                <li key={n.href}>
                  <Link href={n.href}>{n.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="isi">
          <PendingSender />
          {children}
        </main>
        <footer className="site-footer">Pemerintah Kota Madiun · Data terbuka untuk kebijakan bersama</footer>
      </body>
    </html>
  );
}
