import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';

/** The Citizen Data Fellows admin API through HTTP: trainers and admins only, except the public certificate check. */
describe('Citizen Data Fellows (HTTP, real Postgres)', () => {
  let t: TestApp;
  let db: DataSource;
  let trainer: string;
  let admin: string;
  let modules: { id: string; code: string }[];
  let cohortId: string;
  const people: Record<string, string> = {};

  const post = (path: string, body: unknown, token = trainer) => t.request('POST', path, { token, body });
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    trainer = await t.tokenFor('trainer');
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('only trainers and admins reach the admin routes', async () => {
    for (const role of ['citizen', 'asn', 'bappeda', 'bi_reader'] as const) {
      const token = await t.tokenFor(role);
      expect({ role, status: (await t.request('GET', '/fellows/cohorts', { token })).status }).toEqual({ role, status: 403 });
      expect({ role, status: (await post('/fellows/participants', { kind: 'warga', fullName: 'Budi' }, token)).status }).toEqual({ role, status: 403 });
    }
    expect((await t.request('GET', '/fellows/cohorts')).status).toBe(401);
    expect((await t.request('GET', '/fellows/cohorts', { token: trainer })).status).toBe(200);
    expect((await t.request('GET', '/fellows/cohorts', { token: admin })).status).toBe(200);
  });

  it('loads the three digital-literacy modules', async () => {
    const res = await t.request('GET', '/fellows/modules', { token: trainer });
    expect(res.body.map((m: { code: string }) => m.code)).toEqual(['literasi-data-dasar', 'analisis-data-kebijakan', 'etika-data-ai']);
    modules = res.body;
  });

  it('registers participants with minimal data and an encrypted contact', async () => {
    const siti = await post('/fellows/participants', { kind: 'warga', fullName: 'Siti Rahayu', publicName: 'Siti R.', email: 'Siti.Rahayu@example.id', phone: '0812-3456-7890' });
    expect(siti.status).toBe(201);
    expect(siti.body).toMatchObject({ kind: 'warga', fullName: 'Siti Rahayu', publicName: 'Siti R.', hasEmail: true, hasPhone: true });
    expect(JSON.stringify(siti.body)).not.toContain('example.id');
    people.siti = siti.body.id;
    const [row] = await db.query(`SELECT email_enc, phone_enc FROM fellow_participant WHERE id = $1`, [people.siti]);
    expect(row.email_enc.toString('latin1')).not.toContain('example.id');
    expect(row.phone_enc.toString('latin1')).not.toContain('3456');
    const contact = await t.request('GET', `/fellows/participants/${people.siti}/contact`, { token: trainer });
    expect(contact.body).toEqual({ email: 'siti.rahayu@example.id', phone: '0812-3456-7890' });
    const [audit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'fellows.participant.contact_read' AND entity_id = $1`, [people.siti]);
    expect(audit.n).toBe(1);

    expect((await post('/fellows/participants', { kind: 'warga', fullName: 'Siti Lain', email: 'siti.rahayu@EXAMPLE.id' })).status).toBe(409);
    expect((await post('/fellows/participants', { kind: 'pns', fullName: 'Budi' })).body.details[0].field).toBe('kind');
    expect((await post('/fellows/participants', { kind: 'asn', fullName: 'Budi', opdCode: 'dinas-tidak-ada' })).status).toBe(400);
    for (const [key, body] of Object.entries({
      budi: { kind: 'asn', fullName: 'Budi Santoso', opdCode: 'dinas-kesehatan' },
      citra: { kind: 'warga', fullName: 'Citra Lestari' },
      dewi: { kind: 'asn', fullName: 'Dewi Anggraini', publicName: 'Dewi A.' },
      eko: { kind: 'warga', fullName: 'Eko Prasetyo' },
    })) {
      const res = await post('/fellows/participants', body);
      expect(res.status).toBe(201);
      people[key] = res.body.id;
    }
  });

  it('creates a cohort with its completion rules and refuses a duplicate enrolment', async () => {
    const cohort = await post('/fellows/cohorts', { name: 'Kohort 1 — Februari 2026', startsOn: '2026-02-02', endsOn: '2026-02-27' });
    expect(cohort.status).toBe(201);
    expect(cohort.body).toMatchObject({ minAttendancePct: 80, passingScore: 70 });
    expect(cohort.body.modules).toHaveLength(3);
    cohortId = cohort.body.id;
    for (const key of ['siti', 'budi', 'citra', 'dewi']) expect((await post(`/fellows/cohorts/${cohortId}/enrolments`, { participantId: people[key] })).status).toBe(201);
    const dup = await post(`/fellows/cohorts/${cohortId}/enrolments`, { participantId: people.siti });
    expect(dup.status).toBe(409);
    expect(dup.body.details[0]).toEqual({ field: 'participantId', problem: 'is already enrolled' });
  });

  it('records attendance only for the cohort, and scores only from 0 to 100', async () => {
    const sessions: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await post(`/fellows/cohorts/${cohortId}/sessions`, { moduleId: modules[i % 3].id, title: `Sesi ${i + 1}`, heldOn: `2026-02-0${i + 2}` });
      expect(s.status).toBe(201);
      sessions.push(s.body.id);
    }
    const attendance = (sessionId: string, records: { participantId: string; present: boolean }[]) => t.request('PUT', `/fellows/sessions/${sessionId}/attendance`, { token: trainer, body: { records } });
    const outside = await attendance(sessions[0], [{ participantId: people.siti, present: true }, { participantId: people.eko, present: true }]);
    expect(outside.status).toBe(400);
    expect(outside.body.details[0]).toEqual({ field: 'records.1.participantId', problem: 'is not enrolled in the cohort of this session' });
    expect((await attendance('00000000-0000-4000-8000-000000000000', [{ participantId: people.siti, present: true }])).status).toBe(404);
    // Siti 4/5 (80%), Budi 3/5 (60%), Citra 5/5, Dewi 5/5.
    for (const [i, s] of sessions.entries()) {
      const res = await attendance(s, [
        { participantId: people.siti, present: i !== 4 },
        { participantId: people.budi, present: i < 3 },
        { participantId: people.citra, present: true },
        { participantId: people.dewi, present: true },
      ]);
      expect(res.status).toBe(200);
    }

    const assess = (participantId: string, moduleId: string, score: unknown) => post(`/fellows/cohorts/${cohortId}/assessments`, { participantId, moduleId, score });
    for (const score of [101, -1, 75.5, '80']) {
      const res = await assess(people.siti, modules[0].id, score);
      expect({ score, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ score, status: 400, field: 'score' });
    }
    const extra = await post('/fellows/modules', { code: 'visualisasi-data', title: 'Visualisasi Data untuk Publik' });
    expect(extra.status).toBe(201);
    expect((await assess(people.siti, extra.body.id, 90)).body.details[0]).toEqual({ field: 'moduleId', problem: 'is not a module of this cohort' });
    expect((await assess(people.eko, modules[0].id, 90)).body.details[0]).toEqual({ field: 'participantId', problem: 'is not enrolled in this cohort' });
    const scores: Record<string, number[]> = { siti: [80, 75, 70], budi: [90, 90, 90], citra: [90, 65, 88], dewi: [100, 95, 90] };
    for (const [key, list] of Object.entries(scores)) for (const [i, score] of list.entries()) expect((await assess(people[key], modules[i].id, score)).status).toBe(201);
  });

  let sitiNumber: string;
  let dewiNumber: string;

  it('issues a certificate only when the completion rules are met, with the reason otherwise', async () => {
    const issue = (key: string) => post(`/fellows/cohorts/${cohortId}/certificates`, { participantId: people[key] });
    const budi = await issue('budi');
    expect(budi.status).toBe(422);
    expect(budi.body.code).toBe('COMPLETION_RULES_NOT_MET');
    expect(budi.body.details).toEqual([{ field: 'attendance', problem: 'attended 3 of 5 sessions (60%), below the required 80%' }]);
    const citra = await issue('citra');
    expect(citra.status).toBe(422);
    expect(citra.body.details).toEqual([{ field: 'modules.analisis-data-kebijakan', problem: 'best score 65 in "Analisis Data untuk Kebijakan" is below the passing score 70' }]);
    expect((await issue('eko')).status).toBe(400);

    const siti = await issue('siti');
    expect(siti.status).toBe(201);
    expect(siti.body.number).toMatch(/^CDF-\d{4}-[2-9A-HJKMNP-Z]{8}$/);
    sitiNumber = siti.body.number;
    expect((await issue('siti')).status).toBe(409);
    const dewi = await issue('dewi');
    dewiNumber = dewi.body.number;
    expect(dewiNumber).not.toBe(sitiNumber);

    // A retake that passes makes Citra eligible.
    expect((await post(`/fellows/cohorts/${cohortId}/assessments`, { participantId: people.citra, moduleId: modules[1].id, score: 72 })).status).toBe(201);
    expect((await issue('citra')).status).toBe(201);

    const progress = await t.request('GET', `/fellows/cohorts/${cohortId}/progress`, { token: trainer });
    const byName = Object.fromEntries(progress.body.map((p: { fullName: string }) => [p.fullName, p]));
    expect(byName['Budi Santoso']).toMatchObject({ attendancePct: 60, eligible: false, certificateNumber: null });
    expect(byName['Siti Rahayu']).toMatchObject({ attendancePct: 80, eligible: true, certificateNumber: sitiNumber });
  });

  it('anyone can verify a certificate, and sees only the name the fellow agreed to publish', async () => {
    const res = await t.request('GET', `/fellows/certificates/${sitiNumber.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      number: sitiNumber,
      valid: true,
      title: 'Citizen Data Fellow',
      name: 'Siti R.',
      cohort: 'Kohort 1 — Februari 2026',
      modules: ['Dasar-dasar Literasi Data', 'Analisis Data untuk Kebijakan', 'Etika Data dan AI yang Bertanggung Jawab'],
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      issuer: 'Pemerintah Kota Madiun',
    });
    const text = JSON.stringify(res.body);
    for (const secret of ['Siti Rahayu', 'Rahayu', 'example.id', '0812', people.siti, 'warga', '"score"', 'attendance']) expect(text).not.toContain(secret);

    // Without consent to publish, no name at all.
    const [citra] = await db.query(`SELECT number FROM fellow_certificate WHERE participant_id = $1`, [people.citra]);
    const anonymous = await t.request('GET', `/fellows/certificates/${citra.number}`);
    expect(anonymous.body.name).toBeNull();
    expect(JSON.stringify(anonymous.body)).not.toContain('Citra');

    // Withdrawing consent hides the published name.
    expect((await t.request('PATCH', `/fellows/participants/${people.dewi}`, { token: trainer, body: { publicName: null } })).status).toBe(200);
    expect((await t.request('GET', `/fellows/certificates/${dewiNumber}`)).body.name).toBeNull();

    expect((await t.request('GET', '/fellows/certificates/CDF-2026-ZZZZZZZZ')).status).toBe(404);
    expect((await t.request('GET', '/fellows/certificates/bukan-nomor')).status).toBe(404);
  });

  it('the certificate is downloadable as PDF by trainers', async () => {
    const res = await fetch(`${t.api}/fellows/certificates/${sitiNumber}/pdf`, { headers: { authorization: `Bearer ${trainer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`sertifikat-${sitiNumber}.pdf`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    expect((await fetch(`${t.api}/fellows/certificates/${sitiNumber}/pdf`)).status).toBe(401);
  });

  it('imports participants from CSV with row-level errors', async () => {
    const csv = [
      'kind,full_name,public_name,email,phone,opd_code',
      'warga,Fajar Nugroho,Fajar N.,fajar@example.id,081234567890,',
      'asn,Gita Permata,,gita@example.id,,dinas-kesehatan',
      'pns,Hadi Wijaya,,,,',
      'warga,H,,,,',
      'warga,Indah Sari,,bukan-email,,',
      'warga,Joko Susilo,,fajar@example.id,,',
      'warga,Kartika Dewi,,siti.rahayu@example.id,,',
      'asn,Lukman Hakim,,,,dinas-tidak-ada',
      'warga,Maya Putri,,,telepon,',
      '"warga","Nur, Aini",,,,',
    ].join('\n');
    const dry = await post('/fellows/participants/import', { csv, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 10, imported: 0 });
    const res = await post('/fellows/participants/import', { csv, cohortId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 10, imported: 3, enrolled: 3 });
    expect(res.body.errors).toEqual([
      { row: 4, field: 'kind', problem: 'must be asn or warga' },
      { row: 5, field: 'full_name', problem: 'must be 2 to 120 characters' },
      { row: 6, field: 'email', problem: 'must be an e-mail address' },
      { row: 7, field: 'email', problem: 'repeats the e-mail address of row 2' },
      { row: 8, field: 'email', problem: 'is already registered' },
      { row: 9, field: 'opd_code', problem: 'unknown OPD code "dinas-tidak-ada"' },
      { row: 10, field: 'phone', problem: 'must be a phone number' },
    ]);
    const listed = await t.request('GET', `/fellows/participants?cohortId=${cohortId}&q=nur`, { token: trainer });
    expect(listed.body.map((p: { fullName: string }) => p.fullName)).toEqual(['Nur, Aini']);
    expect((await post('/fellows/participants/import', { csv: 'nama,surel\nBudi,b@example.id' })).body.details[0].field).toBe('csv');
  });

  it('exports cohort progress as CSV', async () => {
    const res = await fetch(`${t.api}/fellows/cohorts/${cohortId}/progress/export`, { headers: { authorization: `Bearer ${trainer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('participant_id,full_name,kind,sessions,attended,attendance_pct,score_literasi-data-dasar,score_analisis-data-kebijakan,score_etika-data-ai,eligible,certificate_number');
    expect(lines.find((l) => l.includes('Siti Rahayu'))).toContain(`,5,4,80,80,75,70,ya,${sitiNumber}`);
    expect(lines.find((l) => l.includes('Budi Santoso'))).toContain(',tidak,');
    expect(lines.some((l) => l.includes('"Nur, Aini"'))).toBe(true);
  });

  it('logs activities; active and certified fellows feed the counts', async () => {
    expect((await post(`/fellows/participants/${people.siti}/activities`, { kind: 'data_audit', occurredOn: '2999-01-01' })).body.details[0].field).toBe('occurredOn');
    expect((await post(`/fellows/participants/${people.siti}/activities`, { kind: 'berkebun', occurredOn: today() })).body.details[0].field).toBe('kind');
    const act = await post(`/fellows/participants/${people.siti}/activities`, { kind: 'forum_facilitation', occurredOn: today(), description: 'Memfasilitasi forum warga Kelurahan Kuncen' });
    expect(act.status).toBe(201);
    expect(act.body.kindLabel).toBe('Fasilitasi forum');
    await post(`/fellows/participants/${people.budi}/activities`, { kind: 'mentoring', occurredOn: today() }); // not certified: not an active fellow
    const old = new Date(Date.now() - 90 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    await post(`/fellows/participants/${people.dewi}/activities`, { kind: 'data_audit', occurredOn: old });
    const stats = await t.request('GET', '/fellows/stats', { token: trainer });
    expect(stats.body).toMatchObject({ participants: 7, certified: 3, certifiedSharePct: 42.9, activeFellows: 1, activeWithinDays: 60 });
    expect((await t.request('GET', '/fellows/stats?activeWithinDays=120', { token: admin })).body.activeFellows).toBe(2);
    expect((await t.request('GET', '/fellows/stats?activeWithinDays=0', { token: admin })).status).toBe(400);
    const list = await t.request('GET', `/fellows/participants/${people.siti}/activities`, { token: trainer });
    expect(list.body).toHaveLength(1);
  });
});
