import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parse as parseYaml } from 'yaml';
import { AnalyticsRefreshService } from '../../analytics/analytics-refresh.service';
import { findMetric } from '../../okr/metrics/registry';
import { JobQueueService } from '../../queue/job-queue.service';
import { startTestApp, TestApp } from '../../testing/test-app';
import { QuarterlyReportsJob } from '../jobs/quarterly-reports.job';
import { REPORT_TITLE } from '../report-data';
import { PARTICIPATION_FIELDS } from '../report-fields';
import { periodContaining } from '../report-period';
import { extractPdf } from './pdf-text';

interface File {
  id: string;
  period: string;
  kind: string;
  format: string;
  fileName: string;
  contentType: string;
  publishedAt: string | null;
  sha256: string;
  size: number;
}

/** What the analytics view says per kecamatan for the period: the figures every export must repeat. */
type ViewRow = { kecamatan_code: string; kecamatan_name: string; aspirations: number; resolved: number; supports: number };

const SECTIONS = ['1. Ringkasan', '2. Partisipasi warga per kecamatan', '3. Aspirasi per kategori', '4. Kinerja layanan dan kepuasan', '5. Kebijakan dan penilaian warga', '7. OKR 90 hari', '8. Citizen Data Fellows', 'Lampiran. Deskripsi kolom'];
const POLICY_TITLE = 'Perwali layanan posyandu keliling';
const NIK = '3577012503850004';
const EMAIL = 'warga.rahasia@example.id';

