import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { loadProvisionConfig } from '../../metabase/src/config';

/**
 * infra/docker-compose.yml cannot be started here (no Docker), so this checks
 * what would break it: every path it mounts or builds from exists, the
 * commands run files the builds produce, the environment it gives the API, the
 * worker and the provisioning container passes their own configuration
 * checks, Grafana gets every variable its provisioning expands, and every
 * required secret is documented in infra/.env.example.
 */
const root = resolve(__dirname, '../..');
const infra = join(root, 'infra');
const composeText = readFileSync(join(infra, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, any>; volumes: Record<string, unknown> };

/** infra/.env.example with its empty secrets filled, as an operator would. */
function filledEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(infra, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  const secrets: Record<string, string> = {
    POSTGRES_PASSWORD: randomBytes(12).toString('base64url'),
    METABASE_DB_PASSWORD: randomBytes(12).toString('base64url'),
    JWT_SECRET: randomBytes(48).toString('base64'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BI_READER_PASSWORD: randomBytes(12).toString('base64url'),
    GRAFANA_ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    METABASE_ADMIN_PASSWORD: `Mb-${randomBytes(9).toString('base64url')}`,
  };
  for (const [k, v] of Object.entries(secrets)) if (!env[k]) env[k] = v;
  return env;
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z0-9_]+)(?:(:?)([-?])([^}]*))?\}/g, (_m, name: string, colon: string, op: string, arg: string) => {
    const v = env[name];
    const unset = v === undefined || (colon === ':' && v === '');
    if (op === '-') return unset ? arg : v;
    if (op === '?' && unset) throw new Error(`compose would refuse to start: ${arg}`);
    return v ?? '';
  });
}

const serviceEnv = (name: string, env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]));

