import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flattenPanels, panelQueries, readDashboards } from './support/grafana-dashboards';
import { parseDateMath } from './support/grafana-macros';

/** Grafana's provisioning files and dashboard JSON, checked without a Grafana. */
const GRAFANA = join(__dirname, '../../grafana');
const PROVISIONING = join(GRAFANA, 'provisioning');
const DASHBOARDS = readDashboards(join(PROVISIONING, 'dashboards/ogh'));
const README = readFileSync(join(GRAFANA, 'README.md'), 'utf8');
const MIGRATIONS_DIR = join(__dirname, '../../apps/api/src/database/migrations');
/** Every migration's SQL: the analytics schema is created by one and changed by later ones. */
const MIGRATION = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d+-.*\.ts$/.test(f))
  .sort()
  .map((f) => readFileSync(join(MIGRATIONS_DIR, f), 'utf8'))
  .join('\n');
/** Relations the analytics schema defines (the contract with the BI tools). */
const ANALYTICS_RELATIONS = new Set([...MIGRATION.matchAll(/CREATE (?:MATERIALIZED VIEW|VIEW|TABLE) analytics\.(\w+)/g)].map((m) => m[1]));
const MATERIALIZED = new Set([...MIGRATION.matchAll(/CREATE MATERIALIZED VIEW analytics\.(\w+)/g)].map((m) => m[1]));

const datasources = parse(readFileSync(join(PROVISIONING, 'datasources/ogh-analytics.yaml'), 'utf8'));
const providers = parse(readFileSync(join(PROVISIONING, 'dashboards/ogh.yaml'), 'utf8'));
const DS = datasources.datasources[0];

