import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, forbidden, notFound } from '../common/errors/domain.exception';
import { CheckInDto, ManualValueDto } from './dto/okr.dto';
import { cycleBounds, grade } from './grading';
import { findMetric } from './metrics/registry';
import { CYCLE_COLUMNS, CycleRow, KrRow, OkrService, toKeyResultView } from './okr.service';
import { CheckInView, KeyResultDetail, KeyResultView, ValueView } from './okr.views';

/** Offices that act for a role when the user is not bound to an OPD. */
const ROLE_OFFICE: Partial<Record<AuthUser['role'], string>> = {
  trainer: 'badan-kepegawaian-dan-pengembangan-sumber-daya-manusia',
  bappeda: 'badan-perencanaan-pembangunan-daerah',
};

export interface RecomputeSummary {
  asOf: string;
  cycles: number;
  keyResults: number;
  withValue: number;
  byStatus: Record<string, number>;
}

/**
 * Values, grades and check-ins. Automatic key results are recomputed from
 * their metric (the scheduled job and POST /api/okr/recompute); manual ones
 * are set by their owners. Every new value is kept in okr_key_result_value.
 */
@Injectable()
export class OkrProgressService {
  private readonly logger = new Logger('OkrProgress');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly okr: OkrService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Recomputes every automatic key result and regrades the manual ones.
   * A cycle whose key results were all computed after it ended is final
   * and skipped (unless asked for by id).
   */
  async recompute(asOf: Date = new Date(), cycleId?: string): Promise<RecomputeSummary> {
    const cycles: CycleRow[] = cycleId
      ? [await this.okr.cycleRow(cycleId)]
      : await this.dataSource.query(`SELECT ${CYCLE_COLUMNS} FROM okr_cycle ORDER BY start_date`);
    const summary: RecomputeSummary = { asOf: asOf.toISOString(), cycles: 0, keyResults: 0, withValue: 0, byStatus: {} };
    for (const cycle of cycles) {
      const krs: KrRow[] = await this.dataSource.query(
        `SELECT k.* FROM okr_key_result k JOIN okr_objective o ON o.id = k.objective_id WHERE o.cycle_id = $1 ORDER BY k.position, k.code`,
        [cycle.id],
      );
      const { end } = cycleBounds(cycle.start_date, cycle.end_date);
      if (!cycleId && krs.length && krs.every((k) => k.computed_at && k.computed_at >= end && asOf >= end)) continue;
      summary.cycles++;
      for (const kr of krs) {
        const result = await this.measure(cycle, kr, asOf);
        summary.keyResults++;
        if (result.currentValue !== null) summary.withValue++;
        summary.byStatus[result.status] = (summary.byStatus[result.status] ?? 0) + 1;
      }
    }
    return summary;
  }

  /** One key result: the metric's value (auto) or the last manual value, graded against the elapsed cycle. */
  private async measure(cycle: CycleRow, kr: KrRow, asOf: Date): Promise<KeyResultView> {
    let value = kr.current_value;
    let reason: string | null = null;
    if (kr.mode === 'auto') {
      const metric = findMetric(kr.metric_key!);
      if (!metric) {
        value = null;
        reason = `Metrik ${kr.metric_key} tidak terdaftar`;
      } else {
        try {
          const r = await metric.compute({
            query: (sql, params) => this.dataSource.query(sql, params),
            cycle: { startDate: cycle.start_date, endDate: cycle.end_date, baselineStart: cycle.baseline_start, baselineEnd: cycle.baseline_end },
            asOf,
            params: kr.metric_params,
          });
          value = r.value;
          reason = r.value === null ? (r.reason ?? 'Belum ada data') : null;
        } catch (err) {
          this.logger.error({ err, keyResultId: kr.id, metric: kr.metric_key }, 'Metric computation failed');
          value = null;
          reason = 'Perhitungan metrik gagal';
        }
      }
    } else if (value === null) {
      reason = 'Belum ada nilai yang diisi pemilik';
    }
    const g = grade({ value, baseline: kr.baseline, target: kr.target, direction: kr.direction }, { startDate: cycle.start_date, endDate: cycle.end_date }, asOf);
    return this.dataSource.transaction(async (m) => {
      const [row]: KrRow[] = (
        await m.query(
          `UPDATE okr_key_result SET current_value = $2, progress = $3, status = $4, status_reason = $5, computed_at = $6 WHERE id = $1 RETURNING *`,
          [kr.id, value, g.progress, g.status, reason, asOf],
        )
      )[0];
      if (kr.mode === 'auto') await this.recordValue(m, kr.id, value, g.progress, g.status, 'auto', reason, null, asOf);
      return toKeyResultView(row);
    });
  }

