import { expandGrafanaSql, expandMacros, formatInterval, goFloat, interpolateGlobals, interpolateVariables, parseDateMath, rfc3339Nano } from './support/grafana-macros';

// The time range of Grafana's own macro examples (docs and macros_test.go): 2017-04-21 05:01:17 to 05:06:17 UTC.
const range = { from: new Date('2017-04-21T05:01:17Z'), to: new Date('2017-04-21T05:06:17Z') };

describe('Grafana PostgreSQL macros', () => {
  it.each([
    ['$__time(time_column)', 'time_column AS "time"'],
    ['$__timeEpoch(time_column)', 'extract(epoch from time_column) as "time"'],
    ['WHERE $__timeFilter(time_column)', "WHERE time_column BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17Z'"],
    ['$__timeFrom()', "'2017-04-21T05:01:17Z'"],
    ['$__timeTo()', "'2017-04-21T05:06:17Z'"],
    ['GROUP BY $__timeGroup(time_column,\'5m\')', 'GROUP BY floor(extract(epoch from time_column)/300)*300'],
    ["GROUP BY $__timeGroup(time_column, '5m', NULL)", 'GROUP BY floor(extract(epoch from time_column)/300)*300'],
    ["SELECT $__timeGroupAlias(time_column,'5m')", 'SELECT floor(extract(epoch from time_column)/300)*300 AS "time"'],
    ["SELECT $__timeGroupAlias(p.day, '1d')", 'SELECT floor(extract(epoch from p.day)/86400)*86400 AS "time"'],
    // Pre-5.3 dashboards: a comma straight after $__timeGroup means the column alias is wanted.
    ["SELECT $__timeGroup(time_column,'5m'), v", 'SELECT floor(extract(epoch from time_column)/300)*300 AS "time", v'],
    ["SELECT $__timeGroup(time_column,'5m') AS t", 'SELECT floor(extract(epoch from time_column)/300)*300 AS t'],
    ['$__unixEpochFilter(time)', 'time >= 1492750877 AND time <= 1492751177'],
    ['$__unixEpochNanoFilter(time)', 'time >= 1492750877000000000 AND time <= 1492751177000000000'],
    ['$__unixEpochNanoFrom()', '1492750877000000000'],
    ['$__unixEpochNanoTo()', '1492751177000000000'],
    ["$__unixEpochGroup(time_column,'5m')", 'floor((time_column)/300)*300'],
    ["$__unixEpochGroupAlias(time_column,'5m')", 'floor((time_column)/300)*300 AS "time"'],
  ])('%s', (input, expected) => {
    expect(expandMacros(input, range)).toBe(expected);
  });

  it('formats fractional times and large intervals as Go does', () => {
    expect(rfc3339Nano(new Date('2017-04-21T05:01:17.120Z'))).toBe('2017-04-21T05:01:17.12Z');
    expect(rfc3339Nano(new Date('2017-04-21T05:01:17.001Z'))).toBe('2017-04-21T05:01:17.001Z');
    expect(goFloat(86_400)).toBe('86400');
    expect(goFloat(604_800)).toBe('604800');
    expect(goFloat(1_209_600)).toBe('1.2096e+06');
    expect(goFloat(0.5)).toBe('0.5');
    expect(expandMacros("$__timeGroup(t,'2w')", range)).toBe('floor(extract(epoch from t)/1.2096e+06)*1.2096e+06');
  });

  it('refuses what Grafana refuses', () => {
    expect(() => expandMacros('$__timeFilter()', range)).toThrow('missing time column argument');
    expect(() => expandMacros('$__timeGroup(t)', range)).toThrow('needs time column and interval');
    expect(() => expandMacros("$__timeGroup(t,'abc')", range)).toThrow('error parsing interval');
    expect(() => expandMacros("$__timeGroup(t,'5m', sometimes)", range)).toThrow('error parsing fill value');
    expect(() => expandMacros('$__timeFilterr(t)', range)).toThrow('unknown macro');
  });

  it('applies the global substitutions before the macros', () => {
    expect(interpolateGlobals('$__interval_ms $__interval $__unixEpochFrom() $__unixEpochTo()', range, 300_000)).toBe('300000 5m 1492750877 1492751177');
    expect(formatInterval(86_400_000 * 2)).toBe('2d');
    expect(formatInterval(45_000)).toBe('45s');
    expect(formatInterval(365 * 86_400_000)).toBe('1y');
  });
});

