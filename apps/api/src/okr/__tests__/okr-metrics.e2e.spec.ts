import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';
import type { MetricResult } from '../metrics/metric';
import { findMetric } from '../metrics/registry';

/** Every registered metric on known data (real Postgres), one describe per metric. */
describe('OKR metrics on known data', () => {
  let t: TestApp;
  let db: DataSource;
  let seq = 0;
  const CYCLE = { startDate: '2026-01-01', endDate: '2026-03-31', baselineStart: '2025-10-01', baselineEnd: '2025-12-31' };
  /** 31 days into the cycle. */
  const AS_OF = new Date('2026-02-01T00:00:00+07:00');

  const compute = (key: string, asOf = AS_OF, params: Record<string, unknown> = {}): Promise<MetricResult> =>
    findMetric(key)!.compute({ query: (sql, p) => db.query(sql, p), cycle: CYCLE, asOf, params });

  async function aspiration(submittedAt: string, opts: { channel?: string; firstReplyAt?: string } = {}): Promise<void> {
    seq++;
    await db.query(
      `INSERT INTO aspiration (tracking_code, follow_up_key_hash, text, public_text, category_code, category_source, kelurahan_code, kecamatan_code,
         channel, status, opd_id, is_anonymous, submitted_at, first_reply_at, due_verify_at, due_plan_at)
       SELECT $1, repeat('0', 64), 'Jalan berlubang di depan pasar.', 'Jalan berlubang di depan pasar.', c.code, 'citizen', '35.77.03.1002', '35.77.03',
         $2, 'received', c.default_opd_id, true, $3, $4, $3, $3
       FROM category c WHERE c.code = 'drainase_banjir'`,
      [`MDN-T${String(seq).padStart(3, '0')}-AAAA`, opts.channel ?? 'portal', submittedAt, opts.firstReplyAt ?? null],
    );
  }
  const survey = (kind: 'citizen_satisfaction' | 'asn_system', score: number, createdAt: string) =>
    db.query(`INSERT INTO survey_response (kind, score, created_at) VALUES ($1, $2, $3)`, [kind, score, createdAt]);
  const day = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+07:00`;
  const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await db.query(`TRUNCATE aspiration, survey_response, forum_event, policy, fellow_participant, fellow_cohort, report CASCADE`);
  });

  it('registers the nine metrics of the blueprint', () => {
    expect(['participation_growth', 'response_time_change', 'citizen_satisfaction_avg', 'asn_satisfaction_avg', 'open_reports_per_quarter', 'active_fellows', 'fellows_certified_share', 'forum_attendance_change', 'musrenbang_adoption_share'].map((k) => !!findMetric(k))).toEqual(Array(9).fill(true));
  });

  describe('participation_growth', () => {
    it('compares portal participation per day with the baseline period', async () => {
      // Baseline: one portal aspiration a day for the 92 days of Oct–Dec 2025.
      for (let i = 0; i < 92; i++) await aspiration(day(addDays('2025-10-01', i)));
      // Cycle, first 31 days: 31 portal aspirations + 12 citizen answers = 43.
      for (let i = 0; i < 31; i++) await aspiration(day(addDays('2026-01-01', i)));
      for (let i = 0; i < 12; i++) await survey('citizen_satisfaction', 4, day(addDays('2026-01-01', i)));
      // Not counted: other channels, ASN surveys, after asOf.
      for (let i = 0; i < 5; i++) await aspiration(day('2026-01-05'), { channel: 'whatsapp' });
      await survey('asn_system', 4, day('2026-01-06'));
      await aspiration(day('2026-02-03'));
      const r = await compute('participation_growth');
      expect(r.value).toBe(38.7); // (43 / 31) / (92 / 92) - 1
      expect(r.details).toMatchObject({ current: 43, baseline: 92, currentDays: 31, baselineDays: 92 });
    });

    it('has no value before the cycle or without a baseline', async () => {
      expect(await compute('participation_growth', new Date('2025-12-15T00:00:00+07:00'))).toMatchObject({ value: null, reason: 'Siklus belum dimulai' });
      await aspiration(day('2026-01-03'));
      expect((await compute('participation_growth')).value).toBeNull();
    });
  });

  describe('response_time_change', () => {
    it('compares the average time to the first reply with the baseline (negative is faster)', async () => {
      await aspiration(day('2025-11-01', 8), { firstReplyAt: day('2025-11-01', 18) }); // 10 h
      await aspiration(day('2025-11-02', 8), { firstReplyAt: day('2025-11-03', 14) }); // 30 h
      await aspiration(day('2026-01-10', 8), { firstReplyAt: day('2026-01-10', 20) }); // 12 h
      await aspiration(day('2026-01-11', 6), { firstReplyAt: day('2026-01-11', 22) }); // 16 h
      await aspiration(day('2026-01-12', 6)); // no reply yet: not counted
      await aspiration(day('2026-01-30', 6), { firstReplyAt: day('2026-02-05', 6) }); // replied after asOf
      const r = await compute('response_time_change');
      expect(r.value).toBe(-30); // 14 h against 20 h
      expect(r.details).toMatchObject({ currentAvgHours: 14, baselineAvgHours: 20, currentReplies: 2, baselineReplies: 2 });
    });
  });

  describe('citizen_satisfaction_avg', () => {
    it('averages citizen answers given in the cycle so far', async () => {
      for (const s of [5, 4, 4, 5]) await survey('citizen_satisfaction', s, day('2026-01-15'));
      await survey('citizen_satisfaction', 1, day('2025-12-15'));
      await survey('citizen_satisfaction', 1, day('2026-02-10'));
      await survey('asn_system', 1, day('2026-01-15'));
      expect(await compute('citizen_satisfaction_avg')).toMatchObject({ value: 4.5, details: { answers: 4 } });
    });

    it('has no value without answers', async () => {
      expect((await compute('citizen_satisfaction_avg')).value).toBeNull();
    });
  });

  describe('asn_satisfaction_avg', () => {
    it('averages ASN answers about the system given in the cycle so far', async () => {
      for (const s of [4, 4, 5, 3]) await survey('asn_system', s, day('2026-01-20'));
      await survey('asn_system', 1, day('2025-12-20'));
      await survey('citizen_satisfaction', 5, day('2026-01-20'));
      expect(await compute('asn_satisfaction_avg')).toMatchObject({ value: 4, details: { answers: 4 } });
    });
  });

  describe('open_reports_per_quarter', () => {
    it('counts the distinct reports published in the quarter (one document in two formats counts once)', async () => {
      const report = async (generation: string, kind: string, format: string, publishedAt: string | null) =>
        db.query(
          `INSERT INTO report (generation_id, period, kind, format, title, file_name, content_type, content, sha256, size, fields, published_at)
           VALUES ($1, '2026-Q1', $2, $3, 'Laporan uji', 'uji', 'text/plain', '\\x00', repeat('0', 64), 1, '{"fields":[]}', $4)`,
          [generation, kind, format, publishedAt],
        );
      const g1 = '00000000-0000-4000-8000-000000000001';
      const g2 = '00000000-0000-4000-8000-000000000002';
      await report(g1, 'policy_summary', 'md', day('2026-01-10'));
      await report(g1, 'participation', 'json', day('2026-01-10'));
      await report(g1, 'participation', 'csv', day('2026-01-11')); // same document as the JSON
      await report(g1, 'final_report', 'docx', null); // draft
      await report(g1, 'final_report', 'pdf', day('2026-03-10')); // after asOf
      await report(g2, 'policy_summary', 'md', day('2025-12-20')); // previous quarter
      await report(g2, 'participation', 'csv', day('2026-04-05')); // next quarter
      expect(await compute('open_reports_per_quarter')).toMatchObject({ value: 2, details: { files: 3 } });
      // After the cycle the count stops at its last day: all of Q1 2026.
      expect((await compute('open_reports_per_quarter', new Date('2026-04-15T00:00:00+07:00'))).value).toBe(3);
    });
  });

  async function fellowsData(): Promise<void> {
    const [cohort] = await db.query(`INSERT INTO fellow_cohort (name) VALUES ('Kohort uji') RETURNING id`);
    const ids: Record<string, string> = {};
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) {
      const [p] = await db.query(`INSERT INTO fellow_participant (kind, full_name) VALUES ('warga', $1) RETURNING id`, [`Peserta ${name}`]);
      ids[name] = p.id;
      await db.query(`INSERT INTO fellow_enrolment (cohort_id, participant_id, enrolled_at) VALUES ($1, $2, '2026-01-05T03:00:00Z')`, [cohort.id, p.id]);
    }
    const certify = (name: string, at: string) => db.query(`INSERT INTO fellow_certificate (number, participant_id, cohort_id, issued_at) VALUES ($1, $2, $3, $4)`, [`CDF-2026-AAAAAAA${name}`, ids[name], cohort.id, at]);
    await certify('A', day('2026-01-15'));
    await certify('B', day('2026-01-16'));
    await certify('D', day('2026-01-17'));
    await certify('F', day('2026-03-01')); // after asOf
    const activity = (name: string, on: string) => db.query(`INSERT INTO fellow_activity (participant_id, kind, occurred_on) VALUES ($1, 'data_audit', $2)`, [ids[name], on]);
    await activity('A', '2026-01-20'); // certified, recent: active
    await activity('B', '2025-11-01'); // certified, 92 days before asOf: not active in 60 days
    await activity('C', '2026-01-25'); // not certified
    await activity('F', '2026-01-25'); // certified only later
  }

  describe('active_fellows', () => {
    it('counts certified fellows with an activity in the last 60 days (configurable)', async () => {
      await fellowsData();
      expect(await compute('active_fellows')).toMatchObject({ value: 1, details: { activeWithinDays: 60, asOfDate: '2026-02-01' } });
      expect((await compute('active_fellows', AS_OF, { activeWithinDays: 120 })).value).toBe(2);
      // On 15 March F is certified and the activity of 25 January is within 60 days; A's of 20 January too.
      expect((await compute('active_fellows', new Date('2026-03-15T00:00:00+07:00'))).value).toBe(2);
    });
  });

  describe('fellows_certified_share', () => {
    it('is the share of enrolled participants who hold a certificate', async () => {
      expect(await compute('fellows_certified_share')).toMatchObject({ value: null });
      await fellowsData();
      expect(await compute('fellows_certified_share')).toMatchObject({ value: 50, details: { participants: 6, certified: 3 } });
      expect((await compute('fellows_certified_share', new Date('2026-03-15T00:00:00+07:00'))).value).toBe(66.7);
    });
  });

  describe('forum_attendance_change', () => {
    it('compares forum attendance per day with the baseline period', async () => {
      const forum = (on: string, attendance: number) => db.query(`INSERT INTO forum_event (kecamatan_code, held_on, topic, attendance) VALUES ('35.77.01', $1, 'Forum uji', $2)`, [on, attendance]);
      await forum('2025-10-15', 460);
      await forum('2025-12-20', 460); // 920 over 92 days: 10 a day
      await forum('2026-01-10', 200);
      await forum('2026-01-25', 100); // 300 over 31 days
      await forum('2026-02-01', 500); // after asOf
      const r = await compute('forum_attendance_change');
      expect(r.value).toBe(-3.2); // (300 / 31) / 10 - 1
      expect(r.details).toMatchObject({ current: 300, baseline: 920 });
    });
  });

  describe('musrenbang_adoption_share', () => {
    let policyId: string;
    /** One proposal of `year`, imported at `importedAt`, optionally linked to the policy (or an aspiration) at `linkedAt`. */
    async function proposal(year: number, importedAt: string, link?: { to: 'policy' | 'aspiration'; at: string }): Promise<void> {
      seq++;
      const [p] = await db.query(
        `INSERT INTO musrenbang_proposal (year, stage, external_id, kelurahan_code, proposal, status, created_at)
         VALUES ($1, 'kelurahan', $2, '35.77.03.1002', 'Perbaikan saluran air lingkungan', 'diakomodir', $3) RETURNING id`,
        [year, `OKR-${seq}`, importedAt],
      );
      if (!link) return;
      if (link.to === 'policy') {
        await db.query(`INSERT INTO musrenbang_proposal_link (proposal_id, policy_id, created_at) VALUES ($1, $2, $3)`, [p.id, policyId, link.at]);
      } else {
        await aspiration(day('2025-12-01'));
        await db.query(
          `INSERT INTO musrenbang_proposal_link (proposal_id, aspiration_id, created_at) SELECT $1, id, $2 FROM aspiration ORDER BY submitted_at DESC LIMIT 1`,
          [p.id, link.at],
        );
      }
    }

    beforeEach(async () => {
      await db.query(`TRUNCATE musrenbang_proposal CASCADE`);
      [{ id: policyId }] = await db.query(
        `INSERT INTO policy (title, summary, opd_id, status) SELECT 'Normalisasi saluran', 'Ringkasan', id, 'adopted' FROM opd ORDER BY id LIMIT 1 RETURNING id`,
      );
    });

    it('reports no value, with the reason, before any proposal is imported', async () => {
      const r = await compute('musrenbang_adoption_share');
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(/Belum ada usulan Musrenbang yang diimpor/);
    });

    it('gives the share of the latest planning year linked to a policy by the moment measured', async () => {
      // 2025: four proposals; one linked to the policy in time, one only after asOf, one to an aspiration only.
      await proposal(2025, day('2025-11-01'), { to: 'policy', at: day('2026-01-10') });
      await proposal(2025, day('2025-11-01'), { to: 'policy', at: day('2026-02-10') });
      await proposal(2025, day('2025-11-01'), { to: 'aspiration', at: day('2026-01-10') });
      await proposal(2025, day('2025-11-01'));
      // Not counted: imported after asOf; another year (older, and one beyond the year measured).
      await proposal(2025, day('2026-02-05'), { to: 'policy', at: day('2026-02-06') });
      await proposal(2024, day('2025-01-01'), { to: 'policy', at: day('2025-06-01') });
      await proposal(2027, day('2026-01-15'));
      const r = await compute('musrenbang_adoption_share');
      expect(r.value).toBe(25);
      expect(r.details).toMatchObject({ year: 2025, proposals: 4, linkedToPolicy: 1 });

      const older = await compute('musrenbang_adoption_share', AS_OF, { year: 2024 });
      expect(older.value).toBe(100);
      expect(older.details).toMatchObject({ year: 2024, proposals: 1, linkedToPolicy: 1 });
      const empty = await compute('musrenbang_adoption_share', AS_OF, { year: 2023 });
      expect(empty.value).toBeNull();
      expect(empty.reason).toMatch(/tahun 2023/);
    });
  });
});
