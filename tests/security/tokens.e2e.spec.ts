import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp, TEST_PASSWORD } from '../../apps/api/src/testing/test-app';
import { UsersService } from '../../apps/api/src/users/users.service';

/**
 * Token guarantees that apps/api/src/auth/__tests__/auth.e2e.spec.ts does not
 * already pin down (it covers: a forged role, an exp in the past, garbage
 * tokens, one rotation-reuse, logout of the same pair, a deactivated user's JWT).
 * Here: a live token dying at its exp, the configured TTL, other secrets and
 * algorithms, tokens in the query string, logout of a whole rotated session
 * and not of others, concurrent refreshes, expired refresh tokens, password
 * changes, and personal API tokens of deactivated users.
 */

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const sign = (header: object, payload: object, secret: string) => {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac((header as { alg: string }).alg === 'HS512' ? 'sha512' : 'sha256', secret).update(unsigned).digest('base64url')}`;
};

describe('security: access and refresh tokens', () => {
  let t: TestApp;
  let ds: DataSource;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { JWT_ACCESS_TTL_SECONDS: '30', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  async function newUser(role: 'citizen' | 'admin' = 'citizen') {
    const email = `token.${++n}@uji.madiunkota.go.id`;
    const { user } = await t.app.get(UsersService).create({ email, name: 'Pengguna Uji Token', role, password: TEST_PASSWORD }, null);
    return { id: user.id as string, email };
  }
  async function login(email: string) {
    const res = await t.request('POST', '/auth/login', { body: { email, password: TEST_PASSWORD } });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string; expiresIn: number };
  }
  const me = async (token: string) => (await t.request('GET', '/auth/me', { token })).status;
  const refresh = (refreshToken: string) => t.request('POST', '/auth/refresh', { body: { refreshToken } });
  const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

  it('issues access tokens for the configured lifetime (JWT_ACCESS_TTL_SECONDS)', async () => {
    const pair = await login((await newUser()).email);
    const p = payloadOf(pair.accessToken);
    expect(pair.expiresIn).toBe(30);
    expect(p.exp - p.iat).toBe(30);
  });

  it('a token that works stops working once its exp passes', async () => {
    // The honest fast way: the app's own JwtService (same secret, same library
    // the guard verifies with) signs a one-second token for a real session;
    // passport-jwt checks exp against the wall clock, so we wait the second
    // out instead of faking timers the verifier may not read.
    const pair = await login((await newUser()).email);
    const { sub, role, opd, sid } = payloadOf(pair.accessToken);
    const short = await t.app.get(JwtService).signAsync({ sub, role, opd, sid }, { expiresIn: 1 });
    expect(await me(short)).toBe(200);
    const exp = payloadOf(short).exp as number;
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1100));
    const res = await t.request('GET', '/auth/me', { token: short });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
    expect(await me(pair.accessToken)).toBe(200); // the session itself is fine
  });

  it('refuses tokens signed with another secret, with alg none, or with an algorithm other than HS256', async () => {
    const pair = await login((await newUser()).email);
    const payload = payloadOf(pair.accessToken);
    const secret = t.config.auth.jwtSecret;
    // Sanity: our signer reproduces a token the app accepts, so refusals below are about the variation only.
    expect(await me(sign({ alg: 'HS256', typ: 'JWT' }, payload, secret))).toBe(200);

    const variants: Record<string, string> = {
      'other secret': sign({ alg: 'HS256', typ: 'JWT' }, payload, 'x'.repeat(64)),
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`,
      'alg None, signature kept': `${b64({ alg: 'None', typ: 'JWT' })}.${b64(payload)}.${pair.accessToken.split('.')[2]}`,
      'HS512 with the right secret': sign({ alg: 'HS512', typ: 'JWT' }, payload, secret),
      'other user, original signature': `${pair.accessToken.split('.')[0]}.${b64({ ...payload, sub: '00000000-0000-4000-8000-000000000000' })}.${pair.accessToken.split('.')[2]}`,
      'longer exp, original signature': `${pair.accessToken.split('.')[0]}.${b64({ ...payload, exp: payload.exp + 86400 })}.${pair.accessToken.split('.')[2]}`,
      'signature stripped': pair.accessToken.split('.').slice(0, 2).join('.') + '.',
    };
    const answers = Object.fromEntries(await Promise.all(Object.entries(variants).map(async ([k, v]) => [k, await me(v)])));
    expect(answers).toEqual(Object.fromEntries(Object.keys(variants).map((k) => [k, 401])));
  });

  it('takes tokens from the Authorization header only, never from the query string or a non-Bearer scheme', async () => {
    const pair = await login((await newUser()).email);
    expect((await t.request('GET', `/auth/me?token=${pair.accessToken}`)).status).toBe(401);
    expect((await t.request('GET', `/auth/me?access_token=${pair.accessToken}`)).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { headers: { authorization: `Basic ${pair.accessToken}` } })).status).toBe(401);
    expect((await t.request('GET', '/auth/me', { headers: { authorization: pair.accessToken } })).status).toBe(401);
  });

  it('logout ends the whole rotated session (every access and refresh token of it), and only that session', async () => {
    const user = await newUser();
    const first = await login(user.email);
    const rotated = (await refresh(first.refreshToken)).body;
    const other = await login(user.email); // a second device
    expect(await me(rotated.accessToken)).toBe(200);

    // Log out with the first (older) access token of the session, no refresh token in the body.
    expect((await t.request('POST', '/auth/logout', { token: first.accessToken, body: {} })).status).toBe(204);
    expect(await me(first.accessToken)).toBe(401);
    expect(await me(rotated.accessToken)).toBe(401);
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    const [row] = await ds.query(`SELECT count(*)::int AS live FROM refresh_token WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL`, [user.id, payloadOf(first.accessToken).sid]);
    expect(row.live).toBe(0);

    // The other device keeps its session.
    expect(await me(other.accessToken)).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it("logging out with someone else's refresh token does not end their session", async () => {
    const victim = await login((await newUser()).email);
    const attacker = await login((await newUser()).email);
    expect((await t.request('POST', '/auth/logout', { token: attacker.accessToken, body: { refreshToken: victim.refreshToken } })).status).toBe(204);
    expect(await me(victim.accessToken)).toBe(200);
    expect((await refresh(victim.refreshToken)).status).toBe(200);
    expect(await me(attacker.accessToken)).toBe(401); // the caller's own session ended instead
  });

  it('of two concurrent refreshes with one token at most one wins, and the whole session dies', async () => {
    // Several rounds: the interleaving differs from one to the next. The loser's
    // family revocation must also cover the token the winner inserts; when the
    // winner notices the revocation before answering, it refuses too.
    const survivors: string[] = [];
    for (let round = 0; round < 5; round++) {
      const pair = await login((await newUser()).email);
      const answers = await Promise.all([refresh(pair.refreshToken), refresh(pair.refreshToken)]);
      const statuses = answers.map((a) => a.status).sort();
      expect([JSON.stringify([200, 401]), JSON.stringify([401, 401])]).toContain(JSON.stringify(statuses));
      expect(answers.filter((a) => a.status === 401).every((a) => a.body.code === 'REFRESH_TOKEN_REUSED')).toBe(true);
      const winner = answers.find((a) => a.status === 200)?.body;
      if (!winner) continue;
      // Reuse means theft is possible: the winner's new tokens die with the family too.
      expect(await me(winner.accessToken)).toBe(401);
      const next = await refresh(winner.refreshToken);
      if (next.status !== 401) survivors.push(`round ${round}: refresh with the winner's token answered ${next.status}; its new access token answers ${await me(next.body.accessToken)}`);
    }
    expect(survivors).toEqual([]);
  });

  it('an expired refresh token is refused', async () => {
    const pair = await login((await newUser()).email);
    await ds.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE family_id = $1`, [payloadOf(pair.accessToken).sid]);
    const res = await refresh(pair.refreshToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  it('changing the password ends the other sessions and keeps the current one', async () => {
    const user = await newUser();
    const here = await login(user.email);
    const elsewhere = await login(user.email);
    const changed = await t.request('POST', '/auth/password', { token: here.accessToken, body: { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-yang-cukup-panjang' } });
    expect(changed.status).toBe(204);
    expect(await me(elsewhere.accessToken)).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect(await me(here.accessToken)).toBe(200);
    expect((await refresh(here.refreshToken)).status).toBe(200);
  });

  it("deactivation kills a user's personal API tokens and sessions for good: reactivation brings none back", async () => {
    const admin = await t.tokenFor('admin');
    const user = await newUser('admin');
    const own = await login(user.email);
    const created = await t.request('POST', '/auth/tokens', { token: own.accessToken, body: { name: 'laporan', scopes: ['read'] } });
    expect(created.status).toBe(201);
    const pat = created.body.token as string;
    expect((await t.request('GET', '/users', { token: pat })).status).toBe(200);

    expect((await t.request('POST', `/users/${user.id}/deactivate`, { token: admin })).status).toBe(200);
    expect((await t.request('GET', '/users', { token: pat })).status).toBe(401);
    expect(await me(own.accessToken)).toBe(401);

    expect((await t.request('POST', `/users/${user.id}/activate`, { token: admin })).status).toBe(200);
    expect((await t.request('GET', '/users', { token: pat })).status).toBe(401);
    expect(await me(own.accessToken)).toBe(401);
    expect((await refresh(own.refreshToken)).status).toBe(401);
    expect(await me((await login(user.email)).accessToken)).toBe(200); // signing in again works
  });
});
