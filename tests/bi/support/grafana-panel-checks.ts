import type { FieldDef } from 'pg';
import type { GrafanaPanel, PanelQuery } from './grafana-dashboards';

/** PostgreSQL type oids that Grafana reads as numbers: int2, int4, int8, float4, float8, numeric. */
export const NUMERIC_OIDS = new Set([21, 23, 20, 700, 701, 1700]);
/** date, timestamp, timestamptz. */
export const TIME_OIDS = new Set([1082, 1114, 1184]);

export interface QueryResult {
  fields: FieldDef[];
  rows: Record<string, unknown>[];
}

/** Column names a panel's configuration refers to: field overrides by name, the bar chart's x field, a stat's field filter. */
export function configuredFields(panel: GrafanaPanel): string[] {
  const names = (panel.fieldConfig?.overrides ?? []).filter((o) => o.matcher.id === 'byName').map((o) => String(o.matcher.options));
  if (panel.options?.xField) names.push(panel.options.xField);
  const f = panel.options?.reduceOptions?.fields;
  if (f && !f.startsWith('/')) names.push(f);
  return names;
}

/**
 * What a panel needs from its query's result to show something, as Grafana
 * reads it. Returns the problems found (none: the panel can draw it).
 */
export function panelProblems(q: PanelQuery, res: QueryResult): string[] {
  const problems: string[] = [];
  const names = res.fields.map((f) => f.name);
  const numeric = res.fields.filter((f) => NUMERIC_OIDS.has(f.dataTypeID) && f.name !== 'time').map((f) => f.name);
  const hasValue = (cols: string[]) => res.rows.some((r) => cols.some((c) => r[c] !== null && r[c] !== undefined));
  if (res.rows.length === 0) problems.push('no rows');
  for (const name of configuredFields(q.panel)) if (!names.includes(name)) problems.push(`configured field "${name}" is not a column (${names.join(', ')})`);

  switch (q.panel.type) {
    case 'timeseries': {
      if (q.target.format !== 'time_series') problems.push(`format is ${q.target.format}, not time_series`);
      const time = res.fields.find((f) => f.name === 'time');
      if (!time) problems.push(`no "time" column (${names.join(', ')})`);
      else if (!NUMERIC_OIDS.has(time.dataTypeID) && !TIME_OIDS.has(time.dataTypeID)) problems.push(`"time" is of type oid ${time.dataTypeID}, neither a number nor a time`);
      if (!numeric.length) problems.push('no numeric value column');
      else if (!hasValue(numeric)) problems.push('every value is null');
      // Grafana wants time series sorted by time.
      const times = res.rows.map((r) => (r.time instanceof Date ? r.time.getTime() : Number(r.time)));
      if (times.some((t, i) => i > 0 && t < times[i - 1])) problems.push('rows are not sorted by time');
      break;
    }
    case 'stat':
    case 'gauge':
    case 'bargauge':
    case 'piechart':
      if (!numeric.length) problems.push('no numeric column to show');
      else if (!hasValue(numeric)) problems.push('every value is null');
      break;
    case 'barchart':
      if (!q.panel.options?.xField) problems.push('no xField');
      if (!numeric.length) problems.push('no numeric column to draw');
      else if (!hasValue(numeric)) problems.push('every value is null');
      break;
    case 'table':
      if (!names.length) problems.push('no columns');
      break;
    default:
      problems.push(`panel type ${q.panel.type} is not checked here`);
  }
  return problems;
}
