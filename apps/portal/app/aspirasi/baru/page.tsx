import type { Metadata } from 'next';
import { AspirationForm } from '../../../components/AspirationForm';
import { apiGet, type Category, type Kecamatan } from '../../../lib/api';

export const metadata: Metadata = { title: 'Kirim aspirasi' };
export const dynamic = 'force-dynamic';

export default async function NewAspirationPage() {
  const [regions, categories] = await Promise.all([apiGet<{ kecamatan: Kecamatan[] }[]>('/regions'), apiGet<Category[]>('/categories')]);
  if (!regions.ok || !categories.ok) {
    return (
      <>
        <h1>Kirim aspirasi</h1>
        <p role="alert">Formulir belum dapat dimuat karena layanan sedang tidak dapat dihubungi. Silakan coba beberapa saat lagi.</p>
      </>
    );
  }
  return (
    <>
      <h1>Kirim aspirasi</h1>
      <AspirationForm kecamatan={regions.data[0]?.kecamatan ?? []} categories={categories.data} />
    </>
  );
}
