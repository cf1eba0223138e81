import { startTestApp, TestApp } from '../../../testing/test-app';

/** GeoReport v2 request fields (shared/data/README.md). */
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
].sort();

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' } });
    root = t.api.replace(/\/api$/, '');
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await fetch(`${root}${path}`);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists the categories as services, with the kelurahan attribute in each definition', async () => {
    const services = await get('/open311/v2/services.json');
    expect(services.status).toBe(200);
    expect(services.body).toHaveLength(14);
    expect(services.body[0]).toEqual(expect.objectContaining({ service_code: 'infrastruktur_jalan', metadata: true, type: 'realtime', group: 'Dinas Pekerjaan Umum dan Penataan Ruang' }));
    const def = await get('/open311/v2/services/penerangan_jalan.json');
    expect(def.body.service_code).toBe('penerangan_jalan');
    expect(def.body.attributes[0]).toMatchObject({ code: 'kelurahan', datatype: 'singlevaluelist', required: true });
    expect(def.body.attributes[0].values).toHaveLength(27);
    expect((await get('/open311/v2/services/tidak_ada.json')).status).toBe(404);
  });

  it('accepts a form-encoded request and serves it back with the GeoReport fields', async () => {
    const form = new URLSearchParams({
      service_code: 'penerangan_jalan',
      'attribute[kelurahan]': '35.77.02.1005',
      description: 'Lampu jalan mati di Jl. Serayu depan SD, gelap total sejak Senin.',
      lat: '-7.6234',
      long: '111.5123',
      address_string: 'Jl. Serayu, Winongo',
      email: 'warga@example.id',
      first_name: 'Ani',
      api_key: 'client-app',
    });
    const res = await fetch(`${root}/open311/v2/requests.json`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as any[];
    expect(created.service_request_id).toMatch(/^MDN-/);
    expect(created.service_notice).toContain('LAPOR!');

    const one = await get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.status).toBe(200);
    const req = one.body[0];
    expect(Object.keys(req).sort()).toEqual(REQUEST_FIELDS);
    expect(req).toMatchObject({ status: 'open', service_code: 'penerangan_jalan', agency_responsible: 'Dinas Perumahan dan Kawasan Permukiman', lat: -7.623, long: 111.512 });
    expect(new Date(req.expected_datetime).getTime()).toBeGreaterThan(Date.now());
    expect(JSON.stringify(one.body)).not.toContain('warga@example.id');

    const list = await get('/open311/v2/requests.json?service_code=penerangan_jalan&status=open');
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created.service_request_id);
    const closed = await get('/open311/v2/requests.json?status=closed');
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(created.service_request_id);
    const byId = await get(`/open311/v2/requests.json?service_request_id=${created.service_request_id}`);
    expect(byId.body).toHaveLength(1);
  });

  it('refuses incomplete requests with 400 and unknown ids with 404', async () => {
    const missing = await fetch(`${root}/open311/v2/requests.json`, { method: 'POST', body: JSON.stringify({ service_code: 'penerangan_jalan', description: 'Lampu mati di gang.' }), headers: { 'content-type': 'application/json' } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).details.map((d: { field: string }) => d.field)).toContain('attribute[kelurahan]');
    const unknown = await fetch(`${root}/open311/v2/requests.json`, { method: 'POST', body: JSON.stringify({ service_code: 'tidak_ada', 'attribute[kelurahan]': '35.77.02.1005', description: 'Lampu mati di gang sebelah.' }), headers: { 'content-type': 'application/json' } });
    expect(unknown.status).toBe(400);
    expect((await get('/open311/v2/requests/MDN-2222-2222.json')).status).toBe(404);
    expect((await get('/open311/v2/requests.json?status=pending')).status).toBe(400);
  });
});