describe('Grafana template variables in SQL', () => {
  const vars = {
    servers: { value: ["test'1", 'test2'], multi: true, includeAll: true },
    one: { value: 'plain', multi: false, includeAll: false },
    picked: { value: ['a'], multi: true, includeAll: false },
    custom: { value: ['x', 'y'], includeAll: true, allValue: '.*' },
  };

  it('quotes multi-value and include-All variables as the SQL data sources do', () => {
    // Grafana's docs: a multi-value variable becomes a comma-separated list of quoted values.
    expect(interpolateVariables('host IN ($servers)', vars)).toBe("host IN ('test''1','test2')");
    expect(interpolateVariables('host IN ([[servers]])', vars)).toBe("host IN ('test''1','test2')");
    expect(interpolateVariables("code = '$one'", vars)).toBe("code = 'plain'");
    expect(interpolateVariables('code IN ($picked)', vars)).toBe("code IN ('a')");
  });

  it('applies explicit formats and custom all values', () => {
    // Grafana's docs example for sqlstring: 'test''1','test2'
    expect(interpolateVariables('${servers:sqlstring}', vars)).toBe("'test''1','test2'");
    expect(interpolateVariables('${servers:csv}', vars)).toBe("test'1,test2");
    expect(interpolateVariables('${servers:singlequote}', vars)).toBe("'test\\'1','test2'");
    expect(interpolateVariables('${servers:pipe}', vars)).toBe("test'1|test2");
    expect(interpolateVariables('${servers:raw}', vars)).toBe("test'1,test2");
    expect(interpolateVariables('${one}', vars)).toBe('plain');
    expect(interpolateVariables('x ~ $custom', vars)).toBe('x ~ .*');
  });

  it('leaves macros and unknown names for the next steps', () => {
    expect(interpolateVariables('$__timeFilter(day) AND x = $nope', vars)).toBe('$__timeFilter(day) AND x = $nope');
  });

  it('expands a whole panel query', () => {
    const sql = "SELECT $__timeGroupAlias(day, '1d'), sum(n) FROM t WHERE $__timeFilter(day) AND k IN ($servers) GROUP BY 1";
    expect(expandGrafanaSql(sql, { range, variables: vars })).toBe(
      "SELECT floor(extract(epoch from day)/86400)*86400 AS \"time\", sum(n) FROM t WHERE day BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17Z' AND k IN ('test''1','test2') GROUP BY 1",
    );
  });
});

describe('Grafana relative time', () => {
  const now = new Date('2026-03-15T10:30:00Z');
  it.each([
    ['now', '2026-03-15T10:30:00.000Z'],
    ['now-90d', '2025-12-15T10:30:00.000Z'],
    ['now+12w', '2026-06-07T10:30:00.000Z'],
    ['now-1y', '2025-03-15T10:30:00.000Z'],
    ['now-1M', '2026-02-15T10:30:00.000Z'],
    ['now/d', '2026-03-15T00:00:00.000Z'],
    ['now-1d/d', '2026-03-14T00:00:00.000Z'],
    ['now/w', '2026-03-09T00:00:00.000Z'],
    ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseDateMath(text, now).toISOString()).toBe(iso);
  });
  it('refuses nonsense', () => {
    expect(() => parseDateMath('now-5x', now)).toThrow();
    expect(() => parseDateMath('yesterday', now)).toThrow();
  });
});
