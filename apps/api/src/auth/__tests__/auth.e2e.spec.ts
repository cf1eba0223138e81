import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp, TEST_PASSWORD } from '../../testing/test-app';
import { UsersService } from '../../users/users.service';

describe('auth (HTTP, real Postgres)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' } });
  });
  afterAll(() => t.close());

  async function createUser(email: string, role: 'admin' | 'citizen' = 'citizen') {
    return (await t.app.get(UsersService).create({ email, name: 'Warga Uji', role, password: TEST_PASSWORD }, null)).user;
  }

  it('signs in with e-mail and password and returns a token pair', async () => {
    await createUser('Warga.Satu@Example.id');
    const res = await t.request('POST', '/auth/login', { body: { email: 'warga.satu@example.id', password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, mustChangePassword: false, user: { email: 'warga.satu@example.id', role: 'citizen' } });
    const me = await t.request('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('warga.satu@example.id');
  });

  it('refuses wrong credentials with 401 in the error shape, and unknown e-mails the same way', async () => {
    await createUser('warga.dua@example.id');
    const wrong = await t.request('POST', '/auth/login', { body: { email: 'warga.dua@example.id', password: 'salah-sandi-123' } });
    const unknown = await t.request('POST', '/auth/login', { body: { email: 'tidak.ada@example.id', password: 'salah-sandi-123' } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password' });
      expect(typeof res.body.requestId).toBe('string');
    }
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await createUser('warga.tiga@example.id');
    for (let i = 0; i < 3; i++) {
      expect((await t.request('POST', '/auth/login', { body: { email: 'warga.tiga@example.id', password: 'bukan-sandinya' } })).status).toBe(401);
    }
    const locked = await t.request('POST', '/auth/login', { body: { email: 'warga.tiga@example.id', password: TEST_PASSWORD } });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(500);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session', async () => {
    await createUser('warga.empat@example.id');
    const login = await t.request('POST', '/auth/login', { body: { email: 'warga.empat@example.id', password: TEST_PASSWORD } });
    const first = login.body.refreshToken;
    const rotated = await t.request('POST', '/auth/refresh', { body: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    expect((await t.request('GET', '/auth/me', { token: rotated.body.accessToken })).status).toBe(200);

    const reuse = await t.request('POST', '/auth/refresh', { body: { refreshToken: first } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The thief's and the owner's tokens of that session are all dead now.
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } })).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { token: login.body.accessToken })).status).toBe(401);
  });

  it('logout revokes the session: access and refresh tokens stop working', async () => {
    await createUser('warga.lima@example.id');
    const login = await t.request('POST', '/auth/login', { body: { email: 'warga.lima@example.id', password: TEST_PASSWORD } });
    expect((await t.request('POST', '/auth/logout', { token: login.body.accessToken, body: {} })).status).toBe(204);
    expect((await t.request('GET', '/auth/me', { token: login.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
  });

  it('refuses tampered, expired and malformed tokens with 401', async () => {
    const token = await t.tokenFor('citizen');
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url')}.${s}`;
    expect((await t.request('GET', '/users', { token: forged })).status).toBe(401);

    const { sub, role, opd, sid } = payload;
    const expired = await t.app.get(JwtService).signAsync({ sub, role, opd, sid, exp: Math.floor(Date.now() / 1000) - 10 });
    const res = await t.request('GET', '/auth/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');

    expect((await t.request('GET', '/auth/me', { token: 'not-a-token' })).status).toBe(401);
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } })).status).toBe(401);
  });

  it('a deactivated user can neither sign in nor keep using a token', async () => {
    const adminToken = await t.tokenFor('admin');
    const user = await createUser('warga.enam@example.id');
    const login = await t.request('POST', '/auth/login', { body: { email: 'warga.enam@example.id', password: TEST_PASSWORD } });
    const off = await t.request('POST', `/users/${user.id}/deactivate`, { token: adminToken });
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await t.request('GET', '/auth/me', { token: login.body.accessToken })).status).toBe(401);
    const again = await t.request('POST', '/auth/login', { body: { email: 'warga.enam@example.id', password: TEST_PASSWORD } });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_INACTIVE');
    expect((await t.request('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
  });

  it('a one-time password must be changed before anything else', async () => {
    const adminToken = await t.tokenFor('admin');
    const created = await t.request('POST', '/users', { token: adminToken, body: { email: 'asn.baru@madiunkota.go.id', name: 'ASN Baru', role: 'asn', opdCode: 'dinas-kesehatan' } });
    expect(created.status).toBe(201);
    const otp = created.body.oneTimePassword as string;
    expect(otp).toMatch(/^[A-Za-z0-9]{18}$/);

    const login = await t.request('POST', '/auth/login', { body: { email: 'asn.baru@madiunkota.go.id', password: otp } });
    expect(login.body.mustChangePassword).toBe(true);
    const blocked = await t.request('GET', '/auth/tokens', { token: login.body.accessToken });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await t.request('POST', '/auth/password', { token: login.body.accessToken, body: { currentPassword: otp, newPassword: 'pendek' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([{ field: 'newPassword', problem: 'must be at least 12 characters' }]);
    const changed = await t.request('POST', '/auth/password', { token: login.body.accessToken, body: { currentPassword: otp, newPassword: 'sandi-baru-yang-kuat' } });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/auth/tokens', { token: login.body.accessToken })).status).toBe(200);
  });

  it('personal API tokens: shown once, hashed at rest, scoped and revocable', async () => {
    const adminToken = await t.tokenFor('admin');
    const created = await t.request('POST', '/auth/tokens', { token: adminToken, body: { name: 'sinkronisasi', scopes: ['read'] } });
    expect(created.status).toBe(201);
    const pat = created.body.token as string;
    expect(pat.startsWith('ogh_pat_')).toBe(true);

    const [row] = await t.app.get(DataSource).query('SELECT token_hash FROM api_token WHERE id = $1', [created.body.id]);
    expect(row.token_hash).not.toContain(pat.slice(8));
    expect((await t.request('GET', '/auth/tokens', { token: adminToken })).body[0]).not.toHaveProperty('token');

    expect((await t.request('GET', '/users', { token: pat })).status).toBe(200);
    const write = await t.request('POST', '/users', { token: pat, body: { email: 'x@example.id', name: 'X', role: 'citizen' } });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('INSUFFICIENT_SCOPE');

    expect((await t.request('DELETE', `/auth/tokens/${created.body.id}`, { token: adminToken })).status).toBe(204);
    expect((await t.request('GET', '/users', { token: pat })).status).toBe(401);
  });

  it('records sign-ins and user changes in the audit log', async () => {
    const rows = await t.app.get(DataSource).query(`SELECT action, count(*)::int AS n FROM audit_log GROUP BY action`);
    const actions = Object.fromEntries(rows.map((r: { action: string; n: number }) => [r.action, r.n]));
    expect(actions['auth.login']).toBeGreaterThan(0);
    expect(actions['auth.login_failed']).toBeGreaterThan(0);
    expect(actions['auth.locked']).toBe(1);
    expect(actions['user.deactivated']).toBe(1);
    expect(actions['auth.refresh_reuse']).toBe(1);
  });
});