describe('infra/docker-compose.yml', () => {
  it('runs the hub, its stores and both BI tools', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'grafana', 'metabase', 'metabase-provision', 'portal', 'postgres', 'redis', 'worker']);
    expect(compose.services.postgres.image).toMatch(/^postgres:16/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    expect(compose.services.grafana.image).toMatch(/^grafana\/grafana-oss:/);
    expect(compose.services.metabase.image).toMatch(/^metabase\/metabase:/);
  });

  it('builds from a Dockerfile that exists and copies files that exist', () => {
    const dockerfiles = new Set<string>();
    for (const [name, s] of Object.entries(compose.services)) {
      if (!s.build) continue;
      const context = resolve(infra, s.build.context);
      expect(statSync(context).isDirectory()).toBe(true);
      const dockerfile = join(context, s.build.dockerfile);
      expect({ name, exists: existsSync(dockerfile) }).toEqual({ name, exists: true });
      dockerfiles.add(dockerfile);
    }
    expect([...dockerfiles]).toEqual([join(infra, 'Dockerfile')]);

    const dockerfile = readFileSync(join(infra, 'Dockerfile'), 'utf8');
    // COPY from the build context (not --from a stage) must name existing paths.
    for (const m of dockerfile.matchAll(/^COPY\s+(?!--from)(.+)$/gm)) {
      const parts = m[1].split(/\s+/).filter((p) => !p.startsWith('--'));
      for (const src of parts.slice(0, -1)) if (src !== '.') expect({ src, exists: existsSync(join(root, src)) }).toEqual({ src, exists: true });
    }
    // The projects it builds are the repository's Nx projects.
    const built = /nx run-many -t build -p ([a-z0-9 -]+?) --/.exec(dockerfile)![1].split(' ');
    const projects = ['libs/domain', 'libs/nlp-id', 'apps/api', 'apps/portal', 'metabase'].map((p) => JSON.parse(readFileSync(join(root, p, 'project.json'), 'utf8')).name);
    expect(built.sort()).toEqual(projects.sort());
  });

  it('runs programs that the build produces', () => {
    const commands = Object.fromEntries(Object.entries(compose.services).filter(([, s]) => s.build && s.command).map(([n, s]) => [n, s.command as string[]]));
    const script = (cmd: string[]) => cmd.find((a) => /\.js$|\/bin\/next$/.test(a))!;
    // dist/apps/api/* comes from apps/api/src/*.ts (apps/api/project.json), dist/metabase/* from metabase/src/*.ts.
    const sourceOf = (file: string) =>
      file.startsWith('dist/apps/api/') ? join(root, 'apps/api/src', file.slice('dist/apps/api/'.length).replace(/\.js$/, '.ts'))
      : file.startsWith('dist/metabase/') ? join(root, 'metabase/src', file.slice('dist/metabase/'.length).replace(/\.js$/, '.ts'))
      : join(root, file);
    for (const [name, cmd] of Object.entries(commands)) {
      const file = script(cmd);
      expect({ name, file, exists: existsSync(sourceOf(file)) }).toEqual({ name, file, exists: true });
    }
    expect(JSON.parse(readFileSync(join(root, 'apps/api/project.json'), 'utf8')).targets.build.options.command).toContain('dist/apps/api');
    expect(JSON.parse(readFileSync(join(root, 'metabase/project.json'), 'utf8')).targets.build.options.command).toContain('dist/metabase');
    expect(Object.keys(commands).sort()).toEqual(['api', 'metabase-provision', 'portal', 'worker']);
    expect(commands.portal).toEqual(expect.arrayContaining(['start', 'apps/portal']));
  });

  it('mounts paths that exist, and Grafana provisioning where its dashboard provider looks', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const v of (s.volumes ?? []) as string[]) {
        const [source] = v.split(':');
        if (!source.startsWith('.') && !source.startsWith('/')) {
          expect(Object.keys(compose.volumes)).toContain(source);
          continue;
        }
        expect({ name, source, exists: existsSync(resolve(infra, source)) }).toEqual({ name, source, exists: true });
      }
    }
    const grafanaMount = (compose.services.grafana.volumes as string[]).find((v) => v.startsWith('../grafana/provisioning'))!;
    const target = grafanaMount.split(':')[1];
    expect(target).toBe('/etc/grafana/provisioning');
    const provisioning = resolve(infra, grafanaMount.split(':')[0]);
    expect(existsSync(join(provisioning, 'datasources'))).toBe(true);
    expect(existsSync(join(provisioning, 'dashboards'))).toBe(true);
    for (const file of ['dashboards/ogh.yaml']) {
      const provider = parse(readFileSync(join(provisioning, file), 'utf8')) as { providers: { options: { path: string } }[] };
      for (const p of provider.providers) {
        expect(p.options.path.startsWith(`${target}/`)).toBe(true);
        expect(existsSync(join(provisioning, p.options.path.slice(target.length + 1)))).toBe(true);
      }
    }
    const init = (compose.services.postgres.volumes as string[]).find((v) => v.endsWith('/docker-entrypoint-initdb.d:ro'))!;
    expect(statSync(resolve(infra, init.split(':')[0])).isDirectory()).toBe(true);
  });

  it('gives Grafana every variable its provisioning expands', () => {
    const env = filledEnv();
    const grafanaEnv = serviceEnv('grafana', env);
    const datasources = join(root, 'grafana/provisioning/datasources');
    const used = new Set<string>();
    for (const f of ['ogh-analytics.yaml']) for (const m of readFileSync(join(datasources, f), 'utf8').matchAll(/\$\{([A-Z0-9_]+)\}/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(0);
    for (const v of used) expect({ v, set: !!grafanaEnv[v] }).toEqual({ v, set: true });
    expect(grafanaEnv.OGH_BI_DB_HOST).toBe('postgres:5432');
    expect(grafanaEnv.BI_READER_PASSWORD).toBe(env.BI_READER_PASSWORD);
  });

  it("gives the API, worker and provisioning an environment their own configuration accepts", () => {
    const env = filledEnv();
    const api = loadConfig(serviceEnv('api', env));
    const worker = loadConfig(serviceEnv('worker', env));
    expect(api.redis).toMatchObject({ url: 'redis://redis:6379', runJobs: false });
    expect(worker.redis).toMatchObject({ url: 'redis://redis:6379', runJobs: true });
    expect(api.env).toBe('production');
    // One database, one Redis, one prefix and the same keys for every replica.
    expect(worker.database.url).toBe(api.database.url);
    expect(worker.redis.prefix).toBe(api.redis.prefix);
    const dbUrl = new URL(api.database.url!);
    expect(dbUrl.hostname).toBe('postgres');
    expect(dbUrl.pathname).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    expect(dbUrl.username).toBe(compose.services.postgres.environment.POSTGRES_USER);

    const provision = loadProvisionConfig(serviceEnv('metabase-provision', env));
    expect(provision.metabaseUrl).toBe('http://metabase:3000');
    expect(provision.database).toMatchObject({ host: 'postgres', port: 5432, dbname: dbUrl.pathname.slice(1), user: 'ogh_bi_reader', password: env.BI_READER_PASSWORD });
    expect(compose.services['metabase-provision'].depends_on.metabase.condition).toBe('service_healthy');
    expect(compose.services.metabase.healthcheck).toBeDefined();
    expect(compose.services['metabase-provision'].restart).toBe('no');
  });

  it('depends only on services that exist, waiting for health only where there is a health check', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const [dep, cond] of Object.entries((s.depends_on ?? {}) as Record<string, { condition: string }>)) {
        expect(compose.services[dep]).toBeDefined();
        if (cond.condition === 'service_healthy') expect({ name, dep, healthcheck: !!compose.services[dep].healthcheck }).toEqual({ name, dep, healthcheck: true });
      }
    }
  });

  it('documents every required variable in infra/.env.example', () => {
    const documented = new Set(Object.keys(filledEnv()));
    const required = [...composeText.matchAll(/\$\{([A-Z0-9_]+):?\?/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(5);
    for (const v of required) expect({ v, documented: documented.has(v) }).toEqual({ v, documented: true });
    // And an unfilled example is refused, naming the variable.
    expect(() => serviceEnv('api', { ...filledEnv(), JWT_SECRET: '' })).toThrow(/JWT_SECRET/);
  });
});
