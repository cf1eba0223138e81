import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';
import { TokenCleanupJob } from '../jobs/token-cleanup.job';

describe('sign-in rate limit and token clean-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a client exceeds the sign-in rate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.request('POST', '/auth/login', { body: { email: `x${i}@example.id`, password: 'apa-saja-123' } })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const res = await t.request('POST', '/auth/login', { body: { email: 'y@example.id', password: 'apa-saja-123' } });
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(res.headers.get('retry-after')).toBeTruthy();
  });

  it('counts per client behind a trusted proxy (X-Forwarded-For from loopback), not per proxy', async () => {
    const attempt = (client: string) =>
      t.request('POST', '/auth/login', { body: { email: 'z@example.id', password: 'apa-saja-123' }, headers: { 'x-forwarded-for': client } }).then((r) => r.status);
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push(await attempt('203.0.113.7'));
    expect(first).toEqual([401, 401, 401, 429]);
    // Another citizen behind the same portal still gets their own attempts.
    expect(await attempt('203.0.113.8')).toBe(401);
  });

  it('the daily clean-up removes long-expired and long-revoked refresh tokens only', async () => {
    const ds = t.app.get(DataSource);
    const [user] = await ds.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bersih@example.id', 'B', 'x', 'citizen') RETURNING id`);
    const insert = (hash: string, expires: string, revoked: string | null) =>
      ds.query(`INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, revoked_at) VALUES ($1, gen_random_uuid(), $2, now() + $3::interval, now() + $4::interval)`, [user.id, hash.padEnd(64, '0'), expires, revoked]);
    await insert('a', '-40 days', null);
    await insert('b', '10 days', '-31 days');
    await insert('c', '10 days', null);
    await insert('d', '-1 day', null);
    expect(await t.app.get(TokenCleanupJob).run()).toBe(2);
    const left = await ds.query(`SELECT left(token_hash, 1) AS h FROM refresh_token WHERE user_id = $1 ORDER BY 1`, [user.id]);
    expect(left.map((r: { h: string }) => r.h)).toEqual(['c', 'd']);
  });
});
