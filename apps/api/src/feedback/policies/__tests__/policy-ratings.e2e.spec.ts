import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';

/** Ratings: one per person per policy (updatable), redacted comments, moderation that keeps the score. */
describe('policy ratings (HTTP, real Postgres)', () => {
  let t: TestApp;
  let asnKes: string;
  let asnHub: string;
  let admin: string;
  let citizen: string;
  let policyId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '1000' } });
    asnKes = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    asnHub = await t.tokenFor('asn', { opdCode: 'dinas-perhubungan' });
    admin = await t.tokenFor('admin');
    citizen = await t.tokenFor('citizen');
    const p = await t.request('POST', '/policies', { token: asnKes, body: { title: 'Perwali layanan posyandu', summary: 'Jadwal dan layanan posyandu di setiap kelurahan.' } });
    policyId = p.body.id;
    expect((await t.request('POST', `/policies/${policyId}/publish`, { token: asnKes })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses anonymous ratings without a rater id, bad scores, and unpublished policies', async () => {
    const noId = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 4 } });
    expect(noId.status).toBe(400);
    expect(noId.body.details).toEqual([{ field: 'raterId', problem: 'is required when not signed in' }]);
    expect((await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 6, raterId: randomUUID() } })).status).toBe(400);
    expect((await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 0, raterId: randomUUID() } })).status).toBe(400);
    expect((await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 3, raterId: 'bukan-uuid' } })).status).toBe(400);

    const d = await t.request('POST', '/policies', { token: asnKes, body: { title: 'Rancangan belum terbit', summary: 'Belum diterbitkan untuk publik.' } });
    expect((await t.request('POST', `/policies/${d.body.id}/ratings`, { body: { score: 5, raterId: randomUUID() } })).status).toBe(404);
    expect((await t.request('POST', `/policies/00000000-0000-4000-8000-000000000000/ratings`, { body: { score: 5, raterId: randomUUID() } })).status).toBe(404);
  });

  it('one rating per person: a second POST updates it (anonymous rater id and signed-in user alike)', async () => {
    const raterId = randomUUID();
    const first = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 2, raterId } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ result: 'created', rating: { score: 2, comment: null, hidden: false }, summary: { count: 1, average: 2 } });

    const second = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 4, raterId } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ result: 'updated', rating: { id: first.body.rating.id, score: 4 }, summary: { count: 1, average: 4 } });

    // The same signed-in citizen counts once, even when the portal also sends a rater id.
    const u1 = await t.request('POST', `/policies/${policyId}/ratings`, { token: citizen, body: { score: 5 } });
    expect(u1.status).toBe(201);
    const u2 = await t.request('POST', `/policies/${policyId}/ratings`, { token: citizen, body: { score: 3, raterId: randomUUID() } });
    expect(u2.status).toBe(200);
    expect(u2.body.result).toBe('updated');
    expect(u2.body.summary).toEqual({ count: 2, average: 3.5, distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 0 } });

    const [{ n }] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM policy_rating WHERE policy_id = $1', [policyId]);
    expect(n).toBe(2);
  });

  it('publishes comments redacted; the original is stored but never returned', async () => {
    const raterId = randomUUID();
    const comment = 'Posyandu bagus, tapi jadwalnya sering berubah. WA saya 0812-9876-5432 atau budi@contoh.id';
    const res = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 4, raterId, comment } });
    expect(res.status).toBe(201);
    expect(res.body.rating.comment).toBe('Posyandu bagus, tapi jadwalnya sering berubah. WA saya [TELEPON] atau [EMAIL]');

    const list = await t.request('GET', `/policies/${policyId}/ratings`);
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain('9876-5432');
    expect(text).not.toContain('budi@contoh.id');
    expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.rating.id, score: 4, comment: expect.stringContaining('[TELEPON]') })]);
    expect(list.body.items[0]).not.toHaveProperty('hiddenReason');

    const detail = await t.request('GET', `/policies/${policyId}`);
    expect(JSON.stringify(detail.body)).not.toContain('9876-5432');

    const [stored] = await t.app.get(DataSource).query('SELECT comment, public_comment, rater_hash FROM policy_rating WHERE id = $1', [res.body.rating.id]);
    expect(stored.comment).toBe(comment);
    expect(stored.rater_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rater_hash).not.toContain(raterId.replace(/-/g, ''));
  });

  it('hides an abusive comment: only the OPD or an admin, audited; gone from the public list, score still counted', async () => {
    const raterId = randomUUID();
    const bad = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 1, raterId, comment: 'Komentar kasar yang menghina petugas.' } });
    expect(bad.status).toBe(201);
    const ratingId = bad.body.rating.id;
    const before = (await t.request('GET', `/policies/${policyId}`)).body.rating;

    expect((await t.request('POST', `/asn/policy-ratings/${ratingId}/hide`, { token: asnHub, body: { reason: 'Bukan OPD saya' } })).status).toBe(403);
    expect((await t.request('POST', `/asn/policy-ratings/${ratingId}/hide`, { token: asnKes, body: {} })).status).toBe(400);
    expect((await t.request('POST', `/asn/policy-ratings/00000000-0000-4000-8000-000000000000/hide`, { token: admin, body: { reason: 'Tidak ada' } })).status).toBe(404);

    const hidden = await t.request('POST', `/asn/policy-ratings/${ratingId}/hide`, { token: asnKes, body: { reason: 'Menghina petugas' } });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id: ratingId, policyId, hiddenReason: 'Menghina petugas', hiddenAt: expect.any(String) });
    expect((await t.request('POST', `/asn/policy-ratings/${ratingId}/hide`, { token: admin, body: { reason: 'Disembunyikan lagi' } })).status).toBe(409);

    const list = await t.request('GET', `/policies/${policyId}/ratings?limit=100`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(ratingId);
    expect(JSON.stringify(list.body)).not.toContain('kasar');
    const after = (await t.request('GET', `/policies/${policyId}`)).body.rating;
    expect(after).toEqual(before);
    expect(list.body.summary).toEqual(after);
    expect(after.distribution['1']).toBe(1);

    // The same person rating again keeps the moderation.
    const again = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 2, raterId, comment: 'Komentar kasar lagi.' } });
    expect(again.body).toMatchObject({ result: 'updated', rating: { hidden: true } });
    expect((await t.request('GET', `/policies/${policyId}/ratings?limit=100`)).body.items.map((i: { id: string }) => i.id)).not.toContain(ratingId);

    const staff = await t.request('GET', `/asn/policies/${policyId}/ratings?limit=100`, { token: asnKes });
    expect(staff.status).toBe(200);
    expect(staff.body.items.find((i: { id: string }) => i.id === ratingId)).toMatchObject({ hiddenReason: 'Menghina petugas' });
    expect((await t.request('GET', `/asn/policies/${policyId}/ratings`, { token: asnHub })).status).toBe(404);

    const audit = await t.app.get(DataSource).query(`SELECT action, details FROM audit_log WHERE entity_type = 'policy_rating' AND entity_id = $1`, [ratingId]);
    expect(audit).toEqual([{ action: 'policy_rating.hidden', details: { policyId, reason: 'Menghina petugas' } }]);
  });

  it('a rating without a comment has nothing to hide', async () => {
    const r = await t.request('POST', `/policies/${policyId}/ratings`, { body: { score: 5, raterId: randomUUID() } });
    expect((await t.request('POST', `/asn/policy-ratings/${r.body.rating.id}/hide`, { token: admin, body: { reason: 'Tidak ada komentar' } })).status).toBe(409);
  });
});
