import type { Role } from '@ogh/domain';
import { DataSource } from 'typeorm';
import { listRouteAccess } from '../../apps/api/src/common/auth/route-access';
import { connectAsBiReader } from '../../apps/api/src/testing/bi-reader';
import { startTestApp, TestApp } from '../../apps/api/src/testing/test-app';

/**
 * The access matrix: every operation of the OpenAPI document × every kind of
 * caller, with the expected answer computed from the access each route
 * declares (route-access.e2e.spec.ts reviews the declarations themselves).
 * OPD-owned resources are real fixtures of OPD A, so the allowed cells run the
 * real handlers and the OPD scoping is exercised, not only the role guard.
 */

const OPD_A = 'dinas-kesehatan';
const OPD_B = 'dinas-pendidikan';
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/** Contact details of OPD A's citizen: only OPD A's ASN and admins may ever read them. */
const CONTACT = { name: 'Wulandari Kusumaningtyas', phone: '0856-7788-9911', email: 'wulan.rahasia.kontak@contoh.id', consent: true };
const CONTACT_NEEDLES = [CONTACT.name, CONTACT.email, CONTACT.phone, CONTACT.phone.replace(/-/g, ''), '6285677889911'];

/**
 * Allowed calls that start minutes of work on this 2-core machine (a full
 * classifier retraining): their refusals are checked here, their handlers by
 * the feature's own tests.
 */
const EXPENSIVE = new Set(['POST /api/insight/models/retrain']);

type Principal = 'anonymous' | 'citizen' | 'asn_a' | 'asn_b' | 'bappeda' | 'trainer' | 'admin' | 'bi_reader';
const PRINCIPALS: Principal[] = ['anonymous', 'citizen', 'asn_a', 'asn_b', 'bappeda', 'trainer', 'admin', 'bi_reader'];
const roleOf = (p: Principal): Role | null => (p === 'anonymous' ? null : p === 'asn_a' || p === 'asn_b' ? 'asn' : p);

interface Operation {
  method: string;
  /** Express-style path as listRouteAccess spells it, e.g. /api/asn/aspirations/:id */
  route: string;
  access: string;
}

interface Cell {
  op: string;
  principal: Principal;
  status: number;
  problem: string;
}

