import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';

/** Policies through HTTP on real Postgres: OPD scope, publication, the status order, links to aspirations. */
describe('policies (HTTP, real Postgres)', () => {
  let t: TestApp;
  let asnKes: string;
  let asnHub: string;
  let admin: string;
  let citizen: string;

  const draft = (title = 'Perwali layanan puskesmas 24 jam', extra: Record<string, unknown> = {}) => ({
    title,
    summary: 'Rancangan peraturan tentang jam layanan puskesmas di seluruh kecamatan.',
    ...extra,
  });

  async function createPolicy(token: string, body: Record<string, unknown> = draft()) {
    const res = await t.request('POST', '/policies', { token, body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function createAspiration(text: string): Promise<string> {
    const res = await t.request('POST', '/aspirations', { body: { text, kelurahanCode: '35.77.02.1004', categoryCode: 'kesehatan' } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function auditActions(policyId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.app.get(DataSource).query(`SELECT action FROM audit_log WHERE entity_type = 'policy' AND entity_id = $1 ORDER BY id`, [policyId]);
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await startTestApp();
    asnKes = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    asnHub = await t.tokenFor('asn', { opdCode: 'dinas-perhubungan' });
    admin = await t.tokenFor('admin');
    citizen = await t.tokenFor('citizen');
  });
  afterAll(() => t.close());

  it('an ASN creates a draft for their own OPD; it stays invisible to the public and to other OPDs', async () => {
    const p = await createPolicy(asnKes);
    expect(p).toMatchObject({ status: 'draft', published: false, publishedAt: null, opd: { code: 'dinas-kesehatan' }, allowedNext: ['consultation'], aspirations: [], rating: { count: 0, average: null } });

    expect((await t.request('GET', `/policies/${p.id}`)).status).toBe(404);
    expect((await t.request('GET', '/policies?limit=100')).body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await t.request('GET', `/policies/${p.id}/ratings`)).status).toBe(404);

    const mine = await t.request('GET', '/asn/policies?limit=100', { token: asnKes });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const theirs = await t.request('GET', '/asn/policies?limit=100', { token: asnHub });
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await t.request('GET', `/asn/policies/${p.id}`, { token: asnHub })).status).toBe(404);
    expect((await t.request('GET', `/asn/policies/${p.id}`, { token: admin })).status).toBe(200);
    expect(await auditActions(p.id)).toEqual(['policy.created']);
  });

  it('admin must name the OPD; unknown codes are 400; an ASN cannot create for another OPD', async () => {
    const noOpd = await t.request('POST', '/policies', { token: admin, body: draft() });
    expect(noOpd.status).toBe(400);
    expect(noOpd.body.details).toEqual([{ field: 'opdCode', problem: 'is required for admins' }]);

    const unknown = await t.request('POST', '/policies', { token: admin, body: draft('Kebijakan dinas fiktif', { opdCode: 'dinas-tidak-ada' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('opdCode');

    const ok = await t.request('POST', '/policies', { token: admin, body: draft('Perwali parkir tepi jalan', { opdCode: 'dinas-perhubungan' }) });
    expect(ok.status).toBe(201);
    expect(ok.body.opd.code).toBe('dinas-perhubungan');

    const other = await t.request('POST', '/policies', { token: asnKes, body: draft('Kebijakan dinas lain', { opdCode: 'dinas-perhubungan' }) });
    expect(other.status).toBe(403);

    const badWindow = await t.request('POST', '/policies', { token: asnKes, body: draft('Jendela terbalik', { consultationStart: '2026-03-10', consultationEnd: '2026-03-01' }) });
    expect(badWindow.status).toBe(400);
    expect(badWindow.body.details[0].field).toBe('consultationEnd');

    const extra = await t.request('POST', '/policies', { token: asnKes, body: { ...draft(), status: 'adopted' } });
    expect(extra.status).toBe(400);
  });

  it('only the OPD that owns a policy (or an admin) may change it', async () => {
    const p = await createPolicy(asnKes, draft('Perwali imunisasi anak sekolah'));
    expect((await t.request('PATCH', `/policies/${p.id}`, { token: asnHub, body: { title: 'Diubah dinas lain' } })).status).toBe(404);
    expect((await t.request('POST', `/policies/${p.id}/publish`, { token: asnKes })).status).toBe(200);
    expect((await t.request('PATCH', `/policies/${p.id}`, { token: asnHub, body: { title: 'Diubah dinas lain' } })).status).toBe(403);
    expect((await t.request('POST', `/policies/${p.id}/status`, { token: asnHub, body: { status: 'consultation' } })).status).toBe(403);

    const edited = await t.request('PATCH', `/policies/${p.id}`, { token: asnKes, body: { title: 'Perwali imunisasi anak sekolah dasar' } });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Perwali imunisasi anak sekolah dasar');
    const byAdmin = await t.request('PATCH', `/policies/${p.id}`, { token: admin, body: { summary: 'Ringkasan yang diperbarui oleh admin kota.' } });
    expect(byAdmin.status).toBe(200);
    expect((await t.request('PATCH', `/policies/00000000-0000-4000-8000-000000000000`, { token: admin, body: { title: 'Tidak ada' } })).status).toBe(404);
    expect((await t.request('PATCH', `/policies/${p.id}`, { token: asnKes, body: {} })).status).toBe(400);
  });

  it('publishing makes the policy public once; a second publish is 409', async () => {
    const p = await createPolicy(asnKes, draft('Perwali gizi balita'));
    const pub = await t.request('POST', `/policies/${p.id}/publish`, { token: asnKes });
    expect(pub.status).toBe(200);
    expect(pub.body.published).toBe(true);
    expect((await t.request('POST', `/policies/${p.id}/publish`, { token: asnKes })).status).toBe(409);
    const pubView = await t.request('GET', `/policies/${p.id}`);
    expect(pubView.status).toBe(200);
    expect(pubView.body).toMatchObject({ id: p.id, status: 'draft', statusLabel: 'Rancangan', opd: { code: 'dinas-kesehatan' } });
    expect(pubView.body).not.toHaveProperty('allowedNext');
    expect(await auditActions(p.id)).toEqual(['policy.created', 'policy.published']);
  });

  it('status moves only forward, one step at a time; consultation needs a window', async () => {
    const p = await createPolicy(asnKes, draft('Perwali kawasan tanpa rokok'));
    const skip = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'adopted' } });
    expect(skip.status).toBe(409);
    expect(skip.body.details).toEqual([{ field: 'status', problem: 'allowed next states: consultation' }]);

    const noWindow = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'consultation' } });
    expect(noWindow.status).toBe(400);
    expect(noWindow.body.details[0].field).toBe('consultationStart');
    const reversed = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'consultation', consultationStart: '2026-05-10', consultationEnd: '2026-05-01' } });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details[0].field).toBe('consultationEnd');
    const badStatus = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'archived' } });
    expect(badStatus.status).toBe(400);

    const open = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'consultation', consultationStart: '2026-05-01', consultationEnd: '2026-05-31' } });
    expect(open.status).toBe(200);
    // Public consultation is public: the move publishes an unpublished policy.
    expect(open.body).toMatchObject({ status: 'consultation', published: true, consultationStart: '2026-05-01', consultationEnd: '2026-05-31', allowedNext: ['adopted'] });
    expect((await t.request('GET', `/policies/${p.id}`)).status).toBe(200);

    const again = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'consultation' } });
    expect(again.status).toBe(409);
    const back = await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'draft' } });
    expect(back.status).toBe(409);
    expect(back.body.details).toEqual([{ field: 'status', problem: 'allowed next states: adopted' }]);

    expect((await t.request('POST', `/policies/${p.id}/status`, { token: asnKes, body: { status: 'adopted' } })).status).toBe(200);
    const done = await t.request('POST', `/policies/${p.id}/status`, { token: admin, body: { status: 'implemented' } });
    expect(done.status).toBe(200);
    expect(done.body.allowedNext).toEqual([]);
    const final = await t.request('POST', `/policies/${p.id}/status`, { token: admin, body: { status: 'adopted' } });
    expect(final.status).toBe(409);
    expect(final.body.details).toEqual([{ field: 'status', problem: 'allowed next states: none' }]);

    expect(await auditActions(p.id)).toEqual(['policy.created', 'policy.status_changed', 'policy.published', 'policy.status_changed', 'policy.status_changed']);
  });

  it('links aspirations (400 naming unknown ids) and shows them redacted in the public detail', async () => {
    const a1 = await createAspiration('Antrean puskesmas Manguharjo panjang sekali, hubungi saya di 0812-3456-7890 ya.');
    const a2 = await createAspiration('Mohon puskesmas buka sampai malam untuk warga yang bekerja.');
    const p = await createPolicy(asnKes, draft('Perwali jam layanan puskesmas', { aspirationIds: [a2] }));
    expect(p.aspirations.map((a: { id: string }) => a.id)).toEqual([a2]);

    const missing = '11111111-1111-4111-8111-111111111111';
    const bad = await t.request('POST', `/policies/${p.id}/aspirations`, { token: asnKes, body: { aspirationIds: [a1, missing] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'aspirationIds', problem: `unknown aspiration ids: ${missing}` }]);
    expect((await t.request('POST', `/policies/${p.id}/aspirations`, { token: asnKes, body: { aspirationIds: ['bukan-uuid'] } })).status).toBe(400);
    expect((await t.request('POST', `/policies/${p.id}/aspirations`, { token: asnKes, body: { aspirationIds: [] } })).status).toBe(400);

    const ok = await t.request('POST', `/policies/${p.id}/aspirations`, { token: asnKes, body: { aspirationIds: [a1, a2] } });
    expect(ok.status).toBe(200);
    expect(ok.body.aspirationCount).toBe(2);

    await t.request('POST', `/policies/${p.id}/publish`, { token: asnKes });
    const pub = await t.request('GET', `/policies/${p.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.aspirations).toHaveLength(2);
    const linked = pub.body.aspirations.find((a: { id: string }) => a.id === a1);
    expect(linked).toMatchObject({ id: a1, trackingCode: expect.stringMatching(/^MDN-/), status: 'received' });
    expect(linked.text).toContain('[TELEPON]');
    expect(JSON.stringify(pub.body)).not.toContain('3456-7890');
    expect(Object.keys(linked).sort()).toEqual(['id', 'status', 'statusLabel', 'text', 'title', 'trackingCode']);
    expect(await auditActions(p.id)).toContain('policy.aspirations_linked');
  });

  it('lists published policies with filters and paging; bad filters are 400', async () => {
    const a = await createPolicy(admin, draft('Perwali terminal bus Purboyo', { opdCode: 'dinas-perhubungan' }));
    const b = await createPolicy(admin, draft('Perwali angkutan sekolah gratis', { opdCode: 'dinas-perhubungan' }));
    const c = await createPolicy(admin, draft('Perwali uji emisi angkutan umum', { opdCode: 'dinas-perhubungan' }));
    for (const p of [a, b]) await t.request('POST', `/policies/${p.id}/publish`, { token: admin });
    await t.request('POST', `/policies/${b.id}/status`, { token: admin, body: { status: 'consultation', consultationStart: '2026-01-01', consultationEnd: '2026-12-31' } });

    const hub = await t.request('GET', '/policies?opd=dinas-perhubungan');
    expect(hub.status).toBe(200);
    expect(hub.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(hub.body.total).toBe(2);
    expect(hub.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);

    const consult = await t.request('GET', '/policies?opd=dinas-perhubungan&status=consultation');
    expect(consult.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const search = await t.request('GET', '/policies?q=terminal');
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);

    const page1 = await t.request('GET', '/policies?opd=dinas-perhubungan&limit=1&page=1');
    const page2 = await t.request('GET', '/policies?opd=dinas-perhubungan&limit=1&page=2');
    expect(page1.body.items).toHaveLength(1);
    expect(page2.body.items).toHaveLength(1);
    expect(page1.body.items[0].id).not.toBe(page2.body.items[0].id);
    expect(page2.body).toMatchObject({ page: 2, limit: 1, total: 2 });

    const staffUnpublished = await t.request('GET', '/asn/policies?published=false&opd=dinas-perhubungan', { token: admin });
    const unpublishedIds = staffUnpublished.body.items.map((i: { id: string }) => i.id);
    expect(unpublishedIds).toContain(c.id);
    expect(unpublishedIds).not.toContain(a.id);
    expect(unpublishedIds).not.toContain(b.id);

    expect((await t.request('GET', '/policies?status=archived')).status).toBe(400);
    expect((await t.request('GET', '/policies?opd=dinas-tidak-ada')).status).toBe(400);
    expect((await t.request('GET', '/policies?limit=500')).status).toBe(400);
    expect((await t.request('GET', '/policies/bukan-uuid')).status).toBe(400);
  });

  it('citizens and other roles cannot write policies', async () => {
    expect((await t.request('POST', '/policies', { token: citizen, body: draft() })).status).toBe(403);
    expect((await t.request('POST', '/policies', { body: draft() })).status).toBe(401);
  });
});
