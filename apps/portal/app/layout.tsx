import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Open Governance Hub — Kota Madiun',
  description: 'Portal aspirasi warga dan kolaborasi ASN–masyarakat Kota Madiun.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

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
        </header>
        <main id="isi">{children}</main>
        <footer className="site-footer">Pemerintah Kota Madiun · Data terbuka untuk kebijakan bersama</footer>
      </body>
    </html>
  );
}
