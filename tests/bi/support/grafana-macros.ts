/**
 * Grafana's expansion of a PostgreSQL panel query, step by step as Grafana
 * does it, so that tests and the dashboard benchmark run the very SQL that
 * Grafana would send:
 *
 * 1. template variables, in the browser (templateSrv.replace with the SQL
 *    data sources' interpolateVariable: a multi-value or include-All
 *    variable becomes a comma-joined list of quoted literals, "All" without a
 *    custom all value means every option, a custom all value goes in raw);
 * 2. the global SQL substitutions of the backend (sqleng.Interpolate):
 *    $__interval_ms, $__interval, $__unixEpochFrom(), $__unixEpochTo();
 * 3. the PostgreSQL macros (grafana-postgresql-datasource/macros.go):
 *    $__time, $__timeEpoch, $__timeFilter, $__timeFrom, $__timeTo,
 *    $__timeGroup[Alias], $__unixEpochFilter, $__unixEpochNano*,
 *    $__unixEpochGroup[Alias]; any other $name(...) is an error there too.
 *
 * No imports: the benchmark loads this file compiled on the fly.
 */

export interface TimeRange {
  from: Date;
  to: Date;
}

export interface VariableValue {
  /** The selected value(s); for "All" the values of every option. */
  value: string | string[];
  multi?: boolean;
  includeAll?: boolean;
  /** The variable's custom all value, when "All" is selected and one is set: inserted as it is. */
  allValue?: string;
}

export type Variables = Record<string, VariableValue>;

const quoteLiteral = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** Grafana's variable formats (`${name:format}`) that a SQL query may use. */
const FORMATS: Record<string, (values: string[], single: boolean) => string> = {
  raw: (vs) => vs.join(','),
  csv: (vs) => vs.join(','),
  sqlstring: (vs) => vs.map(quoteLiteral).join(','),
  singlequote: (vs) => vs.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(','),
  doublequote: (vs) => vs.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(','),
  pipe: (vs) => vs.join('|'),
  json: (vs, single) => JSON.stringify(single ? vs[0] : vs),
};

/** templateSrv's variable syntax: $name, [[name]] / [[name:format]], ${name} / ${name:format}. */
const VARIABLE_RE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** Step 1: template variables. Names that are not variables (macros, unknown names) are left as they are, as Grafana does. */
export function interpolateVariables(sql: string, variables: Variables): string {
  return sql.replace(VARIABLE_RE, (match, n1?: string, n2?: string, f2?: string, n3?: string, _field?: string, f3?: string) => {
    const name = n1 ?? n2 ?? n3 ?? '';
    const v = variables[name];
    if (!v) return match;
    if (v.allValue !== undefined) return v.allValue;
    const format = f2 ?? f3;
    const values = Array.isArray(v.value) ? v.value : [v.value];
    if (format) {
      const f = FORMATS[format];
      if (!f) throw new Error(`variable format ${format} is not supported here`);
      return f(values, !Array.isArray(v.value));
    }
    // The SQL data sources' interpolateVariable.
    if (Array.isArray(v.value)) return v.value.map(quoteLiteral).join(',');
    return v.multi || v.includeAll ? quoteLiteral(v.value) : v.value;
  });
}

/** Go's time.RFC3339Nano in UTC: fraction without trailing zeros, none when whole seconds. */
export function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}

