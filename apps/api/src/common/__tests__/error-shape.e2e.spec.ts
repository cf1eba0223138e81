import { startTestApp, TestApp } from '../../testing/test-app';

/** Bad input of every kind gets a 4xx in the one error shape, never a 500. */
describe('error shape', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  function expectShape(body: any, status: number) {
    expect(body).toMatchObject({ statusCode: status, error: expect.any(String), code: expect.any(String), message: expect.any(String) });
    expect(typeof body.requestId).toBe('string');
  }

  it('malformed JSON is a 400', async () => {
    const res = await t.request('POST', '/auth/login', { rawBody: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expectShape(res.body, 400);
  });

  it('an oversized body is a 413', async () => {
    const res = await t.request('POST', '/auth/login', { body: { email: 'a@b.id', password: 'x'.repeat(10_000) } });
    expect(res.status).toBe(413);
    expectShape(res.body, 413);
  });

  it('an unsupported media type is a 415', async () => {
    const res = await t.request('POST', '/auth/login', { rawBody: 'email=a', headers: { 'content-type': 'application/xml' } });
    expect(res.status).toBe(415);
    expectShape(res.body, 415);
  });

  it('unknown fields are refused with the field named', async () => {
    const res = await t.request('POST', '/users', { token: admin, body: { email: 'a@b.id', name: 'Ani', role: 'citizen', isAdmin: true } });
    expect(res.status).toBe(400);
    expectShape(res.body, 400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field: 'isAdmin', problem: 'is not an accepted field' }]);
  });

  it('wrong types and values name the field and the reason', async () => {
    const res = await t.request('POST', '/users', { token: admin, body: { email: 42, name: 'A', role: 'raja' } });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'name', 'role']);
    expect(res.body.details.find((d: { field: string }) => d.field === 'role').problem).toMatch(/must be one of: admin, asn/);
  });

  it('an unknown OPD is a 400 on that field, not a 500', async () => {
    const res = await t.request('POST', '/users', { token: admin, body: { email: 'b@b.id', name: 'Budi', role: 'asn', opdCode: 'dinas-tidak-ada' } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'opdCode', problem: 'unknown OPD code "dinas-tidak-ada"' }]);
  });

  it('a duplicate e-mail is a 409', async () => {
    const body = { email: 'dup@b.id', name: 'Dupi', role: 'citizen', password: 'panjang-sekali-123' };
    expect((await t.request('POST', '/users', { token: admin, body })).status).toBe(201);
    const res = await t.request('POST', '/users', { token: admin, body });
    expect(res.status).toBe(409);
    expectShape(res.body, 409);
  });

  it('a malformed id in the path is a 400 and an unknown route a 404', async () => {
    const bad = await t.request('GET', '/users/not-a-uuid', { token: admin });
    expect(bad.status).toBe(400);
    expectShape(bad.body, 400);
    const missing = await t.request('GET', '/does-not-exist');
    expect(missing.status).toBe(404);
    expectShape(missing.body, 404);
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await t.request('GET', '/health', { headers: { 'x-request-id': 'portal-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('portal-abc-123');
  });
});
