import fc from 'fast-check';
import type { Role } from '@ogh/domain';
import { DataSource } from 'typeorm';
import { listRouteAccess } from '../../apps/api/src/common/auth/route-access';
import { startTestApp, TestApp } from '../../apps/api/src/testing/test-app';
import { hostileBody, hostileParam, invalidBody } from './support/hostile';

/**
 * Every write endpoint of the OpenAPI document, called by a user who may
 * call it, with hostile bodies and path parameters (fast-check). Every
 * answer is below 500; every refusal is in the one error shape and leaves
 * the database exactly as it was.
 *
 * FUZZ_RUNS sets the bodies per endpoint (default 8 here; `npm run
 * test:fuzz` runs 100).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/**
 * Tables a refused request may legitimately write: the audit trail of
 * refusals (failed sign-ins) and the record of a failed import run.
 */
/** A valid call retrains the topic model (tens of seconds): these get only bodies that must be refused. */
const EXPENSIVE = new Set(['POST /api/insight/models/retrain']);

const MAY_CHANGE_ON_REFUSAL = new Set(['audit_log', 'sync_run', 'schema_migrations']);

/** fc.assert, with a failure message short enough to read (hostile values can be megabytes). */
async function check<T>(property: fc.IAsyncProperty<T>): Promise<void> {
  const out = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
  if (!out.failed) return;
  const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
  const example = fc.stringify(out.counterexample);
  throw new Error(`${cause.slice(0, 600)}\ncounterexample (${example.length} characters): ${example.slice(0, 600)}\nreplay: FUZZ_SEED=${out.seed} (path ${out.counterexamplePath})`);
}

type Op = { method: string; path: string; access: string; bodySchema?: any; consumes: string[] };