describe('Grafana provisioning', () => {
  it('provisions the PostgreSQL data source as the read-only BI role, configured from the environment', () => {
    expect(datasources.apiVersion).toBe(1);
    expect(datasources.datasources).toHaveLength(1);
    expect(DS).toMatchObject({
      uid: 'ogh-analytics',
      type: 'grafana-postgresql-datasource',
      access: 'proxy',
      url: '${OGH_BI_DB_HOST}',
      user: 'ogh_bi_reader',
      editable: false,
      jsonData: { database: '${OGH_BI_DB_NAME}', sslmode: '${OGH_BI_DB_SSLMODE}', timescaledb: false },
      secureJsonData: { password: '${BI_READER_PASSWORD}' },
    });
    // No password in clear, no database at the deprecated top level.
    expect(DS.password).toBeUndefined();
    expect(DS.database).toBeUndefined();
    // Every variable the file uses is documented.
    const vars = [...readFileSync(join(PROVISIONING, 'datasources/ogh-analytics.yaml'), 'utf8').matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
    expect(new Set(vars)).toEqual(new Set(['OGH_BI_DB_HOST', 'OGH_BI_DB_NAME', 'OGH_BI_DB_SSLMODE', 'BI_READER_PASSWORD']));
    for (const v of vars) expect(README).toContain(v);
  });

  it('loads the dashboard folder into "Open Governance Hub" from the mounted provisioning directory', () => {
    expect(providers.apiVersion).toBe(1);
    expect(providers.providers).toHaveLength(1);
    const [p] = providers.providers;
    expect(p).toMatchObject({ type: 'file', folder: 'Open Governance Hub', disableDeletion: true, allowUiUpdates: false });
    // grafana/provisioning is mounted at /etc/grafana/provisioning: the path must be the folder of JSON files here.
    expect(p.options.path).toMatch(/^\/etc\/grafana\/provisioning\//);
    const local = join(PROVISIONING, p.options.path.replace('/etc/grafana/provisioning/', ''));
    expect(existsSync(local)).toBe(true);
    expect(readDashboards(local).map((d) => d.file)).toEqual(DASHBOARDS.map((d) => d.file));
  });
});

describe('Grafana dashboards', () => {
  it('are the six dashboards of the hub, in Indonesian, with unique uids', () => {
    expect(DASHBOARDS.map((d) => d.dashboard.title).sort()).toEqual(
      ['Citizen Data Fellows', 'Insight Aspirasi', 'Kesehatan Kolektor', 'Kinerja Respons & SLA per OPD', 'OKR 90 Hari', 'Partisipasi Publik'].sort(),
    );
    const uids = DASHBOARDS.map((d) => d.dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid.length).toBeLessThanOrEqual(40);
  });

  it.each(DASHBOARDS.map((d) => [d.dashboard.title, d.dashboard] as const))('%s: current schema, valid layout, every panel on the provisioned data source', (_t, d) => {
    expect(d.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(d.description).toBeTruthy();
    expect(d.tags).toContain('open-governance-hub');
    const now = new Date();
    expect(parseDateMath(d.time.from, now).getTime()).toBeLessThan(parseDateMath(d.time.to, now).getTime());
    const panels = flattenPanels(d.panels);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels) {
      expect(p.title).toBeTruthy();
      const { x, w } = p.gridPos ?? { x: 0, w: 99 };
      expect(x + w).toBeLessThanOrEqual(24);
      if (p.type === 'row') continue;
      expect({ panel: p.title, description: !!p.description }).toEqual({ panel: p.title, description: true });
      expect(p.datasource).toEqual({ type: DS.type, uid: DS.uid });
      expect(p.targets?.length).toBeGreaterThan(0);
    }
    for (const v of d.templating.list) expect(v.datasource).toEqual({ type: DS.type, uid: DS.uid });
  });

  it.each(DASHBOARDS.map((d) => [d.dashboard.title, d.dashboard] as const))('%s: queries read the analytics contract, at aggregate grain, with defined variables', (_t, d) => {
    const defined = new Set(d.templating.list.map((v) => v.name));
    for (const q of panelQueries(d)) {
      const sql = q.target.rawSql ?? '';
      expect(q.target).toMatchObject({ datasource: { type: DS.type, uid: DS.uid }, rawQuery: true, editorMode: 'code' });
      expect(['table', 'time_series']).toContain(q.target.format);
      // Only relations of the analytics schema; never the row-level aspirations view (dashboards stay fast).
      const relations = [...sql.matchAll(/\banalytics\.(\w+)/g)].map((m) => m[1]);
      expect({ panel: q.name, relations: relations.length > 0 }).toEqual({ panel: q.name, relations: true });
      for (const r of relations) expect({ panel: q.name, relation: r, known: ANALYTICS_RELATIONS.has(r) }).toEqual({ panel: q.name, relation: r, known: true });
      expect(relations).not.toContain('aspirations');
      expect(sql).not.toMatch(/\bpublic\./);
      // Variables used are defined; macros are Grafana's.
      for (const [, name] of sql.matchAll(/\$\{?(\w+)/g)) if (!name.startsWith('__')) expect({ panel: q.name, variable: name, defined: defined.has(name) }).toEqual({ panel: q.name, variable: name, defined: true });
      if (q.panel.type === 'timeseries') {
        expect(q.target.format).toBe('time_series');
        // The range always through a macro; the time column through one too, or as an explicit "time"
        // where the grain must be the WIB week starting Monday (Grafana's '1w' buckets start on Thursdays).
        expect(sql).toMatch(/\$__timeFilter\(|\$__timeFrom\(\)/);
        expect(sql).toMatch(/\$__(time|timeGroupAlias)\(|date_trunc\('week', \w+\)(::\w+)? AS "time"/);
      }
    }
  });

  it('lets every operational dashboard filter by kecamatan, OPD and category ("Semua" by default)', () => {
    const byUid = Object.fromEntries(DASHBOARDS.map((d) => [d.dashboard.uid, d.dashboard]));
    const expected: Record<string, string[]> = {
      'ogh-partisipasi-publik': ['kecamatan', 'opd', 'kategori'],
      'ogh-kinerja-respons-sla': ['kecamatan', 'opd', 'kategori'],
      'ogh-insight-aspirasi': ['kecamatan', 'kategori'],
    };
    for (const [uid, names] of Object.entries(expected)) {
      const vars = byUid[uid].templating.list;
      expect(vars.map((v) => v.name)).toEqual(names);
      for (const v of vars) {
        expect(v).toMatchObject({ type: 'query', multi: true, includeAll: true, current: { text: ['Semua'], value: ['$__all'] } });
        expect(v.allValue ?? null).toBeNull();
        expect(v.query).toMatch(/FROM analytics\.dim_(kecamatan|opd|category)\b/);
      }
    }
  });

  it('puts the aspiration-volume panels on materialized views', () => {
    // Any panel over the aspirations themselves must read a materialized aggregate.
    const overAspirations = /participation|response_times|sla_backlog|insight_weekly|satisfaction|musrenbang/;
    for (const { dashboard } of DASHBOARDS) {
      for (const q of panelQueries(dashboard)) {
        const relations = [...(q.target.rawSql ?? '').matchAll(/\banalytics\.(\w+)/g)].map((m) => m[1]).filter((r) => overAspirations.test(r));
        for (const r of relations) expect({ panel: q.name, relation: r, materialized: MATERIALIZED.has(r) || r === 'participation_forecast' }).toEqual({ panel: q.name, relation: r, materialized: true });
      }
    }
  });
});
