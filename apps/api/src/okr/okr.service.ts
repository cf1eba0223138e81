import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, fieldError, notFound } from '../common/errors/domain.exception';
import { OpdService } from '../opd/opd.service';
import { CreateCycleDto, CreateKeyResultDto, CreateObjectiveDto, PhaseDto, UpdateCycleDto, UpdateKeyResultDto, UpdateObjectiveDto } from './dto/okr.dto';
import type { OkrPhase } from './entities/okr-cycle.entity';
import type { KrDirection } from './entities/okr-key-result.entity';
import { cycleWeek, elapsedShare, STATUS_LABELS } from './grading';
import { activeWithinDays } from '../fellows/fellow-counts';
import { findMetric } from './metrics/registry';
import { CycleDetail, CycleView, KeyResultView, ObjectiveView } from './okr.views';

/** The blueprint's 90-day cycle: January–March 2026, Build weeks 1–4, Empower 5–8, Deploy & Measure 9–12. */
export const BLUEPRINT_CYCLE = {
  code: 'okr-2026-q1',
  name: 'Siklus OKR 90 Hari Open Governance — Januari–Maret 2026',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  baselineStart: '2025-10-01',
  baselineEnd: '2025-12-31',
  phases: [
    { name: 'Build', startWeek: 1, endWeek: 4 },
    { name: 'Empower', startWeek: 5, endWeek: 8 },
    { name: 'Deploy & Measure', startWeek: 9, endWeek: 12 },
  ] as OkrPhase[],
};

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export interface CycleRow {
  id: string;
  code: string;
  name: string;
  start_date: string;
  end_date: string;
  baseline_start: string;
  baseline_end: string;
  phases: OkrPhase[];
}

export interface KrRow {
  id: string;
  objective_id: string;
  code: string;
  title: string;
  mode: 'auto' | 'manual';
  metric_key: string | null;
  metric_params: Record<string, unknown>;
  unit: string;
  direction: KrDirection;
  baseline: number;
  target: number;
  current_value: number | null;
  progress: number | null;
  status: KeyResultView['status'];
  status_reason: string | null;
  computed_at: Date | null;
}

export function toCycleView(r: CycleRow, now = new Date()): CycleView {
  const week = cycleWeek(r.start_date, r.end_date, now);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    baselineStart: r.baseline_start,
    baselineEnd: r.baseline_end,
    phases: r.phases,
    elapsed: elapsedShare(r.start_date, r.end_date, now),
    currentWeek: week,
    currentPhase: week === null ? null : (r.phases.find((p) => week >= p.startWeek && week <= p.endWeek)?.name ?? null),
  };
}

export function toKeyResultView(r: KrRow): KeyResultView {
  return {
    id: r.id,
    objectiveId: r.objective_id,
    code: r.code,
    title: r.title,
    mode: r.mode,
    metricKey: r.metric_key,
    metricLabel: r.metric_key ? (findMetric(r.metric_key)?.label ?? null) : null,
    metricParams: r.metric_params,
    unit: r.unit,
    direction: r.direction,
    baseline: r.baseline,
    target: r.target,
    currentValue: r.current_value,
    progress: r.progress,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    statusReason: r.status_reason,
    computedAt: r.computed_at ? r.computed_at.toISOString() : null,
  };
}

/** Cycles (with dates as text: pg returns DATE columns as Date unless cast). */
export const CYCLE_COLUMNS = `id, code, name, start_date::text AS start_date, end_date::text AS end_date, baseline_start::text AS baseline_start, baseline_end::text AS baseline_end, phases`;

