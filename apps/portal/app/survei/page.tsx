import type { Metadata } from 'next';
import { SurveyForm } from '../../components/SurveyForm';
import { section } from '../../lib/i18n';
import { getT } from '../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('survey.title') };
}

export default async function SurveyPage() {
  const { locale, t } = await getT();
  return (
    <>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      <SurveyForm s={section(locale, 'survey')} />
    </>
  );
}
