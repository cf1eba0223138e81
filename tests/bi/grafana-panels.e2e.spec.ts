import { join } from 'node:path';
import { AnalyticsDataset, loadAnalyticsDataset } from './support/analytics-dataset';
import { expandPanelQuery, panelQueries, readDashboards, ResolvedVariables, resolveVariables, RunQuery } from './support/grafana-dashboards';
import { panelProblems } from './support/grafana-panel-checks';

/**
 * Every panel of every provisioned dashboard, run as Grafana would run it:
 * variables resolved by their own queries ("Semua" = every option), the
 * dashboard's default time range (or the panel's override), macros expanded
 * as Grafana's PostgreSQL data source does, executed as the read-only BI
 * role on the demo city, and checked for what the panel draws.
 */
const DASHBOARDS = readDashboards(join(__dirname, '../../grafana/provisioning/dashboards/ogh'));

describe('Grafana dashboards on a realistic data set, as the BI role', () => {
  let data: AnalyticsDataset;
  const run: RunQuery = (sql) => data.bi.query(sql);

  beforeAll(async () => {
    data = await loadAnalyticsDataset({ aspirations: 3000 });
  }, 600_000);
  afterAll(async () => {
    await data?.close();
  });

  it('has a data set worth drawing', () => {
    expect(data.counts.aspirations).toBe(3000);
    expect(DASHBOARDS).toHaveLength(6);
  });

  describe.each(DASHBOARDS.map((d) => [d.dashboard.title, d.dashboard] as const))('%s', (_title, dashboard) => {
    let resolved: ResolvedVariables;
    beforeAll(async () => {
      resolved = await resolveVariables(dashboard, run, data.now);
    });

    it('lists the options of every template variable from the analytics views', () => {
      for (const v of dashboard.templating.list) expect({ variable: v.name, options: resolved.options[v.name].length > 0 }).toEqual({ variable: v.name, options: true });
      if (resolved.options.kecamatan) expect(resolved.options.kecamatan.map((o) => o.value)).toEqual(['35.77.01', '35.77.02', '35.77.03']);
      if (resolved.options.kategori) expect(resolved.options.kategori).toHaveLength(14);
      // Aspirations not yet routed to an office are an option of their own, so "Semua" includes them.
      if (resolved.options.opd) expect(resolved.options.opd.map((o) => o.value)).toContain('-');
    });

    it.each(panelQueries(dashboard).map((q) => [q.panel.title, q] as const))('%s: returns what the panel draws', async (_name, q) => {
      const sql = expandPanelQuery(q, resolved.variables, data.now);
      expect(sql).not.toMatch(/\$\w/);
      const res = await data.bi.query(sql);
      expect({ panel: q.name, problems: panelProblems(q, res) }).toEqual({ panel: q.name, problems: [] });
    });

    it('runs every panel with a single value chosen in each multi-value variable', async () => {
      const multi = dashboard.templating.list.filter((v) => v.multi);
      const select = Object.fromEntries(multi.map((v) => [v.name, [resolved.options[v.name][resolved.options[v.name].length - 1].value]]));
      const one = await resolveVariables(dashboard, run, data.now, select);
      for (const v of multi) expect(one.variables[v.name].value).toEqual(select[v.name]);
      for (const q of panelQueries(dashboard)) {
        const all = await data.bi.query(expandPanelQuery(q, resolved.variables, data.now));
        const res = await data.bi.query(expandPanelQuery(q, one.variables, data.now));
        expect({ panel: q.name, columns: res.fields.map((f) => f.name) }).toEqual({ panel: q.name, columns: all.fields.map((f) => f.name) });
      }
    });
  });

  it('narrows the numbers when a variable narrows the selection', async () => {
    const [partisipasi] = DASHBOARDS.filter((d) => d.dashboard.uid === 'ogh-partisipasi-publik').map((d) => d.dashboard);
    const [total] = panelQueries(partisipasi).filter((q) => q.panel.title === 'Aspirasi masuk');
    const all = await resolveVariables(partisipasi, run, data.now);
    const one = await resolveVariables(partisipasi, run, data.now, { kecamatan: ['35.77.02'] });
    const [{ Aspirasi: everywhere }] = (await data.bi.query(expandPanelQuery(total, all.variables, data.now))).rows;
    const [{ Aspirasi: taman }] = (await data.bi.query(expandPanelQuery(total, one.variables, data.now))).rows;
    // Cross-check against the raw table, read by the application's own role: the WIB days whose date lies
    // between the dates of the range's ends (a date compared with Grafana's UTC time literal).
    const from = new Date(data.now.getTime() - 90 * 86_400_000);
    const [{ n }] = await data.ds.query(
      `SELECT count(*)::int AS n FROM aspiration WHERE kecamatan_code = '35.77.02'
         AND (submitted_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN $1::date AND $2::date`,
      [from.toISOString(), data.now.toISOString()],
    );
    expect(taman).toBe(n);
    expect(taman).toBeGreaterThan(0);
    expect(everywhere).toBeGreaterThan(taman);
  });
});