/** Cycles, objectives and key results: the admin's side of the OKR tracker. */
@Injectable()
export class OkrService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opd: OpdService,
    private readonly audit: AuditService,
  ) {}

  async listCycles(): Promise<CycleView[]> {
    const rows: CycleRow[] = await this.dataSource.query(`SELECT ${CYCLE_COLUMNS} FROM okr_cycle ORDER BY start_date DESC, code`);
    return rows.map((r) => toCycleView(r));
  }

  async cycleRow(id: string, m: EntityManager = this.dataSource.manager): Promise<CycleRow> {
    const [row]: CycleRow[] = await m.query(`SELECT ${CYCLE_COLUMNS} FROM okr_cycle WHERE id = $1`, [id]);
    if (!row) throw notFound('OKR cycle');
    return row;
  }

  async getCycle(id: string): Promise<CycleDetail> {
    const cycle = await this.cycleRow(id);
    const objectives: { id: string; cycle_id: string; code: string; title: string; description: string | null; opd_code: string; opd_name: string }[] = await this.dataSource.query(
      `SELECT o.id, o.cycle_id, o.code, o.title, o.description, p.code AS opd_code, p.name AS opd_name
       FROM okr_objective o JOIN opd p ON p.id = o.owner_opd_id WHERE o.cycle_id = $1 ORDER BY o.position, o.code`,
      [id],
    );
    const krs: KrRow[] = await this.dataSource.query(
      `SELECT k.* FROM okr_key_result k JOIN okr_objective o ON o.id = k.objective_id WHERE o.cycle_id = $1 ORDER BY k.position, k.code`,
      [id],
    );
    return {
      ...toCycleView(cycle),
      objectives: objectives.map((o): ObjectiveView => {
        const keyResults = krs.filter((k) => k.objective_id === o.id).map(toKeyResultView);
        const graded = keyResults.filter((k) => k.progress !== null).map((k) => k.progress!);
        return {
          id: o.id,
          cycleId: o.cycle_id,
          code: o.code,
          title: o.title,
          description: o.description,
          ownerOpd: { code: o.opd_code, name: o.opd_name },
          progress: graded.length ? Math.round((graded.reduce((a, b) => a + b, 0) / graded.length) * 100) / 100 : null,
          keyResults,
        };
      }),
    };
  }

  async createCycle(user: AuthUser | null, dto: CreateCycleDto): Promise<CycleDetail> {
    const startDate = dto.startDate ?? BLUEPRINT_CYCLE.startDate;
    const isBlueprint = !dto.startDate && !dto.endDate;
    const endDate = dto.endDate ?? (isBlueprint ? BLUEPRINT_CYCLE.endDate : addDays(startDate, 89));
    if (endDate <= startDate) throw fieldError('endDate', 'must be after startDate');
    if (dayDiff(startDate, endDate) > 366) throw fieldError('endDate', 'a cycle lasts at most a year');
    const length = dayDiff(startDate, endDate) + 1;
    const baselineEnd = dto.baselineEnd ?? (isBlueprint ? BLUEPRINT_CYCLE.baselineEnd : addDays(startDate, -1));
    const baselineStart = dto.baselineStart ?? (isBlueprint ? BLUEPRINT_CYCLE.baselineStart : addDays(baselineEnd, -(length - 1)));
    this.checkBaseline(baselineStart, baselineEnd, startDate);
    const phases = dto.phases ?? (isBlueprint || length >= 84 ? BLUEPRINT_CYCLE.phases : []);
    this.checkPhases(phases, length);
    const code = dto.code ?? (isBlueprint ? BLUEPRINT_CYCLE.code : `okr-${startDate}`);
    const name = dto.name ?? (isBlueprint ? BLUEPRINT_CYCLE.name : `Siklus OKR ${startDate} – ${endDate}`);
    const id = await this.dataSource.transaction(async (m) => {
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO okr_cycle (code, name, start_date, end_date, baseline_start, baseline_end, phases, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, name, startDate, endDate, baselineStart, baselineEnd, JSON.stringify(phases), user?.id ?? null],
      );
      if (!row) throw conflict(`A cycle with code ${code} already exists`, [{ field: 'code', problem: 'is already used' }]);
      await this.audit.record({ actor: user, action: 'okr.cycle.created', entityType: 'okr_cycle', entityId: row.id, details: { code, startDate, endDate } }, m);
      return row.id;
    });
    return this.getCycle(id);
  }

  async updateCycle(user: AuthUser, id: string, dto: UpdateCycleDto): Promise<CycleDetail> {
    await this.dataSource.transaction(async (m) => {
      const cycle = await this.cycleRow(id, m);
      const baselineStart = dto.baselineStart ?? cycle.baseline_start;
      const baselineEnd = dto.baselineEnd ?? cycle.baseline_end;
      this.checkBaseline(baselineStart, baselineEnd, cycle.start_date);
      if (dto.phases) this.checkPhases(dto.phases, dayDiff(cycle.start_date, cycle.end_date) + 1);
      await m.query(`UPDATE okr_cycle SET name = $2, baseline_start = $3, baseline_end = $4, phases = $5, updated_at = now() WHERE id = $1`, [
        id,
        dto.name ?? cycle.name,
        baselineStart,
        baselineEnd,
        JSON.stringify(dto.phases ?? cycle.phases),
      ]);
      await this.audit.record({ actor: user, action: 'okr.cycle.updated', entityType: 'okr_cycle', entityId: id, details: { fields: Object.keys(dto) } }, m);
    });
    return this.getCycle(id);
  }

  private checkBaseline(start: string, end: string, cycleStart: string): void {
    if (end < start) throw fieldError('baselineEnd', 'must not be before baselineStart');
    if (end >= cycleStart) throw fieldError('baselineEnd', 'the baseline period must end before the cycle starts');
  }

  private checkPhases(phases: PhaseDto[] | OkrPhase[], lengthDays: number): void {
    const weeks = Math.ceil(lengthDays / 7);
    phases.forEach((p, i) => {
      if (p.endWeek < p.startWeek) throw fieldError(`phases.${i}.endWeek`, 'must not be before startWeek');
      if (p.endWeek > weeks) throw fieldError(`phases.${i}.endWeek`, `the cycle has ${weeks} weeks`);
      if (i > 0 && p.startWeek <= phases[i - 1].endWeek) throw fieldError(`phases.${i}.startWeek`, 'phases must follow each other without overlap');
    });
  }

  private async opdId(code: string, field: string): Promise<number> {
    const found = await this.opd.findByCode(code);
    if (!found) throw fieldError(field, `unknown OPD code "${code}"`);
    return found.id;
  }

  async createObjective(user: AuthUser | null, cycleId: string, dto: CreateObjectiveDto): Promise<ObjectiveView> {
    const ownerOpdId = await this.opdId(dto.ownerOpdCode, 'ownerOpdCode');
    const id = await this.dataSource.transaction(async (m) => {
      await this.cycleRow(cycleId, m);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO okr_objective (cycle_id, code, title, description, owner_opd_id, position) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (cycle_id, code) DO NOTHING RETURNING id`,
        [cycleId, dto.code, dto.title, dto.description || null, ownerOpdId, dto.position ?? 0],
      );
      if (!row) throw conflict(`The cycle already has an objective ${dto.code}`, [{ field: 'code', problem: 'is already used in this cycle' }]);
      await this.audit.record({ actor: user, action: 'okr.objective.created', entityType: 'okr_objective', entityId: row.id, details: { cycleId, code: dto.code, ownerOpdCode: dto.ownerOpdCode } }, m);
      return row.id;
    });
    return this.objective(id);
  }

  async updateObjective(user: AuthUser, id: string, dto: UpdateObjectiveDto): Promise<ObjectiveView> {
    const ownerOpdId = dto.ownerOpdCode ? await this.opdId(dto.ownerOpdCode, 'ownerOpdCode') : null;
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `UPDATE okr_objective SET title = coalesce($2, title), description = CASE WHEN $3::boolean THEN $4 ELSE description END,
           owner_opd_id = coalesce($5, owner_opd_id), position = coalesce($6, position), updated_at = now()
         WHERE id = $1 RETURNING id`,
        [id, dto.title ?? null, dto.description !== undefined, dto.description || null, ownerOpdId, dto.position ?? null],
      );
      if (!row.length) throw notFound('Objective');
      await this.audit.record({ actor: user, action: 'okr.objective.updated', entityType: 'okr_objective', entityId: id, details: { fields: Object.keys(dto) } }, m);
    });
    return this.objective(id);
  }

  async objective(id: string): Promise<ObjectiveView> {
    const [o] = await this.dataSource.query(`SELECT cycle_id FROM okr_objective WHERE id = $1`, [id]);
    if (!o) throw notFound('Objective');
    const cycle = await this.getCycle(o.cycle_id);
    return cycle.objectives.find((x) => x.id === id)!;
  }

  async createKeyResult(user: AuthUser | null, objectiveId: string, dto: CreateKeyResultDto): Promise<KeyResultView> {
    let unit = dto.unit;
    let direction = dto.direction;
    if (dto.mode === 'auto') {
      if (!dto.metricKey) throw fieldError('metricKey', 'is required for an automatic key result');
      const metric = findMetric(dto.metricKey);
      if (!metric) throw fieldError('metricKey', `unknown metric "${dto.metricKey}" (see GET /api/okr/metrics)`);
      unit ??= metric.unit;
      direction ??= metric.direction;
    } else {
      if (dto.metricKey) throw fieldError('metricKey', 'only an automatic key result has a metric');
      if (!unit) throw fieldError('unit', 'is required for a manual key result');
    }
    direction ??= 'increase';
    const baseline = dto.baseline ?? 0;
    this.checkTarget(baseline, dto.target, direction);
    const params = this.checkParams(dto.metricKey ?? null, dto.metricParams ?? {});
    const id = await this.dataSource.transaction(async (m) => {
      const [o] = await m.query(`SELECT id FROM okr_objective WHERE id = $1`, [objectiveId]);
      if (!o) throw notFound('Objective');
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO okr_key_result (objective_id, code, title, mode, metric_key, metric_params, unit, direction, baseline, target, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (objective_id, code) DO NOTHING RETURNING id`,
        [objectiveId, dto.code, dto.title, dto.mode, dto.metricKey ?? null, JSON.stringify(params), unit, direction, baseline, dto.target, dto.position ?? 0],
      );
      if (!row) throw conflict(`The objective already has a key result ${dto.code}`, [{ field: 'code', problem: 'is already used in this objective' }]);
      await this.audit.record({ actor: user, action: 'okr.key_result.created', entityType: 'okr_key_result', entityId: row.id, details: { objectiveId, code: dto.code, mode: dto.mode, metricKey: dto.metricKey ?? null, baseline, target: dto.target } }, m);
      return row.id;
    });
    return this.keyResult(id);
  }

  async updateKeyResult(user: AuthUser, id: string, dto: UpdateKeyResultDto): Promise<KeyResultView> {
    await this.dataSource.transaction(async (m) => {
      const [kr]: KrRow[] = await m.query(`SELECT * FROM okr_key_result WHERE id = $1 FOR UPDATE`, [id]);
      if (!kr) throw notFound('Key result');
      const direction = dto.direction ?? kr.direction;
      const baseline = dto.baseline ?? kr.baseline;
      const target = dto.target ?? kr.target;
      this.checkTarget(baseline, target, direction);
      const params = dto.metricParams ? this.checkParams(kr.metric_key, dto.metricParams) : kr.metric_params;
      await m.query(
        `UPDATE okr_key_result SET title = $2, unit = $3, direction = $4, baseline = $5, target = $6, metric_params = $7, updated_at = now() WHERE id = $1`,
        [id, dto.title ?? kr.title, dto.unit ?? kr.unit, direction, baseline, target, JSON.stringify(params)],
      );
      await this.audit.record({ actor: user, action: 'okr.key_result.updated', entityType: 'okr_key_result', entityId: id, details: { before: { baseline: kr.baseline, target: kr.target, direction: kr.direction }, after: { baseline, target, direction } } }, m);
    });
    return this.keyResult(id);
  }

  async keyResult(id: string): Promise<KeyResultView> {
    const [row]: KrRow[] = await this.dataSource.query(`SELECT * FROM okr_key_result WHERE id = $1`, [id]);
    if (!row) throw notFound('Key result');
    return toKeyResultView(row);
  }

  private checkTarget(baseline: number, target: number, direction: KrDirection): void {
    if (direction === 'increase' && target <= baseline) throw fieldError('target', `must be above the baseline (${baseline}) for an increasing key result`);
    if (direction === 'decrease' && target >= baseline) throw fieldError('target', `must be below the baseline (${baseline}) for a decreasing key result`);
  }

  private checkParams(metricKey: string | null, params: Record<string, unknown>): Record<string, unknown> {
    const allowed = metricKey === 'active_fellows' ? ['activeWithinDays'] : [];
    for (const key of Object.keys(params)) {
      if (!allowed.includes(key)) throw fieldError(`metricParams.${key}`, allowed.length ? `is not an option of this metric (options: ${allowed.join(', ')})` : 'this metric takes no options');
    }
    if (params.activeWithinDays !== undefined && activeWithinDays(params) !== params.activeWithinDays) {
      throw fieldError('metricParams.activeWithinDays', 'must be a whole number of days from 1 to 366');
    }
    return params;
  }
}
