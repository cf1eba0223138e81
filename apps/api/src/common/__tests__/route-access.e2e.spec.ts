import type { Role } from '@ogh/domain';
import { ROLES } from '@ogh/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { listRouteAccess } from '../auth/route-access';

/**
 * The declared access of every route. A new route, or a changed permission,
 * fails this test until the table is updated: review sees every change.
 */
const EXPECTED: Record<string, string> = {
  'GET /api/auth/me': 'authenticated',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/refresh': 'public',
  'GET /api/auth/tokens': 'authenticated',
  'POST /api/auth/tokens': 'authenticated',
  'DELETE /api/auth/tokens/:id': 'authenticated',
  'GET /api/categories': 'public',
  'GET /api/health': 'public',
  'GET /api/metrics': 'public',
  'GET /api/opd': 'public',
  'GET /api/regions': 'public',
  'GET /api/regions/kelurahan': 'public',
  'GET /api/regions/kelurahan/:code': 'public',
  'GET /api/users': 'roles:admin',
  'POST /api/users': 'roles:admin',
  'GET /api/users/:id': 'roles:admin',
  'POST /api/users/:id/activate': 'roles:admin',
  'POST /api/users/:id/deactivate': 'roles:admin',
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

  const concrete = (path: string) => path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':code', '35.77.01.1001');

  it('non-public routes answer 401 without a token', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (access === 'public') continue;
      const [method, path] = route.split(' ');
      const res = await t.request(method, concrete(path.replace(/^\/api/, '')), { body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect({ route, status: res.status, code: res.body?.code }).toEqual({ route, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('role-restricted routes answer 403 to every other role', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (!access.startsWith('roles:')) continue;
      const allowed = access.slice(6).split(',');
      const [method, path] = route.split(' ');
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const res = await t.request(method, concrete(path.replace(/^\/api/, '')), { token: tokens.get(role), body: method === 'GET' ? undefined : {} });
        expect({ route, role, status: res.status }).toEqual({ route, role, status: 403 });
      }
    }
  });

  it('public routes answer without a token', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      const [method, path] = route.split(' ');
      if (access !== 'public' || method !== 'GET') continue;
      const res = await t.request(method, concrete(path.replace(/^\/api/, '')));
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
    }
  });
});
