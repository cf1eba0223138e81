import type { Metadata } from 'next';
import { getT } from '../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('privacy.short') };
}

export default async function PrivacyPage() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <h2>{t('privacy.collectTitle')}</h2>
      <ul>
        <li>{t('privacy.collect1')}</li>
        <li>{t('privacy.collect2')}</li>
        <li>{t('privacy.collect3')}</li>
      </ul>
      <h2>{t('privacy.protectTitle')}</h2>
      <ul>
        <li>{t('privacy.protect1')}</li>
        <li>{t('privacy.protect2')}</li>
        <li>{t('privacy.protect3')}</li>
        <li>{t('privacy.protect4')}</li>
      </ul>
      <h2>{t('privacy.useTitle')}</h2>
      <p>{t('privacy.use')}</p>
    </>
  );
}
