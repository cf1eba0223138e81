import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';

const SAMPLE = join(__dirname, '../../../../../../shared/data/musrenbang-sample.csv');

/** Proposals list, links to policies and aspirations, and the proposal → policy funnel. */
describe('Musrenbang proposals and funnel (HTTP, real Postgres)', () => {
  let t: TestApp;
  let db: DataSource;
  let bappeda: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    bappeda = await t.tokenFor('bappeda');
    await t.request('POST', '/collector/imports/musrenbang', { token: bappeda, body: { csv: readFileSync(SAMPLE, 'utf8') } });
  });
  afterAll(() => t.close());

  it('lists with filters and links a proposal to a policy once', async () => {
    const all = await t.request('GET', '/musrenbang/proposals?year=2025&limit=500', { token: bappeda });
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(54);
    const accepted = await t.request('GET', '/musrenbang/proposals?status=diakomodir', { token: bappeda });
    expect(accepted.body.length).toBeGreaterThan(0);
    expect(accepted.body.every((p: { status: string }) => p.status === 'diakomodir')).toBe(true);
    expect((await t.request('GET', '/musrenbang/proposals?status=disetujui', { token: bappeda })).status).toBe(400);

    const [opd] = await db.query(`SELECT id FROM opd LIMIT 1`);
    const [policy] = await db.query(`INSERT INTO policy (title, summary, opd_id) VALUES ('Perbaikan jalan lingkungan 2025', 'Ringkasan', $1) RETURNING id`, [opd.id]);
    const id = accepted.body[0].id;
    const link = await t.request('POST', `/musrenbang/proposals/${id}/links`, { token: bappeda, body: { policyId: policy.id } });
    expect(link.status).toBe(201);
    expect((await t.request('POST', `/musrenbang/proposals/${id}/links`, { token: bappeda, body: { policyId: policy.id } })).status).toBe(409);
    const funnel = await t.request('GET', '/musrenbang/funnel?year=2025', { token: bappeda });
    expect(funnel.body).toMatchObject({ year: 2025, proposals: 54, linkedToPolicy: 1, linkedToAspiration: 0 });
  });

  it('funnel counts by status; links need exactly one existing target', async () => {
    const funnel = await t.request('GET', '/musrenbang/funnel', { token: bappeda });
    expect(funnel.status).toBe(200);
    const s = funnel.body.byStatus;
    expect(s.diusulkan + s.diakomodir + s['tidak diakomodir'] + s.menunggu).toBe(54);
    const [p] = (await t.request('GET', '/musrenbang/proposals?limit=1', { token: bappeda })).body;
    expect((await t.request('POST', `/musrenbang/proposals/${p.id}/links`, { token: bappeda, body: {} })).status).toBe(400);
    expect((await t.request('POST', `/musrenbang/proposals/${p.id}/links`, { token: bappeda, body: { aspirationId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    const asn = await t.tokenFor('asn');
    expect((await t.request('GET', '/musrenbang/funnel', { token: asn })).status).toBe(403);
  });
});