describe('security: access matrix over the OpenAPI document', () => {
  let t: TestApp;
  let ds: DataSource;
  const tokens = new Map<Principal, string>();
  let operations: Operation[] = [];
  let aspiration: { id: string; trackingCode: string };
  let policyId: string;
  const cells: Cell[] = [];
  const leaks: Cell[] = [];

  async function submitAspirationOfA(): Promise<{ id: string; trackingCode: string }> {
    const res = await t.request('POST', '/aspirations', {
      body: { text: 'Antrean pendaftaran di Puskesmas Oro-oro Ombo sangat panjang setiap pagi.', kelurahanCode: '35.77.01.1001', categoryCode: 'kesehatan', contact: CONTACT },
    });
    if (res.status !== 201 || res.body.opd?.code !== OPD_A) throw new Error(`fixture aspiration: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Fresh logins per role for routes that end the caller's session (logout), so the shared tokens stay valid. */
  async function tokenOf(p: Principal, fresh: boolean): Promise<string | undefined> {
    const role = roleOf(p);
    if (!role) return undefined;
    if (!fresh && tokens.has(p)) return tokens.get(p);
    const token = await t.tokenFor(role, p === 'asn_b' ? { opdCode: OPD_B } : p === 'asn_a' ? { opdCode: OPD_A } : {});
    if (!fresh) tokens.set(p, token);
    return token;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
    for (const p of PRINCIPALS) await tokenOf(p, false);

    aspiration = await submitAspirationOfA();
    const policy = await t.request('POST', '/policies', {
      token: tokens.get('asn_a'),
      body: { title: 'Penambahan loket puskesmas', summary: 'Setiap puskesmas membuka dua loket pendaftaran tambahan pada pagi hari.', consultationStart: '2026-01-01', consultationEnd: '2030-12-31' },
    });
    if (policy.status !== 201) throw new Error(`fixture policy: ${policy.status} ${JSON.stringify(policy.body)}`);
    policyId = policy.body.id;

    // The document, not the router, is the list of operations: what clients are told exists must be guarded.
    const doc = await fetch(`${t.api}/docs/openapi.json`).then((r) => r.json());
    const declared = new Map(listRouteAccess(t.app).map((r) => [`${r.method} ${r.path}`, r.access]));
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        const route = path.replace(/\{(\w+)\}/g, ':$1');
        const key = `${method.toUpperCase()} ${route}`;
        operations.push({ method: method.toUpperCase(), route, access: declared.get(key) ?? 'NOT IN ROUTER' });
      }
    }
    operations = operations.sort((a, b) => (a.route + a.method).localeCompare(b.route + b.method));
  }, 120_000);
  afterAll(() => t?.close());

  /** Routes whose :id is OPD A's aspiration or policy: OPD B's ASN is refused there although the role may pass. */
  const onAspiration = (route: string) => /^\/api\/(asn|insight)\/aspirations\/:id/.test(route);
  const onPolicy = (op: Operation) => /^\/api\/(asn\/)?policies\/:id/.test(op.route) && !(op.method === 'GET' && op.route === '/api/policies/:id') && op.route !== '/api/policies/:id/ratings';
  const opdScoped = (op: Operation) => onAspiration(op.route) || onPolicy(op);

  /** Valid bodies where the handler would act on OPD A's fixtures, so a missing scope check would show as a success. */
  function bodyFor(op: Operation, aspirationId: string): unknown {
    if (op.method === 'GET' || op.method === 'DELETE') return undefined;
    const bodies: Record<string, unknown> = {
      'POST /api/asn/aspirations/:id/status': { status: 'verified' },
      'POST /api/asn/aspirations/:id/replies': { body: 'Terima kasih, laporan sedang kami tindak lanjuti.' },
      'POST /api/asn/aspirations/:id/notes': { body: 'Catatan internal untuk tim.' },
      'POST /api/asn/aspirations/:id/reroute': { opdCode: OPD_B, reason: 'Bukan kewenangan kami' },
      'POST /api/asn/aspirations/:id/category': { categoryCode: 'pendidikan' },
      'POST /api/asn/aspirations/bulk': { ids: [aspirationId], action: 'status', status: 'verified' },
      'PATCH /api/policies/:id': { title: 'Judul kebijakan diubah' },
      'POST /api/policies/:id/status': { status: 'consultation' },
      'POST /api/policies/:id/aspirations': { aspirationIds: [aspirationId] },
    };
    return bodies[`${op.method} ${op.route}`] ?? {};
  }

  function concretePath(op: Operation, aspirationId: string): string {
    const path = op.route
      .replace(':code', op.route.includes('/track/') ? aspiration.trackingCode : op.route.includes('open311') ? 'kesehatan' : '35.77.01.1001')
      .replace(':date', '2026-01-01')
      .replace(':number', 'OGH-CDF-0000-0000')
      .replace(':runId', PLACEHOLDER);
    if (/aspirations\/:id/.test(op.route)) return path.replace(':id', aspirationId);
    if (/policies\/:id/.test(op.route)) return path.replace(':id', policyId);
    return path.replace(':id', PLACEHOLDER);
  }

  async function call(method: string, path: string, token: string | undefined, body: unknown) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Paths of the document are absolute (/api/... and the unprefixed /open311/...).
    const res = await fetch(t.api.replace(/\/api$/, '') + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  }

  function isAllowed(op: Operation, p: Principal): boolean {
    const role = roleOf(p);
    return op.access === 'public' || (op.access === 'authenticated' && role !== null) || (op.access.startsWith('roles:') && role !== null && op.access.slice(6).split(',').includes(role));
  }

  function expectation(op: Operation, p: Principal): (status: number) => string | null {
    const role = roleOf(p);
    const allowed = isAllowed(op, p);
    return (status) => {
      if (status >= 500) return 'server error';
      if (!allowed) {
        const want = role === null ? 401 : 403;
        return status === want ? null : `expected ${want}`;
      }
      if (p === 'asn_b' && opdScoped(op)) return status === 403 || status === 404 ? null : "expected 403/404 on OPD A's resource";
      // OPD A's own ASN meets valid requests on its own fixtures: the handler must do the work, or the cell proves nothing.
      if (p === 'asn_a' && opdScoped(op)) return status >= 200 && status < 300 ? null : 'expected success on its own OPD';
      return status === 401 || status === 403 ? 'refused an allowed caller' : null;
    };
  }

  it('every documented operation has a declared access rule', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((o) => o.access === 'NOT IN ROUTER' || o.access === 'UNDECLARED').map((o) => `${o.method} ${o.route}`)).toEqual([]);
    // Open311 and the sensitive ASN routes are documented, so the matrix covers them.
    const documented = operations.map((o) => `${o.method} ${o.route}`);
    expect(documented).toEqual(expect.arrayContaining(['GET /api/asn/aspirations/:id/contact', 'POST /api/asn/aspirations/:id/reroute', 'GET /open311/v2/requests.json']));
  });

  it('every cell answers as declared; OPD B never acts on OPD A; nobody else sees the contact details', async () => {
    for (const op of operations) {
      for (const p of PRINCIPALS) {
        if (EXPENSIVE.has(`${op.method} ${op.route}`) && isAllowed(op, p)) continue;
        // Mutations of OPD A's aspiration get a fresh one each, so a re-route or a status change by one caller does not change what the next one meets.
        const aspirationId = op.method !== 'GET' && onAspiration(op.route) ? (await submitAspirationOfA()).id : op.route === '/api/asn/aspirations/bulk' ? (await submitAspirationOfA()).id : aspiration.id;
        const token = await tokenOf(p, op.route === '/api/auth/logout');
        const res = await call(op.method, concretePath(op, aspirationId), token, bodyFor(op, aspirationId));
        const opName = `${op.method} ${op.route}`;
        const problem = expectation(op, p)(res.status);
        if (problem) cells.push({ op: opName, principal: p, status: res.status, problem });
        // The bulk action answers 200 with per-item results: OPD B's item must have failed.
        if (op.route === '/api/asn/aspirations/bulk' && p === 'asn_b' && res.status === 200 && JSON.parse(res.text).results?.[0]?.ok !== false) {
          cells.push({ op: opName, principal: p, status: res.status, problem: "bulk action succeeded on OPD A's aspiration" });
        }
        const mayReadContact = opName === 'GET /api/asn/aspirations/:id/contact' && (p === 'asn_a' || p === 'admin');
        const leaked = CONTACT_NEEDLES.filter((n) => res.text.includes(n));
        if (mayReadContact && res.status === 200 && leaked.length === 0) leaks.push({ op: opName, principal: p, status: res.status, problem: 'allowed reader did not get the contact details' });
        if (!mayReadContact && leaked.length) leaks.push({ op: opName, principal: p, status: res.status, problem: `response shows ${leaked.join(', ')}` });
      }
    }
    const format = (list: Cell[]) => list.map((c) => `${c.op} as ${c.principal}: ${c.status} (${c.problem})`);
    expect(format(cells)).toEqual([]);
    expect(format(leaks)).toEqual([]);
  }, 300_000);

  it('the contact of OPD A is readable by OPD A and admins only, and each read is audited', async () => {
    const path = `/asn/aspirations/${aspiration.id}/contact`;
    const own = await t.request('GET', path, { token: tokens.get('asn_a') });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ name: CONTACT.name, email: CONTACT.email });
    expect((await t.request('GET', path, { token: tokens.get('admin') })).status).toBe(200);
    expect([403, 404]).toContain((await t.request('GET', path, { token: tokens.get('asn_b') })).status);
    // The inbox of OPD B does not list OPD A's aspiration at all.
    const inboxB = await t.request('GET', '/asn/aspirations?limit=100', { token: tokens.get('asn_b') });
    expect(inboxB.status).toBe(200);
    expect(inboxB.body.items.map((i: { id: string }) => i.id)).not.toContain(aspiration.id);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'aspiration.contact_read' AND entity_id = $1`, [aspiration.id]);
    expect(n).toBeGreaterThanOrEqual(4); // two in the matrix, two here
  });

  it('the BI database role reads no personal data: no application table, and no contact value in any relation it may read', async () => {
    const bi = await connectAsBiReader(ds, t.db.url);
    try {
      for (const table of ['aspiration_contact', 'aspiration', 'app_user', 'refresh_token', 'api_token', 'audit_log']) {
        await expect(bi.query(`SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
      }
      const readable: { schema: string; name: string }[] = (
        await bi.query(
          `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND has_table_privilege(c.oid, 'SELECT')`,
        )
      ).rows;
      expect(readable.length).toBeGreaterThan(0);
      // Refresh first, so the materialized views contain the fixture aspiration.
      const refreshed = await t.request('POST', '/analytics/refresh', { token: tokens.get('admin') });
      expect(refreshed.status).toBeLessThan(300);
      const found: string[] = [];
      for (const r of readable) {
        const { rows } = await bi.query(`SELECT t::text AS row FROM "${r.schema}"."${r.name}" t`);
        for (const { row } of rows as { row: string }[]) for (const n of CONTACT_NEEDLES) if (row.includes(n)) found.push(`${r.schema}.${r.name}: ${n}`);
      }
      expect(found).toEqual([]);
    } finally {
      await bi.end();
    }
  });
});
