import type { Metadata } from 'next';
import { apiGet, formatDate } from '../../lib/api';
import { INTL_TAG } from '../../lib/i18n';
import { getT } from '../../lib/locale';
import { fileSize, FORMAT_LABEL, groupReports, quarterParts, type ReportFile } from './reports';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('reports.title') };
}
export const dynamic = 'force-dynamic';

/** Published open reports, by quarter, each in every format it was generated in. No JavaScript needed. */
export default async function ReportsPage() {
  const { locale, t } = await getT();
  const tag = INTL_TAG[locale];
  const res = await apiGet<ReportFile[]>('/reports');
  const periods = res.ok ? groupReports(res.data) : [];
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      {!res.ok ? (
        <p role="alert">{t('reports.failed')}</p>
      ) : periods.length === 0 ? (
        <p>{t('reports.empty')}</p>
      ) : (
        <div data-testid="report-list">
          {periods.map(({ period, documents }) => (
            <section key={period} aria-labelledby={`p-${period}`}>
              <h2 id={`p-${period}`}>{t('reports.quarter', quarterParts(period))}</h2>
              <ul className="aspiration-list">
                {documents.map((d) => {
                  const fields = d.files[0]?.fields.fields ?? [];
                  const dataset = d.files.find((f) => f.format === 'csv') ?? d.files.find((f) => f.format === 'json');
                  return (
                    <li key={d.key} className="card" data-testid="report">
                      <h3 className="item-title">{d.title}</h3>
                      <p className="hint">
                        <span className="status-badge">{t(`reports.kind.${d.kind}`)}</span>
                        {d.publishedAt ? ` · ${t('reports.published')} ${formatDate(d.publishedAt, false, tag)}` : ''}
                        {d.dataAsOf ? ` · ${t('reports.dataAsOf')} ${formatDate(d.dataAsOf, true, tag)}` : ''}
                      </p>
                      <ul aria-label={t('reports.downloadsOf', { title: d.title })}>
                        {d.files.map((f) => (
                          <li key={f.id}>
                            {/* Same-origin link through the portal's /api proxy; `download` keeps the API's file name. */}
                            <a href={f.downloadUrl} download={f.fileName} type={f.contentType.split(';')[0]} data-format={f.format}>
                              {t('reports.download', { format: FORMAT_LABEL[f.format] })}
                            </a>{' '}
                            <span className="hint">
                              ({fileSize(f.size, tag)}, {t('reports.checksum')} <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>)
                            </span>
                          </li>
                        ))}
                      </ul>
                      {fields.length > 0 && (
                        <details>
                          <summary>{t('reports.fields')}</summary>
                          {dataset && (
                            <p>
                              <a href={dataset.schemaUrl}>{t('reports.schema')}</a>
                            </p>
                          )}
                          <table>
                            <thead>
                              <tr>
                                <th scope="col">{t('reports.field')}</th>
                                <th scope="col">{t('reports.type')}</th>
                                <th scope="col">{t('reports.unit')}</th>
                                <th scope="col">{t('reports.description')}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {fields.map((f) => (
                                <tr key={`${f.table ?? ''}.${f.name}`}>
                                  <th scope="row">
                                    <code>{f.table ? `${f.table}.${f.name}` : f.name}</code>
                                  </th>
                                  <td>{f.type}</td>
                                  <td>{f.unit ?? '–'}</td>
                                  <td>{f.description}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
