import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, fieldError, notFound } from '../common/errors/domain.exception';
import { evaluateCompletion } from './completion';
import { AssessmentDto, AttendanceDto, CreateCohortDto, CreateModuleDto, CreateSessionDto, UpdateCohortDto, UpdateModuleDto } from './dto/fellows.dto';
import { CohortView, ModuleView, ParticipantProgress, SessionView } from './fellows.views';

/** The three digital-literacy modules of the blueprint (Grand Design 3), loaded when missing. */
export const DEFAULT_MODULES = [
  { code: 'literasi-data-dasar', title: 'Dasar-dasar Literasi Data', description: 'Membaca, memahami, dan menilai data publik (BPS, Open Data Jatim, SIPD).' },
  { code: 'analisis-data-kebijakan', title: 'Analisis Data untuk Kebijakan', description: 'Mengolah dan menafsirkan data untuk perumusan dan evaluasi kebijakan daerah.' },
  { code: 'etika-data-ai', title: 'Etika Data dan AI yang Bertanggung Jawab', description: 'Privasi, keterbukaan informasi publik, dan prinsip Responsible AI (UU ITE, PP 71/2019).' },
];

const wibToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface ModuleRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  position: number;
  is_active: boolean;
}

const toModule = (r: ModuleRow): ModuleView => ({ id: r.id, code: r.code, title: r.title, description: r.description, position: r.position, isActive: r.is_active });