/** Go's %v of a float64: shortest digits, exponent form from 1e+06 on (or below 1e-4). */
export function goFloat(v: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = v.toExponential().split('e');
    const n = Number(e);
    return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(v);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** gtime.ParseInterval for fixed units (ms, s, m, h, d, w), in seconds. */
export function parseIntervalSeconds(interval: string): number {
  const m = /^(\d+)(ms|s|m|h|d|w)$/.exec(interval.trim());
  if (!m) throw new Error(`error parsing interval ${interval}`);
  return (Number(m[1]) * UNIT_MS[m[2]]) / 1000;
}

/** gtime.FormatInterval: the largest whole unit. */
export function formatInterval(ms: number): string {
  const units: [string, number][] = [['y', 365 * 86_400_000], ['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
  for (const [u, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${u}`;
  return '1ms';
}

/** Step 2: sqleng.Interpolate. */
export function interpolateGlobals(sql: string, range: TimeRange, intervalMs: number): string {
  const unix = (d: Date) => String(Math.floor(d.getTime() / 1000));
  return sql
    .split('$__interval_ms').join(String(intervalMs))
    .split('$__interval').join(formatInterval(intervalMs))
    .split('$__unixEpochFrom()').join(unix(range.from))
    .split('$__unixEpochTo()').join(unix(range.to));
}

function checkFill(arg: string | undefined): void {
  if (arg === undefined) return;
  if (/^(NULL|previous)$/i.test(arg) || Number.isFinite(Number(arg))) return;
  throw new Error(`error parsing fill value ${arg}`);
}

function evaluateMacro(name: string, args: string[], range: TimeRange): string {
  const from = range.from;
  const to = range.to;
  const needColumn = () => {
    if (!args[0]) throw new Error(`missing time column argument for macro ${name}`);
  };
  const group = (wrap: (col: string) => string) => {
    if (args.length < 2) throw new Error(`macro ${name} needs time column and interval and optional fill value`);
    const seconds = parseIntervalSeconds(args[1].replace(/^'+|'+$/g, ''));
    checkFill(args[2]);
    return `floor(${wrap(args[0])}/${goFloat(seconds)})*${goFloat(seconds)}`;
  };
  switch (name) {
    case '__time':
      needColumn();
      return `${args[0]} AS "time"`;
    case '__timeEpoch':
      needColumn();
      return `extract(epoch from ${args[0]}) as "time"`;
    case '__timeFilter':
      needColumn();
      return `${args[0]} BETWEEN '${rfc3339Nano(from)}' AND '${rfc3339Nano(to)}'`;
    case '__timeFrom':
      return `'${rfc3339Nano(from)}'`;
    case '__timeTo':
      return `'${rfc3339Nano(to)}'`;
    case '__timeGroup':
      return group((c) => `extract(epoch from ${c})`);
    case '__timeGroupAlias':
      return `${evaluateMacro('__timeGroup', args, range)} AS "time"`;
    case '__unixEpochFilter':
      needColumn();
      return `${args[0]} >= ${Math.floor(from.getTime() / 1000)} AND ${args[0]} <= ${Math.floor(to.getTime() / 1000)}`;
    case '__unixEpochNanoFilter':
      needColumn();
      return `${args[0]} >= ${BigInt(from.getTime()) * 1_000_000n} AND ${args[0]} <= ${BigInt(to.getTime()) * 1_000_000n}`;
    case '__unixEpochNanoFrom':
      return String(BigInt(from.getTime()) * 1_000_000n);
    case '__unixEpochNanoTo':
      return String(BigInt(to.getTime()) * 1_000_000n);
    case '__unixEpochGroup':
      return group((c) => `(${c})`);
    case '__unixEpochGroupAlias':
      return `${evaluateMacro('__unixEpochGroup', args, range)} AS "time"`;
    default:
      throw new Error(`unknown macro "${name}"`);
  }
}

/** Step 3: the PostgreSQL macro engine. Arguments are split on every comma and trimmed, as there. */
export function expandMacros(sql: string, range: TimeRange): string {
  return sql.replace(/\$([_a-zA-Z0-9]+)\(([^)]*)\)/g, (whole, rawName: string, rawArgs: string) => {
    let name = rawName;
    // Pre-5.3 dashboards: $__timeGroup directly followed by a comma also names the column "time".
    if (name === '__timeGroup') {
      const at = sql.indexOf(whole) + whole.length;
      if (sql[at] === ',') name = '__timeGroupAlias';
    }
    return evaluateMacro(name, rawArgs.split(',').map((a) => a.trim()), range);
  });
}

/** A panel query as Grafana's PostgreSQL data source executes it. */
export function expandGrafanaSql(sql: string, opts: { range: TimeRange; variables?: Variables; intervalMs?: number }): string {
  const intervalMs = opts.intervalMs ?? Math.max(1, Math.floor((opts.range.to.getTime() - opts.range.from.getTime()) / 1000));
  return expandMacros(interpolateGlobals(interpolateVariables(sql, opts.variables ?? {}), opts.range, intervalMs), opts.range);
}

const DATE_MATH_UNITS = new Set(['s', 'm', 'h', 'd', 'w', 'M', 'y']);

function addUnits(d: Date, n: number, unit: string): Date {
  const r = new Date(d.getTime());
  if (unit === 'y') r.setUTCFullYear(r.getUTCFullYear() + n);
  else if (unit === 'M') r.setUTCMonth(r.getUTCMonth() + n);
  else r.setTime(r.getTime() + n * UNIT_MS[unit]);
  return r;
}

function startOf(d: Date, unit: string): Date {
  const r = new Date(d.getTime());
  if (unit === 's') r.setUTCMilliseconds(0);
  else if (unit === 'm') r.setUTCSeconds(0, 0);
  else if (unit === 'h') r.setUTCMinutes(0, 0, 0);
  else {
    r.setUTCHours(0, 0, 0, 0);
    if (unit === 'w') r.setUTCDate(r.getUTCDate() - ((r.getUTCDay() + 6) % 7));
    if (unit === 'M' || unit === 'y') r.setUTCDate(1);
    if (unit === 'y') r.setUTCMonth(0);
  }
  return r;
}

/**
 * Grafana's relative time ("now", "now-90d", "now+12w", "now-1y", "now/d",
 * "now-1d/d"), or an absolute ISO time. Rounding is done in UTC.
 */
export function parseDateMath(text: string, now: Date): Date {
  if (!text.startsWith('now')) {
    const t = Date.parse(text);
    if (Number.isNaN(t)) throw new Error(`cannot parse time ${text}`);
    return new Date(t);
  }
  let d = new Date(now.getTime());
  const re = /([+-])(\d*)([smhdwMy])|\/([smhdwMy])/g;
  const rest = text.slice(3);
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== consumed) break;
    consumed = m.index + m[0].length;
    if (m[4]) d = startOf(d, m[4]);
    else {
      if (!DATE_MATH_UNITS.has(m[3])) throw new Error(`unknown unit in ${text}`);
      d = addUnits(d, (m[1] === '-' ? -1 : 1) * Number(m[2] || '1'), m[3]);
    }
  }
  if (consumed !== rest.length) throw new Error(`cannot parse time ${text}`);
  return d;
}
