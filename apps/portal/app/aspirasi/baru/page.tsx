import type { Metadata } from 'next';
import { AspirationForm } from '../../../components/AspirationForm';
import { apiGet, type Category, type Kecamatan } from '../../../lib/api';
import { section } from '../../../lib/i18n';
import { getT } from '../../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('submit.title') };
}
export const dynamic = 'force-dynamic';

export default async function NewAspirationPage() {
  const [regions, categories, { locale, t }] = await Promise.all([apiGet<{ kecamatan: Kecamatan[] }[]>('/regions'), apiGet<Category[]>('/categories'), getT()]);
  if (!regions.ok || !categories.ok) {
    return (
      <>
        <h1>{t('submit.title')}</h1>
        <p role="alert">{t('submit.unavailable')}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('submit.title')}</h1>
      <AspirationForm kecamatan={regions.data[0]?.kecamatan ?? []} categories={categories.data} s={section(locale, 'form')} />
    </>
  );
}