/** Modules, cohorts (with their completion rules), enrolments, sessions, attendance and assessments. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Idempotent: inserts the default modules that are missing, never changes existing ones. */
  async ensureDefaultModules(m: EntityManager = this.dataSource.manager): Promise<void> {
    for (const [i, d] of DEFAULT_MODULES.entries()) {
      await m.query(`INSERT INTO fellow_module (code, title, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [d.code, d.title, d.description, i]);
    }
  }

  async listModules(): Promise<ModuleView[]> {
    await this.ensureDefaultModules();
    const rows: ModuleRow[] = await this.dataSource.query(`SELECT * FROM fellow_module ORDER BY position, code`);
    return rows.map(toModule);
  }

  async createModule(user: AuthUser, dto: CreateModuleDto): Promise<ModuleView> {
    await this.ensureDefaultModules();
    const [row]: ModuleRow[] = await this.dataSource.query(
      `INSERT INTO fellow_module (code, title, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING *`,
      [dto.code, dto.title, dto.description || null, dto.position ?? 10],
    );
    if (!row) throw conflict(`A module with code ${dto.code} already exists`, [{ field: 'code', problem: 'is already used' }]);
    await this.audit.record({ actor: user, action: 'fellows.module.created', entityType: 'fellow_module', entityId: row.id, details: { code: dto.code } });
    return toModule(row);
  }

  async updateModule(user: AuthUser, id: string, dto: UpdateModuleDto): Promise<ModuleView> {
    const [rows]: [ModuleRow[]] = await this.dataSource.query(
      `UPDATE fellow_module SET title = coalesce($2, title), description = CASE WHEN $3::boolean THEN $4 ELSE description END, is_active = coalesce($5, is_active) WHERE id = $1 RETURNING *`,
      [id, dto.title ?? null, dto.description !== undefined, dto.description || null, dto.isActive ?? null],
    );
    if (!rows.length) throw notFound('Module');
    await this.audit.record({ actor: user, action: 'fellows.module.updated', entityType: 'fellow_module', entityId: id, details: { fields: Object.keys(dto) } });
    return toModule(rows[0]);
  }

  async listCohorts(): Promise<CohortView[]> {
    const ids: { id: string }[] = await this.dataSource.query(`SELECT id FROM fellow_cohort ORDER BY starts_on DESC NULLS LAST, name`);
    return Promise.all(ids.map((r) => this.getCohort(r.id)));
  }

  async getCohort(id: string, m: EntityManager = this.dataSource.manager): Promise<CohortView> {
    const [c] = await m.query(
      `SELECT c.id, c.name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.min_attendance_pct, c.passing_score,
              (SELECT count(*)::int FROM fellow_enrolment e WHERE e.cohort_id = c.id) AS participants,
              (SELECT count(*)::int FROM fellow_session s WHERE s.cohort_id = c.id) AS sessions,
              (SELECT count(*)::int FROM fellow_certificate f WHERE f.cohort_id = c.id) AS certified
       FROM fellow_cohort c WHERE c.id = $1`,
      [id],
    );
    if (!c) throw notFound('Cohort');
    const modules: ModuleRow[] = await m.query(`SELECT f.* FROM fellow_module f JOIN fellow_cohort_module cm ON cm.module_id = f.id WHERE cm.cohort_id = $1 ORDER BY f.position, f.code`, [id]);
    return {
      id: c.id,
      name: c.name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      minAttendancePct: c.min_attendance_pct,
      passingScore: c.passing_score,
      modules: modules.map(toModule),
      participants: c.participants,
      sessions: c.sessions,
      certified: c.certified,
    };
  }

  async createCohort(user: AuthUser, dto: CreateCohortDto): Promise<CohortView> {
    if (dto.startsOn && dto.endsOn && dto.endsOn < dto.startsOn) throw fieldError('endsOn', 'must not be before startsOn');
    return this.dataSource.transaction(async (m) => {
      await this.ensureDefaultModules(m);
      let moduleIds = dto.moduleIds;
      if (moduleIds) {
        const found: { id: string }[] = await m.query(`SELECT id FROM fellow_module WHERE id = ANY($1)`, [moduleIds]);
        const missing = moduleIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw fieldError('moduleIds', `unknown modules: ${missing.join(', ')}`);
      } else {
        moduleIds = (await m.query(`SELECT id FROM fellow_module WHERE is_active ORDER BY position, code`)).map((r: { id: string }) => r.id);
      }
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO fellow_cohort (name, starts_on, ends_on, min_attendance_pct, passing_score, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [dto.name, dto.startsOn ?? null, dto.endsOn ?? null, dto.minAttendancePct ?? 80, dto.passingScore ?? 70, user.id],
      );
      if (!row) throw conflict(`A cohort named "${dto.name}" already exists`, [{ field: 'name', problem: 'is already used' }]);
      for (const moduleId of moduleIds!) await m.query(`INSERT INTO fellow_cohort_module (cohort_id, module_id) VALUES ($1, $2)`, [row.id, moduleId]);
      await this.audit.record({ actor: user, action: 'fellows.cohort.created', entityType: 'fellow_cohort', entityId: row.id, details: { name: dto.name, minAttendancePct: dto.minAttendancePct ?? 80, passingScore: dto.passingScore ?? 70, moduleIds } }, m);
      return this.getCohort(row.id, m);
    });
  }

  async updateCohort(user: AuthUser, id: string, dto: UpdateCohortDto): Promise<CohortView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.getCohort(id, m);
      try {
        await m.query(`UPDATE fellow_cohort SET name = $2, min_attendance_pct = $3, passing_score = $4, updated_at = now() WHERE id = $1`, [
          id,
          dto.name ?? before.name,
          dto.minAttendancePct ?? before.minAttendancePct,
          dto.passingScore ?? before.passingScore,
        ]);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw conflict(`A cohort named "${dto.name}" already exists`, [{ field: 'name', problem: 'is already used' }]);
        throw err;
      }
      await this.audit.record({ actor: user, action: 'fellows.cohort.updated', entityType: 'fellow_cohort', entityId: id, details: { before: { minAttendancePct: before.minAttendancePct, passingScore: before.passingScore }, after: dto } }, m);
      return this.getCohort(id, m);
    });
  }

  async enrol(user: AuthUser, cohortId: string, participantId: string): Promise<{ cohortId: string; participantId: string; enrolledAt: string }> {
    return this.dataSource.transaction(async (m) => {
      await this.getCohort(cohortId, m);
      const [p] = await m.query(`SELECT 1 FROM fellow_participant WHERE id = $1`, [participantId]);
      if (!p) throw fieldError('participantId', 'no such participant');
      const [row] = await m.query(`INSERT INTO fellow_enrolment (cohort_id, participant_id) VALUES ($1, $2) ON CONFLICT (cohort_id, participant_id) DO NOTHING RETURNING enrolled_at`, [cohortId, participantId]);
      if (!row) throw conflict('The participant is already enrolled in this cohort', [{ field: 'participantId', problem: 'is already enrolled' }]);
      await this.audit.record({ actor: user, action: 'fellows.enrolment.created', entityType: 'fellow_cohort', entityId: cohortId, details: { participantId } }, m);
      return { cohortId, participantId, enrolledAt: row.enrolled_at.toISOString() };
    });
  }

  private async assertModuleOfCohort(m: EntityManager, cohortId: string, moduleId: string): Promise<void> {
    const [row] = await m.query(`SELECT 1 FROM fellow_cohort_module WHERE cohort_id = $1 AND module_id = $2`, [cohortId, moduleId]);
    if (!row) throw fieldError('moduleId', 'is not a module of this cohort');
  }

  private async assertEnrolled(m: EntityManager, cohortId: string, participantId: string, field: string): Promise<void> {
    const [row] = await m.query(`SELECT 1 FROM fellow_enrolment WHERE cohort_id = $1 AND participant_id = $2`, [cohortId, participantId]);
    if (!row) throw fieldError(field, 'is not enrolled in this cohort');
  }

  async createSession(user: AuthUser, cohortId: string, dto: CreateSessionDto): Promise<SessionView> {
    return this.dataSource.transaction(async (m) => {
      await this.getCohort(cohortId, m);
      await this.assertModuleOfCohort(m, cohortId, dto.moduleId);
      const [row] = await m.query(`INSERT INTO fellow_session (cohort_id, module_id, title, held_on) VALUES ($1, $2, $3, $4) RETURNING id`, [cohortId, dto.moduleId, dto.title, dto.heldOn]);
      await this.audit.record({ actor: user, action: 'fellows.session.created', entityType: 'fellow_session', entityId: row.id, details: { cohortId, moduleId: dto.moduleId, heldOn: dto.heldOn } }, m);
      return { id: row.id, cohortId, moduleId: dto.moduleId, title: dto.title, heldOn: dto.heldOn, present: 0, absent: 0 };
    });
  }

  async listSessions(cohortId: string): Promise<SessionView[]> {
    await this.getCohort(cohortId);
    const rows = await this.dataSource.query(
      `SELECT s.id, s.cohort_id, s.module_id, s.title, s.held_on::text AS held_on,
              count(*) FILTER (WHERE a.present)::int AS present, count(*) FILTER (WHERE NOT a.present)::int AS absent
       FROM fellow_session s LEFT JOIN fellow_attendance a ON a.session_id = s.id
       WHERE s.cohort_id = $1 GROUP BY s.id ORDER BY s.held_on, s.title`,
      [cohortId],
    );
    return rows.map((r: { id: string; cohort_id: string; module_id: string; title: string; held_on: string; present: number; absent: number }) => ({
      id: r.id,
      cohortId: r.cohort_id,
      moduleId: r.module_id,
      title: r.title,
      heldOn: r.held_on,
      present: r.present,
      absent: r.absent,
    }));
  }

  /** Records attendance; every participant must be enrolled in the session's cohort. Re-recording replaces. */
  async recordAttendance(user: AuthUser, sessionId: string, dto: AttendanceDto): Promise<SessionView> {
    const ids = dto.records.map((r) => r.participantId);
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw fieldError(`records.${dup}.participantId`, 'is listed twice');
    const cohortId = await this.dataSource.transaction(async (m) => {
      const [s] = await m.query(`SELECT cohort_id FROM fellow_session WHERE id = $1`, [sessionId]);
      if (!s) throw notFound('Session');
      const enrolled = new Set<string>((await m.query(`SELECT participant_id FROM fellow_enrolment WHERE cohort_id = $1 AND participant_id = ANY($2)`, [s.cohort_id, ids])).map((r: { participant_id: string }) => r.participant_id));
      const outside = dto.records.findIndex((r) => !enrolled.has(r.participantId));
      if (outside >= 0) throw fieldError(`records.${outside}.participantId`, 'is not enrolled in the cohort of this session');
      for (const r of dto.records) {
        await m.query(
          `INSERT INTO fellow_attendance (session_id, participant_id, present) VALUES ($1, $2, $3)
           ON CONFLICT (session_id, participant_id) DO UPDATE SET present = EXCLUDED.present, recorded_at = now()`,
          [sessionId, r.participantId, r.present],
        );
      }
      await this.audit.record({ actor: user, action: 'fellows.attendance.recorded', entityType: 'fellow_session', entityId: sessionId, details: { present: dto.records.filter((r) => r.present).length, absent: dto.records.filter((r) => !r.present).length } }, m);
      return s.cohort_id as string;
    });
    return (await this.listSessions(cohortId)).find((s) => s.id === sessionId)!;
  }

  async recordAssessment(user: AuthUser, cohortId: string, dto: AssessmentDto): Promise<{ id: string; participantId: string; moduleId: string; score: number; assessedOn: string }> {
    return this.dataSource.transaction(async (m) => {
      await this.getCohort(cohortId, m);
      await this.assertModuleOfCohort(m, cohortId, dto.moduleId);
      await this.assertEnrolled(m, cohortId, dto.participantId, 'participantId');
      const assessedOn = dto.assessedOn ?? wibToday();
      const [row] = await m.query(`INSERT INTO fellow_assessment (cohort_id, participant_id, module_id, score, assessed_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
        cohortId,
        dto.participantId,
        dto.moduleId,
        dto.score,
        assessedOn,
        user.id,
      ]);
      await this.audit.record({ actor: user, action: 'fellows.assessment.recorded', entityType: 'fellow_cohort', entityId: cohortId, details: { participantId: dto.participantId, moduleId: dto.moduleId, score: dto.score } }, m);
      return { id: row.id, participantId: dto.participantId, moduleId: dto.moduleId, score: dto.score, assessedOn };
    });
  }

  /** Attendance, best scores and completion of every participant of the cohort (or of one). */
  async progress(cohortId: string, participantId?: string, m: EntityManager = this.dataSource.manager): Promise<ParticipantProgress[]> {
    const cohort = await this.getCohort(cohortId, m);
    const params: unknown[] = [cohortId];
    if (participantId) params.push(participantId);
    const people: { id: string; full_name: string; kind: 'asn' | 'warga'; attended: number; number: string | null }[] = await m.query(
      `SELECT p.id, p.full_name, p.kind,
              (SELECT count(*)::int FROM fellow_attendance a JOIN fellow_session s ON s.id = a.session_id WHERE s.cohort_id = $1 AND a.participant_id = p.id AND a.present) AS attended,
              (SELECT f.number FROM fellow_certificate f WHERE f.cohort_id = $1 AND f.participant_id = p.id) AS number
       FROM fellow_enrolment e JOIN fellow_participant p ON p.id = e.participant_id
       WHERE e.cohort_id = $1 ${participantId ? 'AND p.id = $2' : ''} ORDER BY p.full_name, p.id`,
      params,
    );
    const scores: { participant_id: string; module_id: string; best: number }[] = await m.query(
      `SELECT participant_id, module_id, max(score)::int AS best FROM fellow_assessment WHERE cohort_id = $1 GROUP BY participant_id, module_id`,
      [cohortId],
    );
    return people.map((p) => {
      const bestScores: Record<string, number> = {};
      for (const s of scores) if (s.participant_id === p.id) bestScores[s.module_id] = s.best;
      const result = evaluateCompletion({
        rules: { minAttendancePct: cohort.minAttendancePct, passingScore: cohort.passingScore },
        modules: cohort.modules,
        sessions: cohort.sessions,
        attended: p.attended,
        bestScores,
      });
      return { participantId: p.id, fullName: p.full_name, kind: p.kind, sessions: cohort.sessions, attended: p.attended, certificateNumber: p.number, ...result };
    });
  }

  /** The cohort's progress as CSV (one row per participant, one column per module). */
  async exportProgress(cohortId: string): Promise<string> {
    const cohort = await this.getCohort(cohortId);
    const rows = await this.progress(cohortId);
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // Quote, and defuse spreadsheet formulas.
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const header = ['participant_id', 'full_name', 'kind', 'sessions', 'attended', 'attendance_pct', ...cohort.modules.map((mod) => `score_${mod.code}`), 'eligible', 'certificate_number'];
    const lines = rows.map((r) =>
      [r.participantId, r.fullName, r.kind, r.sessions, r.attended, r.attendancePct, ...r.modules.map((mod) => mod.bestScore), r.eligible ? 'ya' : 'tidak', r.certificateNumber].map(cell).join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }
}