describe('open reports (HTTP, real Postgres)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let bappeda: string;
  let citizen: string;
  let files: File[];
  let view: ViewRow[];
  const period = periodContaining(new Date());
  const byFormat = (f: string) => files.find((x) => x.format === f)!;
  const download = async (id: string, token?: string) => {
    const res = await fetch(`${t.api}/reports/${id}/download`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' } });
    ds = t.app.get(DataSource);
    admin = await t.tokenFor('admin');
    bappeda = await t.tokenFor('bappeda');
    citizen = await t.tokenFor('citizen');
    const asn = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    // 3 aspirations in Kartoharjo, 2 in Manguharjo, 1 in Taman; one carries personal data.
    const texts: [string, string][] = [
      ['35.77.01.1001', 'Jalan lingkungan berlubang besar dan membahayakan pengendara motor.'],
      ['35.77.01.1002', 'Lampu penerangan jalan di gang kami mati sejak seminggu.'],
      ['35.77.01.1003', `Sampah menumpuk di pinggir sungai, hubungi saya NIK ${NIK} atau ${EMAIL}.`],
      ['35.77.02.1004', 'Antrean puskesmas panjang sekali setiap pagi.'],
      ['35.77.02.1005', 'Obat di puskesmas sering kosong, mohon ditambah stoknya.'],
      ['35.77.03.1001', 'Selokan mampet dan banjir setiap hujan deras.'],
    ];
    for (const [kelurahanCode, text] of texts) {
      const res = await t.request('POST', '/aspirations', { body: { text, kelurahanCode, contact: { name: 'Budi Santoso', email: EMAIL, consent: true } } });
      expect(res.status).toBe(201);
    }
    const p = await t.request('POST', '/policies', { token: asn, body: { title: POLICY_TITLE, summary: 'Posyandu keliling di setiap kelurahan.' } });
    expect((await t.request('POST', `/policies/${p.body.id}/publish`, { token: asn })).status).toBe(200);
    for (const score of [5, 4, 4]) expect((await t.request('POST', `/policies/${p.body.id}/ratings`, { body: { score, raterId: randomUUID() } })).status).toBe(201);
    await t.app.get(AnalyticsRefreshService).refresh({ force: true });
    view = await ds.query(
      `SELECT k.kecamatan_code, k.kecamatan_name, coalesce(sum(p.aspirations), 0)::int AS aspirations, coalesce(sum(p.resolved), 0)::int AS resolved, coalesce(sum(p.supports), 0)::int AS supports
       FROM analytics.dim_kecamatan k LEFT JOIN analytics.participation_daily p ON p.kecamatan_code = k.kecamatan_code AND p.day >= $1::date AND p.day < $2::date
       GROUP BY 1, 2 ORDER BY 1`,
      [period.firstDay, period.nextFirstDay],
    );
    expect(view.map((v) => v.aspirations)).toEqual([3, 2, 1]);

    const res = await t.request('POST', '/reports', { token: bappeda, body: { period: period.code } });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    files = res.body;
  });
  afterAll(() => t?.close());

  it('generates the five files of the quarter as drafts, with sizes and checksums', async () => {
    expect(files.map((f) => `${f.kind}.${f.format}`).sort()).toEqual(['final_report.docx', 'final_report.pdf', 'participation.csv', 'participation.json', 'policy_summary.md']);
    expect(files.every((f) => f.period === period.code && f.publishedAt === null)).toBe(true);
    const pdf = await download(byFormat('pdf').id, admin);
    expect(pdf.status).toBe(200);
    expect(pdf.body.length).toBe(byFormat('pdf').size);
    expect(pdf.headers.get('x-content-sha256')).toBe(byFormat('pdf').sha256);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps drafts from the public: not listed, 404 on download, visible to staff with all=1', async () => {
    expect((await t.request('GET', '/reports')).body).toEqual([]);
    expect((await t.request('GET', '/reports?all=1')).body).toEqual([]);
    expect((await t.request('GET', '/reports?all=1', { token: citizen })).body).toEqual([]);
    expect((await t.request('GET', '/reports?all=1', { token: admin })).body).toHaveLength(5);
    const anon = await download(byFormat('csv').id);
    expect(anon.status).toBe(404);
    expect(JSON.parse(anon.body.toString()).code).toBe('NOT_FOUND');
    expect((await download(byFormat('csv').id, citizen)).status).toBe(404);
    expect((await t.request('GET', `/reports/${byFormat('csv').id}/schema`)).status).toBe(404);
  });

  it('JSON: participation per kecamatan equal to the analytics view, with a fields description', async () => {
    const res = await download(byFormat('json').id, admin);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(res.body.toString('utf8'));
    expect(body.period).toBe(period.code);
    expect(body.fields.map((f: { name: string }) => f.name)).toEqual(PARTICIPATION_FIELDS.map((f) => f.name));
    for (const f of body.fields) expect(f).toEqual(expect.objectContaining({ name: expect.any(String), type: expect.any(String), description: expect.any(String) }));
    expect(body.data.map((r: ViewRow) => ({ kecamatan_code: r.kecamatan_code, kecamatan_name: r.kecamatan_name, aspirations: r.aspirations, resolved: r.resolved, supports: r.supports }))).toEqual(view);
    expect(body.data.reduce((s: number, r: { share_pct: number }) => s + r.share_pct, 0)).toBeCloseTo(100, 0);
    expect(body.totals.aspirations).toBe(6);
    for (const r of body.data) if (r.population) expect(r.per_1000).toBeCloseTo((r.aspirations * 1000) / r.population, 2);
  });

  it('CSV: same rows as the view; its Table Schema is served and linked', async () => {
    const res = await download(byFormat('csv').id, admin);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="partisipasi-kecamatan-${period.code}.csv"`);
    expect(res.headers.get('link')).toBe(`</api/reports/${byFormat('csv').id}/schema>; rel="describedby"; type="application/schema+json"`);
    const rows: Record<string, string>[] = parseCsv(res.body, { columns: true });
    expect(Object.keys(rows[0])).toEqual(PARTICIPATION_FIELDS.map((f) => f.name));
    expect(rows.map((r) => [r.kecamatan_code, Number(r.aspirations), Number(r.resolved), Number(r.supports)])).toEqual(view.map((v) => [v.kecamatan_code, v.aspirations, v.resolved, v.supports]));
    const schema = await t.request('GET', `/reports/${byFormat('csv').id}/schema`, { token: admin });
    expect(schema.status).toBe(200);
    expect(schema.body.primaryKey).toEqual(['period', 'kecamatan_code']);
    expect(schema.body.fields.find((f: { name: string }) => f.name === 'per_1000')).toMatchObject({ type: 'number', unit: 'aspirasi per 1.000 penduduk' });
  });

  it('Markdown: YAML front matter parses and the summary names the policy and its ratings', async () => {
    const res = await download(byFormat('md').id, admin);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = res.body.toString('utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(m).not.toBeNull();
    const front = parseYaml(m![1]);
    expect(front).toMatchObject({ period: period.code, period_start: period.firstDay, period_end: period.lastDay, language: 'id' });
    expect(front.source).toContain('analytics.policy_ratings');
    expect(front.fields.find((f: { name: string }) => f.name === 'average_score')).toMatchObject({ table: 'kebijakan', type: 'number', unit: 'skor 1-5' });
    const row = text.split('\n').find((l) => l.startsWith(`| ${POLICY_TITLE} |`));
    expect(row).toBeDefined();
    // 3 ratings averaging 4,33 (Indonesian decimal comma).
    expect(row).toContain('| 3 | 4,33 |');
    expect(text).toContain('warga menyampaikan 6 aspirasi');
  });

  it('DOCX: title, sections, chart and the participation numbers per kecamatan; fields in the properties', async () => {
    const res = await download(byFormat('docx').id, admin);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(res.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    expect(paragraphs).toContain(REPORT_TITLE.replace('&', '&amp;'));
    for (const s of SECTIONS) expect(paragraphs).toContain(s);
    const rows = xml.split('</w:tr>').map((tr) => tr.split('</w:tc>').map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')));
    for (const v of view) {
      const row = rows.find((r) => r[0] === v.kecamatan_name && r.length >= 9);
      expect(row).toBeDefined();
      expect(row!.slice(2, 5)).toEqual([String(v.aspirations), String(v.resolved), String(v.supports)]);
    }
    expect(rows.find((r) => r[0] === POLICY_TITLE)?.slice(4, 6)).toEqual(['3', '4,33']);
    expect(Object.keys(zip.files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${REPORT_TITLE.replace('&', '&amp;')}</dc:title>`);
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain('name="fields"');
    expect(custom).toContain(period.code);
    expect(xml).not.toContain(NIK);
    expect(xml).not.toContain(EMAIL);
  });

  it('PDF: title, sections and the participation numbers per kecamatan; fields in the document information', async () => {
    const res = await download(byFormat('pdf').id, admin);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text, info } = await extractPdf(res.body);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(REPORT_TITLE);
    for (const s of SECTIONS) expect(flat).toContain(s);
    for (const v of view) {
      // Table row: kecamatan, population (1.234 or –), then aspirations, resolved, supports.
      const row = text.split('\n').map((l) => new RegExp(`^${v.kecamatan_name} ([\\d.]+|–) (\\d+) (\\d+) (\\d+) `).exec(l)).find(Boolean);
      expect(row).toBeDefined();
      expect(row!.slice(2, 5)).toEqual([String(v.aspirations), String(v.resolved), String(v.supports)]);
    }
    expect(flat).toContain(POLICY_TITLE);
    expect(flat).not.toContain(NIK);
    expect(info.Title).toBe(REPORT_TITLE);
    const custom = info.Custom ?? info;
    expect(custom.Period).toBe(period.code);
    expect(JSON.parse(custom.Fields).some((f: { name: string; table: string }) => f.name === 'aspirations' && f.table === 'partisipasi')).toBe(true);
  });

  it('publishes: admin and Bappeda only, once; then the public lists and downloads it', async () => {
    const csv = byFormat('csv');
    expect((await t.request('POST', `/reports/${csv.id}/publish`, { token: citizen })).status).toBe(403);
    expect((await t.request('POST', `/reports/${csv.id}/publish`)).status).toBe(401);
    const ok = await t.request('POST', `/reports/${csv.id}/publish`, { token: admin });
    expect(ok.status).toBe(200);
    expect(ok.body.publishedAt).not.toBeNull();
    expect((await t.request('POST', `/reports/${csv.id}/publish`, { token: bappeda })).status).toBe(409);
    expect((await t.request('POST', `/reports/00000000-0000-4000-8000-000000000000/publish`, { token: admin })).status).toBe(404);

    const list = await t.request('GET', '/reports');
    expect(list.body.map((f: File) => f.id)).toEqual([csv.id]);
    expect(list.body[0]).toMatchObject({ downloadUrl: `/api/reports/${csv.id}/download`, fileName: csv.fileName });
    const pub = await download(csv.id);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-disposition')).toBe(`attachment; filename="${csv.fileName}"`);
    expect((await download(byFormat('json').id)).status).toBe(404);
  });

  it('refuses bad input at the edge', async () => {
    const bad = await t.request('POST', '/reports', { token: admin, body: { period: '2026-Q5' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'period', problem: 'must be a quarter such as 2026-Q4' }]);
    expect((await t.request('POST', '/reports', { token: admin, body: { publish: 'ya' } })).status).toBe(400);
    expect((await t.request('POST', '/reports', { token: admin, body: { format: 'xls' } })).status).toBe(400);
    expect((await t.request('GET', '/reports?period=kemarin')).status).toBe(400);
    expect((await t.request('GET', '/reports/bukan-uuid/download')).status).toBe(400);
  });

  it('counts published reports of the quarter for the OKR key result (a document once per period, whatever its formats and versions)', async () => {
    const compute = async () =>
      (
        await findMetric('open_reports_per_quarter')!.compute({
          query: (sql, p) => ds.query(sql, p),
          cycle: { startDate: period.firstDay, endDate: period.lastDay, baselineStart: '2020-01-01', baselineEnd: '2020-03-31' },
          asOf: new Date(),
          params: {},
        })
      ).value;
    // So far only the CSV of the participation dataset is published.
    expect(await compute()).toBe(1);
    const published = await t.request('POST', '/reports', { token: admin, body: { period: period.code, publish: true } });
    expect(published.status).toBe(201);
    expect(published.body.every((f: File) => f.publishedAt !== null)).toBe(true);
    // Five files, three documents: policy summary, participation dataset (already counted), final report.
    expect(await compute()).toBe(3);
    expect((await t.request('POST', `/reports/${byFormat('json').id}/publish`, { token: bappeda })).status).toBe(200);
    expect(await compute()).toBe(3);
  });

  it('the quarterly job enqueues the previous quarter once per quarter and generates drafts', async () => {
    const job = t.app.get(QuarterlyReportsJob);
    const first = await job.schedule(new Date('2025-04-01T06:00:00+07:00'));
    const again = await job.schedule(new Date('2025-04-01T06:00:30+07:00'));
    expect(first).toBe('reports.quarterly:2025-Q1');
    expect(again).toBe(first);
    await t.app.get(JobQueueService).drainInline();
    const rows = await ds.query(`SELECT format, published_at, generated_by FROM report WHERE period = '2025-Q1' ORDER BY format`);
    expect(rows.map((r: { format: string }) => r.format)).toEqual(['csv', 'docx', 'json', 'md', 'pdf']);
    expect(rows.every((r: { published_at: Date | null; generated_by: string | null }) => r.published_at === null && r.generated_by === null)).toBe(true);
  });
});
