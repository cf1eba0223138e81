import { startTestApp, TestApp } from '../../testing/test-app';
import { testRedisUrl } from '../../testing/test-env';

describe('health, docs and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ redisUrl: testRedisUrl() });
  });
  afterAll(() => t.close());

  it('reports database and Redis', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up', queueMode: 'bull' });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.request('GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/login']).toBeDefined();
    const ui = await fetch(`${t.api}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics with per-route timings', async () => {
    await t.request('GET', '/categories');
    const res = await fetch(`${t.api}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('ogh_http_request_duration_seconds_bucket');
    expect(text).toMatch(/ogh_http_requests_total\{method="GET",route="\/api\/categories",status="200"\} \d+/);
  });

  it('serves the region tree of Kota Madiun', async () => {
    const res = await t.request('GET', '/regions');
    expect(res.body[0].name).toBe('Kota Madiun');
    expect(res.body[0].kecamatan.map((k: { name: string }) => k.name)).toEqual(['Kartoharjo', 'Manguharjo', 'Taman']);
    const kel = await t.request('GET', '/regions/kelurahan?kecamatan=35.77.03');
    expect(kel.body).toHaveLength(9);
    const bad = await t.request('GET', '/regions/kelurahan?kecamatan=taman');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('kecamatan');
  });
});
