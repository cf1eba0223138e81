import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandGrafanaSql, parseDateMath, TimeRange, Variables } from './grafana-macros';

/**
 * The provisioned dashboards as Grafana sees them: panels (rows unfolded),
 * their queries, time ranges (the dashboard's, or a panel's relative-time
 * override) and template variables resolved by running the variables' own
 * queries. Shared by the panel test and the dashboard benchmark.
 */

export interface GrafanaDatasourceRef {
  type?: string;
  uid?: string;
}

export interface GrafanaTarget {
  refId: string;
  rawSql?: string;
  format?: string;
  rawQuery?: boolean;
  editorMode?: string;
  datasource?: GrafanaDatasourceRef;
}

export interface GrafanaFieldOverride {
  matcher: { id: string; options?: unknown };
  properties: { id: string; value?: unknown }[];
}

export interface GrafanaPanel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  datasource?: GrafanaDatasourceRef;
  targets?: GrafanaTarget[];
  panels?: GrafanaPanel[];
  /** Relative-time override, e.g. "1y": the panel shows now-1y to now whatever the dashboard's range. */
  timeFrom?: string;
  fieldConfig?: { defaults?: Record<string, unknown>; overrides?: GrafanaFieldOverride[] };
  options?: Record<string, unknown> & { xField?: string; reduceOptions?: { fields?: string; values?: boolean } };
}

export interface GrafanaVariable {
  name: string;
  label?: string;
  description?: string;
  type: string;
  datasource?: GrafanaDatasourceRef;
  query?: string | { rawSql?: string };
  definition?: string;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string | null;
  current?: { text?: string | string[]; value?: string | string[] };
}

export interface GrafanaDashboard {
  uid: string;
  title: string;
  description?: string;
  schemaVersion: number;
  timezone?: string;
  time: { from: string; to: string };
  templating: { list: GrafanaVariable[] };
  panels: GrafanaPanel[];
  tags?: string[];
}

export interface DashboardFile {
  file: string;
  dashboard: GrafanaDashboard;
}

export interface PanelQuery {
  dashboard: GrafanaDashboard;
  panel: GrafanaPanel;
  target: GrafanaTarget;
  /** "Dashboard › Panel" (with the refId when a panel has several queries). */
  name: string;
}

export type RunQuery = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

export interface VariableOption {
  text: string;
  value: string;
}

export interface ResolvedVariables {
  variables: Variables;
  options: Record<string, VariableOption[]>;
}

/** The dashboard JSON files of a provisioning folder, by file name. */
export function readDashboards(dir: string): DashboardFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(dir, file), 'utf8')) as GrafanaDashboard }));
}

/** Every panel, with the panels of collapsed rows unfolded. */
export function flattenPanels(panels: GrafanaPanel[]): GrafanaPanel[] {
  return panels.flatMap((p) => [p, ...flattenPanels(p.panels ?? [])]);
}

export function panelQueries(dashboard: GrafanaDashboard): PanelQuery[] {
  return flattenPanels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      dashboard,
      panel,
      target,
      name: `${dashboard.title} › ${panel.title}${(panel.targets ?? []).length > 1 ? ` [${target.refId}]` : ''}`,
    })),
  );
}

export function dashboardTimeRange(dashboard: GrafanaDashboard, now: Date): TimeRange {
  return { from: parseDateMath(dashboard.time.from, now), to: parseDateMath(dashboard.time.to, now) };
}

/** The range a panel queries: its relative-time override ("1y" = now-1y to now) or the dashboard's. */
export function panelTimeRange(dashboard: GrafanaDashboard, panel: GrafanaPanel, now: Date): TimeRange {
  if (panel.timeFrom) return { from: parseDateMath(`now-${panel.timeFrom.replace(/^now-/, '')}`, now), to: now };
  return dashboardTimeRange(dashboard, now);
}

export function variableSql(v: GrafanaVariable): string {
  const q = typeof v.query === 'string' ? v.query : v.query?.rawSql;
  const sql = q || v.definition;
  if (!sql) throw new Error(`variable ${v.name} has no query`);
  return sql;
}

/** Options of a query variable from its result: __text/__value columns, or the first column as both. */
export function variableOptions(rows: Record<string, unknown>[]): VariableOption[] {
  return rows.map((r) => {
    if ('__value' in r || '__text' in r) {
      const value = String(r.__value ?? r.__text);
      return { text: String(r.__text ?? value), value };
    }
    const first = String(Object.values(r)[0]);
    return { text: first, value: first };
  });
}

/**
 * Runs each variable's query (in order, so a later one may use an earlier
 * one) and selects as Grafana would on load: "All" when the saved current
 * value is $__all, else the saved value if it is still an option, else the
 * first option. `select` picks other values by variable name.
 */
export async function resolveVariables(dashboard: GrafanaDashboard, run: RunQuery, now: Date, select: Record<string, string[]> = {}): Promise<ResolvedVariables> {
  const variables: Variables = {};
  const options: Record<string, VariableOption[]> = {};
  const range = dashboardTimeRange(dashboard, now);
  for (const v of dashboard.templating.list) {
    if (v.type !== 'query') throw new Error(`variable ${v.name}: only query variables are handled here, not ${v.type}`);
    const { rows } = await run(expandGrafanaSql(variableSql(v), { range, variables }));
    const opts = variableOptions(rows);
    options[v.name] = opts;
    const base = { multi: !!v.multi, includeAll: !!v.includeAll };
    const saved = ([] as string[]).concat(v.current?.value ?? []);
    const chosen = select[v.name] ?? saved;
    if (chosen.includes('$__all') && v.includeAll) {
      variables[v.name] = v.allValue ? { ...base, value: opts.map((o) => o.value), allValue: v.allValue } : { ...base, value: opts.map((o) => o.value) };
      continue;
    }
    const valid = chosen.filter((c) => opts.some((o) => o.value === c));
    const values = valid.length ? valid : opts.length ? [opts[0].value] : [];
    variables[v.name] = { ...base, value: v.multi ? values : (values[0] ?? '') };
  }
  return { variables, options };
}

/** A panel query with its variables and time range expanded: the SQL Grafana sends to PostgreSQL. */
export function expandPanelQuery(q: PanelQuery, variables: Variables, now: Date): string {
  if (!q.target.rawSql) throw new Error(`${q.name}: the query has no rawSql`);
  return expandGrafanaSql(q.target.rawSql, { range: panelTimeRange(q.dashboard, q.panel, now), variables });
}
