import type { Role } from '@ogh/domain';
import { ROLES } from '@ogh/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { listRouteAccess } from '../auth/route-access';
import { ANALYTICS_ACCESS } from './expected-access/analytics';
import { ASPIRATIONS_ACCESS } from './expected-access/aspirations';
import { COLLECTOR_ACCESS } from './expected-access/collector';
import { CORE_ACCESS } from './expected-access/core';
import { FELLOWS_ACCESS } from './expected-access/fellows';
import { FORUMS_ACCESS } from './expected-access/forums';
import { INSIGHT_ACCESS } from './expected-access/insight';
import { NOTIFICATIONS_ACCESS } from './expected-access/notifications';
import { OKR_ACCESS } from './expected-access/okr';
import { OPEN311_ACCESS } from './expected-access/open311';
import { POLICIES_ACCESS } from './expected-access/policies';
import { REPORTS_ACCESS } from './expected-access/reports';
import { SURVEYS_ACCESS } from './expected-access/surveys';

/**
 * The declared access of every route. A new route, or a changed permission,
 * fails this test until the table is updated: review sees every change.
 */
const EXPECTED: Record<string, string> = {
  ...CORE_ACCESS,
  ...ASPIRATIONS_ACCESS,
  ...POLICIES_ACCESS,
  ...SURVEYS_ACCESS,
  ...FORUMS_ACCESS,
  ...NOTIFICATIONS_ACCESS,
  ...OPEN311_ACCESS,
  ...INSIGHT_ACCESS,
  ...OKR_ACCESS,
  ...FELLOWS_ACCESS,
  ...COLLECTOR_ACCESS,
  ...ANALYTICS_ACCESS,
  ...REPORTS_ACCESS,
};

describe('route access', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) tokens.set(role, await t.tokenFor(role));
  });
  afterAll(() => t.close());

  it('every route declares its access, exactly as reviewed', () => {
    const actual = Object.fromEntries(listRouteAccess(t.app).map((r) => [`${r.method} ${r.path}`, r.access]));
    expect(actual).toEqual(EXPECTED);
  });

  /** Calls a route by its full path: /api routes through the test client, others (Open311) from the root. */
  async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
    if (path.startsWith('/api/')) return t.request(method, path.slice(4), opts);
    const res = await fetch(t.api.replace(/\/api$/, '') + path, {
      method,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const concrete = (path: string) =>
    path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':code', path.includes('track') ? 'MDN-2345-6789' : '35.77.01.1001').replace(':date', '2026-01-01');

  it('non-public routes answer 401 without a token', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (access === 'public') continue;
      const [method, path] = route.split(' ');
      const res = await call(method, concrete(path), { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect({ route, status: res.status, code: res.body?.code }).toEqual({ route, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('role-restricted routes answer 403 to every other role', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (!access.startsWith('roles:')) continue;
      const allowed = access.slice(6).split(',');
      const [method, path] = route.split(' ');
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const res = await call(method, concrete(path), { token: tokens.get(role), body: method === 'GET' ? undefined : {} });
        expect({ route, role, status: res.status }).toEqual({ route, role, status: 403 });
      }
    }
  });

  it('public routes never ask for a token', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      const [method, path] = route.split(' ');
      if (access !== 'public' || method !== 'GET') continue;
      const res = await call(method, concrete(path));
      // Answers may be 400 or 404 for the made-up parameters, but never 401/403 or 5xx.
      expect({ route, denied: [401, 403].includes(res.status), failed: res.status >= 500 }).toEqual({ route, denied: false, failed: false });
    }
  });
});
