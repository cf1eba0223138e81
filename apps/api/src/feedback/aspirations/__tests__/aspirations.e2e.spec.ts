import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';
import { SlaSweepJob } from '../../sla/sla-sweep.job';

const KEL_WINONGO = '35.77.02.1005'; // Manguharjo
const KEL_MOJOREJO = '35.77.03.1001'; // Taman

/** Personal data planted in submissions; none of it may appear in any public answer. */
const NIK = '3577014506890002';
const PHONE = '0812-3456-7890';
const EMAIL = 'budi.santoso@example.id';

describe('aspirations: citizen side and ASN workflow (HTTP, real Postgres)', () => {
  let t: TestApp;
  let ds: DataSource;
  let asnKesehatan: string;
  let asnPerhubungan: string;
  let admin: string;
  const publicBodies: unknown[] = [];

  async function submit(body: Record<string, unknown>, headers?: Record<string, string>) {
    const res = await t.request('POST', '/aspirations', { body, headers });
    return res;
  }
  async function pub(method: string, path: string, body?: unknown) {
    const res = await t.request(method, path, { body });
    publicBodies.push(res.body);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SUBMIT_RATE_LIMIT_PER_MINUTE: '10000' } });
    ds = t.app.get(DataSource);
    asnKesehatan = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    asnPerhubungan = await t.tokenFor('asn', { opdCode: 'dinas-perhubungan' });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('accepts an anonymous aspiration and answers with a tracking code and a one-time follow-up key', async () => {
    const res = await submit({ text: 'Antrean di Puskesmas Oro-oro Ombo sangat panjang, mohon ditambah loket pendaftaran.', kelurahanCode: '35.77.01.1001', categoryCode: 'kesehatan' });
    expect(res.status).toBe(201);
    expect(res.body.trackingCode).toMatch(/^MDN-[2-9A-HJ-NP-TW-Z]{4}-[2-9A-HJ-NP-TW-Z]{4}$/);
    expect(res.body.followUpKey).toMatch(/^([2-9A-HJ-NP-TW-Z]{5}-){3}[2-9A-HJ-NP-TW-Z]{5}$/);
    expect(res.body).toMatchObject({ status: 'received', category: { code: 'kesehatan', assigned: false }, opd: { code: 'dinas-kesehatan' } });
    expect(new Date(res.body.dueVerifyAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.body.trackingUrl).toBe(`http://localhost:3001/lacak/${res.body.trackingCode}`);

    const [row] = await ds.query('SELECT follow_up_key_hash, is_anonymous FROM aspiration WHERE id = $1', [res.body.id]);
    expect(row.follow_up_key_hash).not.toContain(res.body.followUpKey);
    expect(row.is_anonymous).toBe(true);
    const [outbox] = await ds.query(`SELECT topic FROM outbox WHERE payload->>'aspirationId' = $1`, [res.body.id]);
    expect(outbox.topic).toBe('aspiration.submitted');
  });

  it('tracking codes are not guessable from one another', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      codes.add((await submit({ text: `Jalan lingkungan RT ${i} berlubang dan membahayakan pengendara motor.`, kelurahanCode: KEL_WINONGO })).body.trackingCode);
    }
    expect(codes.size).toBe(5);
    const suffixes = [...codes].map((c) => c.slice(4));
    expect(new Set(suffixes.map((s) => s.slice(0, 4))).size).toBeGreaterThan(1);
  });

  it('assigns a category and its OPD when the citizen gives none', async () => {
    const res = await submit({ text: 'Lampu PJU di Jl. Salak mati sudah dua minggu, malam gelap sekali.', kelurahanCode: KEL_WINONGO });
    expect(res.body.category).toEqual({ code: 'penerangan_jalan', assigned: true });
    expect(res.body.opd.name).toBe('Dinas Perumahan dan Kawasan Permukiman');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 'pendek', kelurahanCode: KEL_WINONGO }, 'text'],
      [{ text: 'x'.repeat(4001), kelurahanCode: KEL_WINONGO }, 'text'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: '35.77.09.9999' }, 'kelurahanCode'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: 'Winongo' }, 'kelurahanCode'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, categoryCode: 'tidak_ada' }, 'categoryCode'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, latitude: -6.2, longitude: 106.8 }, 'latitude'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, latitude: -7.63 }, 'longitude'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, channel: 'telegram' }, 'channel'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, contact: { email: EMAIL } }, 'contact.consent'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, contact: { phone: '12345', consent: true } }, 'contact.phone'],
      [{ text: 'Sampah menumpuk di pinggir jalan.', kelurahanCode: KEL_WINONGO, admin: true }, 'admin'],
      [{ text: 12345678901, kelurahanCode: KEL_WINONGO }, 'text'],
    ];
    for (const [body, field] of cases) {
      const res = await submit(body);
      expect({ field, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({ field, status: 400, fields: expect.arrayContaining([field]) });
    }
  });

  it('an Idempotency-Key makes retries, even racing ones, create one aspiration', async () => {
    const body = { text: 'Parkir liar di depan Pasar Besar Madiun membuat macet setiap pagi.', kelurahanCode: KEL_MOJOREJO };
    const key = 'portal-retry-0001';
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(body, { 'Idempotency-Key': key })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.followUpKey)).size).toBe(1);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM aspiration WHERE text = $1`, [body.text]);
    expect(n).toBe(1);
    const later = await submit(body, { 'Idempotency-Key': key });
    expect(later.body.trackingCode).toBe(answers[0].body.trackingCode);
    expect(later.headers.get('idempotent-replayed')).toBe('true');

    const reused = await submit({ ...body, text: body.text + ' Lagi.' }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.details[0].field).toBe('Idempotency-Key');
    expect((await submit(body, { 'Idempotency-Key': 'x' })).status).toBe(400);
  });

  describe('personal data', () => {
    let created: { id: string; trackingCode: string; followUpKey: string };

    beforeAll(async () => {
      const res = await submit({
        title: `Hubungi saya di ${PHONE}`,
        text: `Bantuan PKH untuk ibu saya belum cair. NIK ${NIK}, telp ${PHONE}, email ${EMAIL}. Mohon dicek.`,
        kelurahanCode: KEL_WINONGO,
        categoryCode: 'kesehatan',
        address: `Jl. Serayu 5, hubungi ${PHONE}`,
        latitude: -7.62345,
        longitude: 111.51234,
        contact: { name: 'Budi Santoso', phone: PHONE, email: EMAIL, consent: true },
      });
      expect(res.status).toBe(201);
      created = res.body;
    });

    it('redacts a phone number and NIK typed in full-width digits too', async () => {
      const res = await t.request('POST', '/aspirations', {
        body: { text: 'Bantuan belum cair, NIK ３５７７０１４５０６８９０００２ hp ０８１２３４５６７８９０ mohon dicek', kelurahanCode: KEL_WINONGO, categoryCode: 'sosial_bansos' },
      });
      expect(res.status).toBe(201);
      const track = await pub('GET', `/aspirations/track/${res.body.trackingCode}`);
      expect(track.body.text).toBe('Bantuan belum cair, NIK [NIK] hp [TELEPON] mohon dicek');
    });

    it('stores contact details encrypted and apart from the aspiration', async () => {
      const [c] = await ds.query('SELECT name_enc, phone_enc, email_enc, contact_hash FROM aspiration_contact WHERE aspiration_id = $1', [created.id]);
      for (const v of [c.name_enc, c.phone_enc, c.email_enc]) {
        expect(Buffer.isBuffer(v)).toBe(true);
        expect(v.toString('latin1')).not.toMatch(/Budi|budi\.santoso|3456/);
      }
      expect(c.contact_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('redacts NIK, phone and e-mail in every public copy and shows the original to the OPD', async () => {
      const track = await pub('GET', `/aspirations/track/${created.trackingCode}`);
      expect(track.body.text).toBe('Bantuan PKH untuk ibu saya belum cair. NIK [NIK], telp [TELEPON], email [EMAIL]. Mohon dicek.');
      expect(track.body.title).toBe('Hubungi saya di [TELEPON]');
      expect(track.body.point).toEqual({ latitude: -7.623, longitude: 111.512 });
      await pub('GET', `/aspirations/${created.id}`);
      await pub('GET', `/aspirations?kelurahan=${KEL_WINONGO}`);
      await pub('GET', `/aspirations/similar?text=${encodeURIComponent('bantuan PKH belum cair')}&kelurahan=${KEL_WINONGO}`);

      const staff = await t.request('GET', `/asn/aspirations/${created.id}`, { token: asnKesehatan });
      expect(staff.body.originalText).toContain(NIK);
      expect(staff.body.hasContact).toBe(true);
      // Contact details are not part of the detail: they are read (and audited) separately.
      expect(JSON.stringify(staff.body)).not.toContain('Budi Santoso');
    });

    it('lets only the assigned OPD and admins read contact details, and audits each read', async () => {
      const own = await t.request('GET', `/asn/aspirations/${created.id}/contact`, { token: asnKesehatan });
      expect(own.body).toEqual({ name: 'Budi Santoso', phone: '081234567890', email: EMAIL, consent: true });
      expect((await t.request('GET', `/asn/aspirations/${created.id}/contact`, { token: asnPerhubungan })).status).toBe(404);
      expect((await t.request('GET', `/asn/aspirations/${created.id}`, { token: asnPerhubungan })).status).toBe(404);
      expect((await t.request('GET', `/asn/aspirations/${created.id}/contact`, { token: admin })).status).toBe(200);
      expect((await t.request('GET', `/asn/aspirations/${created.id}/contact`, { token: await t.tokenFor('citizen') })).status).toBe(403);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'aspiration.contact_read' AND entity_id = $1`, [created.id]);
      expect(n).toBe(2);
    });

    it('no public answer contains any personal data', () => {
      const all = JSON.stringify(publicBodies);
      expect(publicBodies.length).toBeGreaterThan(3);
      for (const secret of [NIK, EMAIL, '081234567890', '0812-3456-7890', 'Budi Santoso', created.followUpKey]) expect(all).not.toContain(secret);
    });
  });

  describe('the workflow', () => {
    let a: { id: string; trackingCode: string; followUpKey: string };

    beforeAll(async () => {
      a = (await submit({ text: 'Obat di apotek Puskesmas Taman sering kosong, pasien disuruh beli di luar.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
    });

    it('shows the OPD its inbox, sorted by SLA deadline, and nothing of other OPDs', async () => {
      const inbox = await t.request('GET', '/asn/aspirations?limit=100', { token: asnKesehatan });
      expect(inbox.status).toBe(200);
      const ids = inbox.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(a.id);
      expect(inbox.body.items.every((i: { opd: { code: string } }) => i.opd.code === 'dinas-kesehatan')).toBe(true);
      const dues = inbox.body.items.map((i: { dueAt: string }) => i.dueAt);
      expect([...dues].sort()).toEqual(dues);
      const other = await t.request('GET', '/asn/aspirations?limit=100', { token: asnPerhubungan });
      expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    });

    it('refuses a move the workflow does not allow with 409 and the allowed next states', async () => {
      const res = await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asnKesehatan, body: { status: 'resolved' } });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('Allowed next: verified, rejected');
      expect(res.body.details).toEqual([{ field: 'status', problem: 'allowed next states: verified, rejected' }]);
    });

    it('verifies, replies publicly, notes internally, plans, resolves', async () => {
      const v = await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asnKesehatan, body: { status: 'verified' } });
      expect(v.status).toBe(200);
      expect(v.body.status).toBe('verified');
      expect(v.body.allowedNext).toEqual(['in_progress', 'rejected', 'adopted']);
      expect((await t.request('POST', `/asn/aspirations/${a.id}/replies`, { token: asnKesehatan, body: { body: 'Terima kasih, stok obat sedang kami cek ke gudang farmasi.' } })).status).toBe(201);
      expect((await t.request('POST', `/asn/aspirations/${a.id}/notes`, { token: asnKesehatan, body: { body: 'Catatan internal: koordinasi dengan kepala puskesmas.' } })).status).toBe(201);
      expect((await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asnKesehatan, body: { status: 'in_progress' } })).status).toBe(200);
      const r = await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asnKesehatan, body: { status: 'resolved' } });
      expect(r.body.status).toBe('resolved');
      expect(r.body.dueCloseAt).not.toBeNull();

      const track = await pub('GET', `/aspirations/track/${a.trackingCode}`);
      expect(track.body.replies.map((e: { text: string }) => e.text)).toEqual(['Terima kasih, stok obat sedang kami cek ke gudang farmasi.']);
      expect(track.body.history.map((e: { toStatus: string }) => e.toStatus).filter(Boolean)).toEqual(['received', 'verified', 'in_progress', 'resolved']);
      expect(JSON.stringify(track.body)).not.toContain('Catatan internal');
      expect(track.body.allowedCitizenActions).toEqual(['add_info', 'confirm', 'contest']);
    });

    it('the citizen contests with the follow-up key, which reopens the aspiration', async () => {
      expect((await t.request('POST', `/aspirations/track/${a.trackingCode}/contest`, { body: { followUpKey: 'AAAAA-BBBBB-CCCCC-DDDDD', reason: 'Obat masih kosong' } })).status).toBe(403);
      const res = await t.request('POST', `/aspirations/track/${a.trackingCode.toLowerCase().replace(/-/g, '')}/contest`, { body: { followUpKey: a.followUpKey, reason: 'Minggu ini obat masih kosong.' } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('in_progress');
      expect(res.body.history.some((e: { kind: string }) => e.kind === 'contested')).toBe(true);
    });

    it('after the next resolution the citizen confirms with a satisfaction score, which closes it', async () => {
      await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asnKesehatan, body: { status: 'resolved' } });
      const bad = await t.request('POST', `/aspirations/track/${a.trackingCode}/confirm`, { body: { followUpKey: a.followUpKey, satisfaction: 6 } });
      expect(bad.status).toBe(400);
      const ok = await t.request('POST', `/aspirations/track/${a.trackingCode}/confirm`, { body: { followUpKey: a.followUpKey, satisfaction: 4, comment: 'Sudah tersedia, terima kasih.' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ satisfaction: 4, allowedCitizenActions: [] });
      expect(ok.body.closedAt).not.toBeNull();
      const [s] = await ds.query(`SELECT score FROM survey_response WHERE aspiration_id = $1 AND kind = 'citizen_satisfaction'`, [a.id]);
      expect(s.score).toBe(4);
      expect((await t.request('POST', `/aspirations/track/${a.trackingCode}/confirm`, { body: { followUpKey: a.followUpKey, satisfaction: 5 } })).status).toBe(409);
    });

    it('rejecting needs a reason; becoming policy needs a linked policy', async () => {
      const b = (await submit({ text: 'Mohon dibangun rumah sakit baru di setiap kelurahan Kota Madiun.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
      await t.request('POST', `/asn/aspirations/${b.id}/status`, { token: asnKesehatan, body: { status: 'verified' } });
      const noReason = await t.request('POST', `/asn/aspirations/${b.id}/status`, { token: asnKesehatan, body: { status: 'rejected' } });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required when rejecting' }]);
      const noPolicy = await t.request('POST', `/asn/aspirations/${b.id}/status`, { token: asnKesehatan, body: { status: 'adopted' } });
      expect(noPolicy.body.details[0].field).toBe('policyId');
      const unknownPolicy = await t.request('POST', `/asn/aspirations/${b.id}/status`, { token: asnKesehatan, body: { status: 'adopted', policyId: '00000000-0000-4000-8000-000000000000' } });
      expect(unknownPolicy.status).toBe(400);

      const [policy] = await ds.query(`INSERT INTO policy (title, summary, opd_id, status) SELECT 'Penguatan layanan puskesmas', 'Ringkasan', id, 'adopted' FROM opd WHERE code = 'dinas-kesehatan' RETURNING id`);
      const adopted = await t.request('POST', `/asn/aspirations/${b.id}/status`, { token: asnKesehatan, body: { status: 'adopted', policyId: policy.id } });
      expect(adopted.status).toBe(200);
      expect(adopted.body.policyId).toBe(policy.id);
      const [link] = await ds.query('SELECT count(*)::int AS n FROM policy_aspiration WHERE policy_id = $1 AND aspiration_id = $2', [policy.id, b.id]);
      expect(link.n).toBe(1);

      const c = (await submit({ text: 'Tolong puskesmas buka 24 jam termasuk hari Minggu dan libur.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
      const rejected = await t.request('POST', `/asn/aspirations/${c.id}/status`, { token: asnKesehatan, body: { status: 'rejected', reason: 'Di luar kewenangan Dinas Kesehatan; sudah ada layanan IGD 24 jam di RSUD.' } });
      expect(rejected.body.status).toBe('rejected');
      const track = await pub('GET', `/aspirations/track/${c.trackingCode}`);
      expect(track.body.history.at(-1).text).toContain('Di luar kewenangan');
    });

    it('re-routes to another OPD with a reason; the aspiration moves to that inbox', async () => {
      const d = (await submit({ text: 'Bus sekolah gratis sering terlambat datang di halte Jl. Pahlawan.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
      const res = await t.request('POST', `/asn/aspirations/${d.id}/reroute`, { token: asnKesehatan, body: { opdCode: 'dinas-perhubungan', reason: 'Urusan transportasi' } });
      expect(res.status).toBe(200);
      expect((await t.request('GET', `/asn/aspirations/${d.id}`, { token: asnPerhubungan })).status).toBe(200);
      expect((await t.request('GET', `/asn/aspirations/${d.id}`, { token: asnKesehatan })).status).toBe(404);
      const bad = await t.request('POST', `/asn/aspirations/${d.id}/reroute`, { token: asnPerhubungan, body: { opdCode: 'dinas-tidak-ada', reason: 'Salah alamat' } });
      expect(bad.status).toBe(400);
      const track = await pub('GET', `/aspirations/track/${d.trackingCode}`);
      expect(track.body.history.some((e: { text: string }) => e.text === 'Dialihkan ke Dinas Perhubungan')).toBe(true);
      expect(JSON.stringify(track.body)).not.toContain('Urusan transportasi');
    });

    it('acts on many aspirations at once, reporting each one', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await submit({ text: `Posyandu RW 0${i} butuh timbangan bayi yang baru.`, kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body.id);
      const foreign = (await submit({ text: 'Lampu lalu lintas di perempatan Tugu mati sejak kemarin.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'transportasi_parkir' })).body.id;
      const res = await t.request('POST', '/asn/aspirations/bulk', { token: asnKesehatan, body: { ids: [...ids, foreign], action: 'status', status: 'verified' } });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, false]);
      expect(res.body.results[3].status).toBe(404);
      const again = await t.request('POST', '/asn/aspirations/bulk', { token: asnKesehatan, body: { ids, action: 'status', status: 'verified' } });
      expect(again.body.results.every((r: { status: number }) => r.status === 409)).toBe(true);
    });
  });

  describe('supporting, finding similar ones, browsing', () => {
    let s: { id: string };

    beforeAll(async () => {
      s = (await submit({ text: 'Got mampet di Jl. Serayu Winongo, tiap hujan air meluap ke rumah warga.', kelurahanCode: KEL_WINONGO, categoryCode: 'drainase_banjir' })).body;
    });

    it('shows similar open aspirations in the same kelurahan before submitting', async () => {
      const res = await pub('GET', `/aspirations/similar?text=${encodeURIComponent('saluran got mampet air meluap di Serayu')}&kelurahan=${KEL_WINONGO}`);
      expect(res.status).toBe(200);
      expect(res.body[0].id).toBe(s.id);
      const elsewhere = await pub('GET', `/aspirations/similar?text=${encodeURIComponent('got mampet air meluap')}&kelurahan=${KEL_MOJOREJO}`);
      expect(elsewhere.body.map((x: { id: string }) => x.id)).not.toContain(s.id);
      expect((await t.request('GET', '/aspirations/similar?text=got&kelurahan=' + KEL_WINONGO)).status).toBe(400);
    });

    it('counts one support per person', async () => {
      const supporter = '6f0b8f5e-7a1d-4c55-9a3e-1d2c3b4a5f60';
      const first = await t.request('POST', `/aspirations/${s.id}/support`, { body: { supporterId: supporter } });
      expect(first.body).toEqual({ supportCount: 1, alreadySupported: false });
      const again = await t.request('POST', `/aspirations/${s.id}/support`, { body: { supporterId: supporter } });
      expect(again.body).toEqual({ supportCount: 1, alreadySupported: true });
      const citizen = await t.tokenFor('citizen');
      expect((await t.request('POST', `/aspirations/${s.id}/support`, { token: citizen, body: {} })).body.supportCount).toBe(2);
      expect((await t.request('POST', `/aspirations/${s.id}/support`, { token: citizen, body: {} })).body.supportCount).toBe(2);
      expect((await t.request('POST', `/aspirations/${s.id}/support`, { body: {} })).status).toBe(400);
    });

    it('lists public aspirations with filters and cursor pagination', async () => {
      const first = await pub('GET', `/aspirations?kelurahan=${KEL_WINONGO}&limit=2`);
      expect(first.body.items).toHaveLength(2);
      const seen = new Set(first.body.items.map((i: { id: string }) => i.id));
      let cursor = first.body.nextCursor;
      while (cursor) {
        const next = await pub('GET', `/aspirations?kelurahan=${KEL_WINONGO}&limit=2&cursor=${cursor}`);
        for (const i of next.body.items) {
          expect(seen.has(i.id)).toBe(false);
          seen.add(i.id);
        }
        cursor = next.body.nextCursor;
      }
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM aspiration WHERE kelurahan_code = $1', [KEL_WINONGO]);
      expect(seen.size).toBe(n);

      const byText = await pub('GET', `/aspirations?q=${encodeURIComponent('got mampet')}`);
      expect(byText.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
      const byCategory = await pub('GET', '/aspirations?category=drainase_banjir&kecamatan=35.77.02');
      expect(byCategory.body.items.every((i: { category: { code: string } }) => i.category.code === 'drainase_banjir')).toBe(true);
      expect((await t.request('GET', '/aspirations?cursor=rusak')).status).toBe(400);
      expect((await t.request('GET', '/aspirations?from=2026-02-01&to=2026-01-01')).status).toBe(400);
      expect((await t.request('GET', '/aspirations?status=selesai')).status).toBe(400);
    });
  });

  it('gives the portal live figures and a category suggestion while typing', async () => {
    const stats = await t.request('GET', '/aspirations/stats');
    expect(stats.status).toBe(200);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM aspiration');
    expect(stats.body.total).toBe(n);
    expect(stats.body.thisMonth).toBeGreaterThan(0);
    expect(stats.body.averageSatisfaction).toBe(4);
    expect(stats.body.byKecamatan.map((k: { name: string }) => k.name)).toEqual(['Kartoharjo', 'Manguharjo', 'Taman']);
    expect(stats.body.byKecamatan.reduce((s: number, k: { count: number }) => s + k.count, 0)).toBe(n);
    expect(stats.body.byCategory).toHaveLength(14);
    expect(stats.body.averageHours.toVerify).toBeGreaterThanOrEqual(0);
    const suggestion = await t.request('GET', `/aspirations/suggest-category?text=${encodeURIComponent('lampu PJU di gang kami mati, malam gelap')}`);
    expect(suggestion.body).toMatchObject({ code: 'penerangan_jalan', label: 'Penerangan jalan umum' });
    expect((await t.request('GET', '/aspirations/suggest-category?text=pendek')).status).toBe(400);
  });

  it('the SLA sweep flags breaches and auto-closes resolved aspirations nobody confirmed', async () => {
    const late = (await submit({ text: 'Sampah di TPS Jl. Diponegoro tidak diangkut seminggu.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
    const done = (await submit({ text: 'Fogging DBD di RT 02 sudah dijanjikan belum dilaksanakan.', kelurahanCode: KEL_MOJOREJO, categoryCode: 'kesehatan' })).body;
    for (const status of ['verified', 'in_progress', 'resolved']) await t.request('POST', `/asn/aspirations/${done.id}/status`, { token: asnKesehatan, body: { status } });
    const sweep = t.app.get(SlaSweepJob);
    const inTwoMonths = new Date(Date.now() + 60 * 86_400_000);
    const result = await sweep.run(inTwoMonths);
    expect(result.autoClosed).toBeGreaterThanOrEqual(1);
    const [l] = await ds.query('SELECT breached_verify, breached_plan FROM aspiration WHERE id = $1', [late.id]);
    expect(l).toEqual({ breached_verify: true, breached_plan: true });
    const [d] = await ds.query('SELECT closed_at, close_reason FROM aspiration WHERE id = $1', [done.id]);
    expect(d.close_reason).toBe('auto');
    expect(await sweep.run(inTwoMonths)).toEqual({ verifyBreaches: 0, planBreaches: 0, autoClosed: 0 });

    const overdue = await t.request('GET', '/asn/aspirations?overdue=true&limit=100', { token: asnKesehatan });
    expect(overdue.status).toBe(200);
  });
});
