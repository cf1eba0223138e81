import type { Metadata } from 'next';
import { BarChart, DataTable } from '../../components/BarChart';
import { apiGet } from '../../lib/api';
import { INTL_TAG, type Translate } from '../../lib/i18n';
import { getT } from '../../lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('stats.short') };
}
export const dynamic = 'force-dynamic';

interface Stats {
  thisMonth: number;
  total: number;
  verifiedOnTimeShare: number | null;
  averageSatisfaction: number | null;
  satisfactionResponses: number;
  averageHours: { toVerify: number | null; toFirstReply: number | null; toResolve: number | null };
  byKecamatan: { code: string; name: string; count: number }[];
  byCategory: { code: string; label: string; count: number }[];
}

interface SurveySummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  target: number;
}

const duration = (h: number | null, t: Translate, tag: string) =>
  h == null ? '–' : h < 48 ? `${h.toLocaleString(tag, { maximumFractionDigits: 1 })} ${t('stats.hours')}` : `${(h / 24).toLocaleString(tag, { maximumFractionDigits: 1 })} ${t('stats.days')}`;

export default async function StatisticsPage() {
  const [stats, survey, { locale, t }] = await Promise.all([apiGet<Stats>('/aspirations/stats'), apiGet<SurveySummary>('/surveys/summary'), getT()]);
  const tag = INTL_TAG[locale];
  const hours = (h: number | null) => duration(h, t, tag);
  if (!stats.ok)
    return (
      <>
        <h1>{t('stats.title')}</h1>
        <p role="alert">{t('stats.failed')}</p>
      </>
    );
  const s = stats.data;
  const kecamatan = s.byKecamatan.map((k) => ({ label: k.name, value: k.count }));
  const categories = s.byCategory.filter((c) => c.count > 0).map((c) => ({ label: c.label, value: c.count }));
  const satisfaction = survey.ok ? (['5', '4', '3', '2', '1'] as const).map((k) => ({ label: `${t('stats.score')} ${k}`, value: survey.data.distribution[k] })) : [];
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>

      <section aria-labelledby="per-kecamatan">
        <h2 id="per-kecamatan">{t('stats.byKecamatan')}</h2>
        <BarChart id="kec" title={t('stats.byKecamatanChart')} data={kecamatan} tag={tag} />
        <DataTable caption={t('stats.byKecamatanTable')} header={[t('stats.kecamatan'), t('stats.aspirations')]} data={kecamatan} tag={tag} />
      </section>

      <section aria-labelledby="per-kategori">
        <h2 id="per-kategori">{t('stats.byCategory')}</h2>
        {categories.length ? (
          <>
            <BarChart id="cat" title={t('stats.byCategoryChart')} data={categories} tag={tag} />
            <DataTable caption={t('stats.byCategoryTable')} header={[t('stats.category'), t('stats.aspirations')]} data={categories} tag={tag} />
          </>
        ) : (
          <p>{t('stats.none')}</p>
        )}
      </section>

      <section aria-labelledby="waktu">
        <h2 id="waktu">{t('stats.response')}</h2>
        <table>
          <caption>{t('stats.responseCaption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('stats.toVerify')}</th>
              <td>{hours(s.averageHours.toVerify)}</td>
            </tr>
            <tr>
              <th scope="row">{t('stats.toReply')}</th>
              <td>{hours(s.averageHours.toFirstReply)}</td>
            </tr>
            <tr>
              <th scope="row">{t('stats.toResolve')}</th>
              <td>{hours(s.averageHours.toResolve)}</td>
            </tr>
            <tr>
              <th scope="row">{t('stats.onTime')}</th>
              <td>{s.verifiedOnTimeShare == null ? '–' : `${Math.round(s.verifiedOnTimeShare * 100)}%`}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="kepuasan">
        <h2 id="kepuasan">{t('stats.satisfaction')}</h2>
        {survey.ok && survey.data.count > 0 ? (
          <>
            <p>{t('stats.satisfactionText', { avg: survey.data.average?.toLocaleString(tag) ?? '–', count: survey.data.count, target: survey.data.target.toLocaleString(tag) })}</p>
            <BarChart id="sat" title={t('stats.satisfactionChart')} data={satisfaction} tag={tag} />
            <DataTable caption={t('stats.satisfactionTable')} header={[t('stats.score'), t('stats.answers')]} data={satisfaction} tag={tag} />
          </>
        ) : (
          <p>{t('stats.noSurvey')}</p>
        )}
      </section>
    </>
  );
}
