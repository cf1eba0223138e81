import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Lacak aspirasi' };

/** Works without JavaScript: a plain GET form that lands on /lacak/{kode}. */
export default async function TrackPage({ searchParams }: { searchParams: Promise<{ kode?: string }> }) {
  const { kode } = await searchParams;
  if (kode?.trim()) redirect(`/lacak/${encodeURIComponent(kode.trim().toUpperCase())}`);
  return (
    <>
      <h1>Lacak aspirasi</h1>
      <form method="get" action="/lacak">
        <label htmlFor="kode">Kode lacak</label>
        <input id="kode" name="kode" required placeholder="MDN-XXXX-XXXX" autoCapitalize="characters" autoComplete="off" />
        <button type="submit">Lacak</button>
      </form>
    </>
  );
}