  private async recordValue(m: EntityManager, keyResultId: string, value: number | null, progress: number | null, status: string, source: 'auto' | 'manual', note: string | null, by: string | null, at: Date): Promise<void> {
    await m.query(`INSERT INTO okr_key_result_value (key_result_id, value, progress, status, source, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      keyResultId,
      value,
      progress,
      status,
      source,
      note,
      by,
      at,
    ]);
  }

  /** The key result with its cycle and owner, or 404. */
  private async context(keyResultId: string, m: EntityManager = this.dataSource.manager): Promise<{ kr: KrRow; cycle: CycleRow; ownerOpdId: number }> {
    const [kr]: (KrRow & { cycle_id: string; owner_opd_id: number })[] = await m.query(
      `SELECT k.*, o.cycle_id, o.owner_opd_id FROM okr_key_result k JOIN okr_objective o ON o.id = k.objective_id WHERE k.id = $1`,
      [keyResultId],
    );
    if (!kr) throw notFound('Key result');
    return { kr, cycle: await this.okr.cycleRow(kr.cycle_id, m), ownerOpdId: kr.owner_opd_id };
  }

  /** Admins act on every key result; others on those of their OPD (trainer: BPSDM, bappeda: Bappeda). */
  private async assertOwner(user: AuthUser, ownerOpdId: number): Promise<void> {
    if (user.role === 'admin') return;
    if (user.opdId !== null && user.opdId === ownerOpdId) return;
    const office = ROLE_OFFICE[user.role];
    if (user.opdId === null && office) {
      const [row] = await this.dataSource.query(`SELECT id FROM opd WHERE code = $1`, [office]);
      if (row && row.id === ownerOpdId) return;
    }
    throw forbidden('Only the owner OPD of the objective (or an admin) may do this');
  }

  async setManualValue(user: AuthUser, keyResultId: string, dto: ManualValueDto, asOf = new Date()): Promise<KeyResultView> {
    return this.dataSource.transaction(async (m) => {
      const { kr, cycle, ownerOpdId } = await this.context(keyResultId, m);
      await this.assertOwner(user, ownerOpdId);
      if (kr.mode === 'auto') throw conflict('This key result is measured automatically from its metric; its value cannot be set by hand', [{ field: 'value', problem: `is computed from the metric ${kr.metric_key}` }]);
      const g = grade({ value: dto.value, baseline: kr.baseline, target: kr.target, direction: kr.direction }, { startDate: cycle.start_date, endDate: cycle.end_date }, asOf);
      const [row]: KrRow[] = (
        await m.query(`UPDATE okr_key_result SET current_value = $2, progress = $3, status = $4, status_reason = NULL, computed_at = $5 WHERE id = $1 RETURNING *`, [kr.id, dto.value, g.progress, g.status, asOf])
      )[0];
      await this.recordValue(m, kr.id, dto.value, g.progress, g.status, 'manual', dto.note || null, user.id, asOf);
      await this.audit.record({ actor: user, action: 'okr.key_result.value_set', entityType: 'okr_key_result', entityId: kr.id, details: { before: kr.current_value, after: dto.value } }, m);
      return toKeyResultView(row);
    });
  }

  async addCheckIn(user: AuthUser, keyResultId: string, dto: CheckInDto): Promise<CheckInView> {
    return this.dataSource.transaction(async (m) => {
      const { kr, ownerOpdId } = await this.context(keyResultId, m);
      await this.assertOwner(user, ownerOpdId);
      const [row] = await m.query(
        `INSERT INTO okr_check_in (key_result_id, note, confidence, author_user_id, author_name) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
        [kr.id, dto.note, dto.confidence, user.id, user.name],
      );
      await this.audit.record({ actor: user, action: 'okr.check_in.created', entityType: 'okr_key_result', entityId: kr.id, details: { checkInId: row.id, confidence: dto.confidence } }, m);
      return { id: row.id, note: dto.note, confidence: dto.confidence, authorName: user.name, createdAt: row.created_at.toISOString() };
    });
  }

  async detail(keyResultId: string): Promise<KeyResultDetail> {
    const { kr, cycle } = await this.context(keyResultId);
    const history: ValueView[] = (
      await this.dataSource.query(
        `SELECT value, progress, status, source, note, recorded_at FROM okr_key_result_value WHERE key_result_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 200`,
        [keyResultId],
      )
    ).map((r: { value: number | null; progress: number | null; status: string; source: 'auto' | 'manual'; note: string | null; recorded_at: Date }) => ({
      value: r.value,
      progress: r.progress,
      status: r.status,
      source: r.source,
      note: r.note,
      recordedAt: r.recorded_at.toISOString(),
    }));
    const checkIns: CheckInView[] = (
      await this.dataSource.query(`SELECT id, note, confidence, author_name, created_at FROM okr_check_in WHERE key_result_id = $1 ORDER BY created_at DESC LIMIT 200`, [keyResultId])
    ).map((r: { id: string; note: string; confidence: number; author_name: string; created_at: Date }) => ({
      id: r.id,
      note: r.note,
      confidence: r.confidence,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString(),
    }));
    return { ...toKeyResultView(kr), cycleId: cycle.id, history, checkIns };
  }
}
