import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getT } from '../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('track.title') };
}

/** Works without JavaScript: a plain GET form that lands on /lacak/{kode}. */
export default async function TrackPage({ searchParams }: { searchParams: Promise<{ kode?: string }> }) {
  const { kode } = await searchParams;
  if (kode?.trim()) redirect(`/lacak/${encodeURIComponent(kode.trim().toUpperCase())}`);
  const { t } = await getT();
  return (
    <>
      <h1>{t('track.title')}</h1>
      <form method="get" action="/lacak">
        <label htmlFor="kode">{t('track.code')}</label>
        <input id="kode" name="kode" required placeholder="MDN-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" />
        <button type="submit">{t('track.submit')}</button>
      </form>
    </>
  );
}