describe('hostile input on every write endpoint', () => {
  let t: TestApp;
  let ds: DataSource;
  let doc: any;
  const tokens = new Map<Role, string>();
  let fingerprintSql = '';

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
    for (const role of ['admin', 'asn', 'bappeda', 'trainer', 'citizen', 'bi_reader'] as Role[]) tokens.set(role, await t.tokenFor(role));
    doc = await (await fetch(t.api.replace(/\/api$/, '/api/docs/openapi.json'))).json();
    const tables: { name: string }[] = await ds.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    fingerprintSql =
      'SELECT ' +
      tables
        .filter((x) => !MAY_CHANGE_ON_REFUSAL.has(x.name))
        .map((x) => `(SELECT count(*) || ':' || coalesce(sum(hashtext(r.ctid::text || r.xmin::text)::bigint), 0) FROM public."${x.name}" r) AS "${x.name}"`)
        .join(', ');
  });
  afterAll(() => t?.close());

  // Row versions (ctid, xmin) change with every insert, update and delete, without reading large values.
  const fingerprint = async (): Promise<Record<string, string>> => (await ds.query(fingerprintSql))[0];

  function writeOperations(): Op[] {
    const access = new Map(listRouteAccess(t.app).map((r) => [`${r.method} ${r.path}`, r.access]));
    const ops: Op[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of ['post', 'put', 'patch', 'delete']) {
        const op = item[method];
        if (!op) continue;
        const nestPath = path.replace(/\{(\w+)\}/g, ':$1');
        const content = op.requestBody?.content ?? {};
        ops.push({
          method: method.toUpperCase(),
          path,
          access: access.get(`${method.toUpperCase()} ${nestPath}`) ?? 'UNKNOWN',
          bodySchema: content['application/json']?.schema,
          consumes: Object.keys(content),
        });
      }
    }
    return ops;
  }

  /** A user who passes the route's access rule, so the input itself is what gets tested. */
  function tokenFor(access: string): string | undefined {
    if (access === 'public') return undefined;
    if (access === 'authenticated') return tokens.get('citizen');
    const allowed = access.replace(/^roles:/, '').split(',') as Role[];
    return tokens.get(allowed.includes('admin') ? 'admin' : allowed[0]);
  }

  async function send(op: Op, params: string[], body: unknown, raw?: { body: Buffer | string; type: string }) {
    let i = 0;
    const path = op.path.replace(/\{\w+\}/g, () => params[i++ % params.length] ?? 'x');
    const token = tokenFor(op.access);
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let payload: Blob | string | undefined;
    if (raw) {
      headers['content-type'] = raw.type;
      payload = typeof raw.body === 'string' ? raw.body : new Blob([new Uint8Array(raw.body)]);
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const url = path.startsWith('/api/') ? t.api + path.slice(4) : t.api.replace(/\/api$/, '') + path;
    const res = await fetch(url, { method: op.method, headers, body: payload });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  /** The property every answer must hold; refusals must not have touched the database. */
  async function checkAnswer(op: Op, send: () => Promise<{ status: number; json: any; text: string }>) {
    const before = await fingerprint();
    const res = await send();
    const where = `${op.method} ${op.path} → ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`server error: ${where}`);
    if (res.status >= 400) {
      if (!(res.json && typeof res.json.statusCode === 'number' && typeof res.json.code === 'string' && typeof res.json.message === 'string')) {
        throw new Error(`refusal not in the error shape: ${where}`);
      }
      if (res.json.statusCode !== res.status) throw new Error(`statusCode differs from the HTTP status: ${where}`);
      const after = await fingerprint();
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length) throw new Error(`a refused request changed ${changed.join(', ')}: ${where}`);
    }
    return res;
  }

  it('the OpenAPI document lists the write endpoints, each with a declared access rule', () => {
    const ops = writeOperations();
    expect(ops.length).toBeGreaterThan(40);
    expect(ops.filter((o) => o.access === 'UNKNOWN' || o.access === 'UNDECLARED')).toEqual([]);
  });

  it('answers hostile bodies and path parameters with a 4xx in the error shape, never a 5xx, and refusals change nothing', async () => {
    const ops = writeOperations();
    const statuses = new Map<number, number>();
    const timings: [string, number][] = [];
    for (const op of ops) {
      const started = Date.now();
      await check(
        fc.asyncProperty(fc.array(hostileParam(), { minLength: 1, maxLength: 2 }), EXPENSIVE.has(`${op.method} ${op.path}`) ? invalidBody() : hostileBody(doc, op.bodySchema), async (params, body) => {
          const res = await checkAnswer(op, () => send(op, params, body));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }),
      );
      timings.push([`${op.method} ${op.path}`, Date.now() - started]);
    }
    if (process.env.FUZZ_TIMINGS) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 15));
    // The bodies were hostile: most must have been refused as bad input.
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0) + (statuses.get(413) ?? 0)).toBeGreaterThan(ops.length * RUNS * 0.5);
  }, 600_000);

  it('refuses bodies that are not JSON, not UTF-8, too deep or too large, without a 5xx', async () => {
    const submit: Op = { method: 'POST', path: '/api/aspirations', access: 'public', consumes: ['application/json'] };
    const valid = { text: 'Jalan di depan pasar berlubang dan membahayakan pengendara motor.', kelurahanCode: '35.77.02.1004' };
    const cases: { name: string; raw: { body: Buffer | string; type: string }; status: number[] }[] = [
      { name: 'truncated JSON', raw: { body: '{"text": "abc', type: 'application/json' }, status: [400] },
      { name: 'deeply nested JSON', raw: { body: '['.repeat(100_000) + ']'.repeat(100_000), type: 'application/json' }, status: [400] },
      { name: 'invalid UTF-8', raw: { body: Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' jalan rusak parah sekali di kampung kami","kelurahanCode":"35.77.02.1004"}')]), type: 'application/json' }, status: [400] },
      { name: 'unpaired surrogate escape', raw: { body: '{"text":"\\ud800 jalan rusak parah sekali di kampung kami","kelurahanCode":"35.77.02.1004","contact":{"email":"\\udc00@x.id","consent":true}}', type: 'application/json' }, status: [400] },
      { name: 'body over the limit', raw: { body: JSON.stringify({ ...valid, text: 'x'.repeat(t.config.http.bodyLimitBytes + 10) }), type: 'application/json' }, status: [413] },
      { name: 'wrong media type', raw: { body: '<aspiration/>', type: 'application/xml' }, status: [415] },
      // Form bodies are parsed (Open311 clients send them) and then fail validation.
      { name: 'form encoded', raw: { body: 'text=abc', type: 'application/x-www-form-urlencoded' }, status: [400] },
    ];
    for (const c of cases) {
      const res = await checkAnswer({ ...submit, path: `${submit.path} (${c.name})` }, () => send(submit, [], undefined, c.raw));
      expect({ case: c.name, status: c.status.includes(res.status) ? 'as expected' : res.status }).toEqual({ case: c.name, status: 'as expected' });
    }
  });

  it('takes malformed e-Musrenbang CSV and XLSX without a 5xx and without storing a proposal', async () => {
    const json: Op = { method: 'POST', path: '/api/collector/imports/musrenbang', access: 'roles:admin,bappeda', consumes: ['application/json'] };
    const csv: Op = { method: 'POST', path: '/api/collector/imports/musrenbang/csv', access: 'roles:admin,bappeda', consumes: ['text/csv'] };
    const proposals = async () => (await ds.query(`SELECT count(*)::int AS n FROM musrenbang_proposal`))[0].n;
    const before = await proposals();
    await check(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', '\r', ',', '=cmd|calc', '../x')), { maxLength: 6 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\n')),
        ),
        fc.uint8Array({ maxLength: 600 }),
        async (text, bytes) => {
          await checkAnswer(csv, () => send(csv, [], undefined, { body: text, type: 'text/csv' }));
          await checkAnswer(json, () => send(json, [], { xlsxBase64: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)]).toString('base64') }));
        },
      ),
    );
    expect(await proposals()).toBe(before);
  }, 300_000);
});
