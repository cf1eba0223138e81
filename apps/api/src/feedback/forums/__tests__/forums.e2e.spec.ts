import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../testing/test-app';

/** Public consultation forums: recording, listing, yearly attendance per kecamatan with change. */
describe('forums (HTTP, real Postgres)', () => {
  let t: TestApp;
  let asn: string;
  let bappeda: string;
  let admin: string;
  let citizen: string;

  const forum = (kecamatanCode: string, heldOn: string, attendance: number, extra: Record<string, unknown> = {}) => ({
    kecamatanCode,
    heldOn,
    topic: `Forum konsultasi publik ${heldOn}`,
    attendance,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    asn = await t.tokenFor('asn', { opdCode: 'dinas-pekerjaan-umum-dan-penataan-ruang' });
    bappeda = await t.tokenFor('bappeda');
    admin = await t.tokenFor('admin');
    citizen = await t.tokenFor('citizen');
  });
  afterAll(() => t.close());

  it('records a forum (asn, admin, bappeda), audited; bad input is 400, citizens 403', async () => {
    const res = await t.request('POST', '/forums', {
      token: asn,
      body: forum('35.77.02', '2022-03-10', 100, { opdCode: 'dinas-pekerjaan-umum-dan-penataan-ruang', notes: 'Notulen dikirim ke ketua RW, telp 0812-5555-6666.' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kecamatan: { code: '35.77.02', name: expect.any(String) },
      heldOn: '2022-03-10',
      attendance: 100,
      opd: { code: 'dinas-pekerjaan-umum-dan-penataan-ruang' },
      notes: 'Notulen dikirim ke ketua RW, telp [TELEPON].',
    });
    const audit = await t.app.get(DataSource).query(`SELECT action, details FROM audit_log WHERE entity_type = 'forum_event' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'forum_event.recorded', details: expect.objectContaining({ kecamatanCode: '35.77.02', attendance: 100 }) }]);

    const unknownKec = await t.request('POST', '/forums', { token: bappeda, body: forum('35.77.09', '2022-04-01', 10) });
    expect(unknownKec.status).toBe(400);
    expect(unknownKec.body.details).toEqual([{ field: 'kecamatanCode', problem: 'unknown kecamatan code "35.77.09"' }]);
    expect((await t.request('POST', '/forums', { token: bappeda, body: forum('35.77', '2022-04-01', 10) })).status).toBe(400);
    expect((await t.request('POST', '/forums', { token: bappeda, body: forum('35.77.01', '2022-04-01', -1) })).status).toBe(400);
    expect((await t.request('POST', '/forums', { token: bappeda, body: forum('35.77.01', '2022-02-30', 10) })).status).toBe(400);
    expect((await t.request('POST', '/forums', { token: bappeda, body: forum('35.77.01', '2999-01-01', 10) })).status).toBe(400);
    expect((await t.request('POST', '/forums', { token: bappeda, body: forum('35.77.01', '2022-04-01', 10, { opdCode: 'dinas-tidak-ada' }) })).status).toBe(400);
    expect((await t.request('POST', '/forums', { token: citizen, body: forum('35.77.01', '2022-04-01', 10) })).status).toBe(403);
    expect((await t.request('POST', '/forums', { body: forum('35.77.01', '2022-04-01', 10) })).status).toBe(401);
  });

  it('computes yearly attendance per kecamatan with the change against the previous year', async () => {
    // 2022: Manguharjo 100 (above) + 150, Kartoharjo 250 → city 500
    // 2023: Manguharjo 200, Kartoharjo 260 → city 460 (-8%)
    // 2024: Manguharjo 180, Kartoharjo 260, Taman 0 (a forum nobody came to) → city 440 (-4.3%)
    const rows: [string, string, number, string][] = [
      ['35.77.02', '2022-09-01', 150, bappeda],
      ['35.77.01', '2022-05-01', 250, admin],
      ['35.77.02', '2023-05-01', 200, bappeda],
      ['35.77.01', '2023-06-01', 130, asn],
      ['35.77.01', '2023-11-01', 130, asn],
      ['35.77.02', '2024-05-01', 180, bappeda],
      ['35.77.01', '2024-05-01', 260, bappeda],
      ['35.77.03', '2024-07-01', 0, bappeda],
    ];
    for (const [kec, day, n, token] of rows) expect((await t.request('POST', '/forums', { token, body: forum(kec, day, n) })).status).toBe(201);

    const res = await t.request('GET', '/forums/summary?fromYear=2022&toYear=2024');
    expect(res.status).toBe(200);
    expect(res.body.years).toEqual([
      { year: 2022, events: 3, attendance: 500, previousAttendance: 0, changePct: null },
      { year: 2023, events: 3, attendance: 460, previousAttendance: 500, changePct: -8 },
      { year: 2024, events: 3, attendance: 440, previousAttendance: 460, changePct: -4.3 },
    ]);
    expect(res.body.overall).toEqual({ fromYear: 2022, toYear: 2024, fromAttendance: 500, toAttendance: 440, changePct: -12 });
    const mang = res.body.byKecamatan.find((k: { kecamatan: { code: string } }) => k.kecamatan.code === '35.77.02');
    expect(mang.years.map((y: { attendance: number; changePct: number | null }) => [y.attendance, y.changePct])).toEqual([
      [250, null],
      [200, -20],
      [180, -10],
    ]);
    expect(mang.changePct).toBe(-28);
    const taman = res.body.byKecamatan.find((k: { kecamatan: { code: string } }) => k.kecamatan.code === '35.77.03');
    expect(taman.years.map((y: { events: number; attendance: number }) => [y.events, y.attendance])).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(res.body.byKecamatan.map((k: { kecamatan: { code: string } }) => k.kecamatan.code)).toEqual(['35.77.01', '35.77.02', '35.77.03']);

    // One kecamatan; the first year compares with the year before it.
    const one = await t.request('GET', '/forums/summary?kecamatan=35.77.01&fromYear=2023&toYear=2024');
    expect(one.body.years).toEqual([
      { year: 2023, events: 2, attendance: 260, previousAttendance: 250, changePct: 4 },
      { year: 2024, events: 1, attendance: 260, previousAttendance: 260, changePct: 0 },
    ]);
    expect(one.body.byKecamatan).toHaveLength(1);

    // Defaults: from the first year with a forum to the current year.
    const all = await t.request('GET', '/forums/summary');
    expect(all.body.fromYear).toBe(2022);
    expect(all.body.toYear).toBeGreaterThanOrEqual(2025);

    expect((await t.request('GET', '/forums/summary?kecamatan=35.77.09')).status).toBe(400);
    expect((await t.request('GET', '/forums/summary?fromYear=2024&toYear=2022')).status).toBe(400);
    expect((await t.request('GET', '/forums/summary?fromYear=dua')).status).toBe(400);
  });

  it('lists forums publicly with kecamatan and year filters', async () => {
    const kec = await t.request('GET', '/forums?kecamatan=35.77.01&year=2023');
    expect(kec.status).toBe(200);
    expect(kec.body.total).toBe(2);
    expect(kec.body.items.map((f: { heldOn: string }) => f.heldOn)).toEqual(['2023-11-01', '2023-06-01']);
    const y2022 = await t.request('GET', '/forums?year=2022');
    expect(y2022.body.items).toHaveLength(3);
    expect(JSON.stringify(y2022.body)).not.toContain('5555-6666');
    const paged = await t.request('GET', '/forums?limit=2&page=2');
    expect(paged.body).toMatchObject({ page: 2, limit: 2, total: 9 });
    expect(paged.body.items).toHaveLength(2);
    expect((await t.request('GET', '/forums?kecamatan=35.77.09')).status).toBe(400);
    expect((await t.request('GET', '/forums?year=abc')).status).toBe(400);
  });
});
