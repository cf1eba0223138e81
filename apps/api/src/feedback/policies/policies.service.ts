import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { conflict, fieldError, forbidden, notFound } from '../../common/errors/domain.exception';
import { OpdService } from '../../opd/opd.service';
import { ChangePolicyStatusDto, CreatePolicyDto, ListPoliciesDto, StaffListPoliciesDto, UpdatePolicyDto } from './dto/policy.dto';
import { PolicyEntity } from './entities/policy.entity';
import { PolicyRatingsService } from './policy-ratings.service';
import {
  LinkedAspiration,
  nextPolicyStatuses,
  POLICY_SELECT,
  POLICY_STATUS_LABELS_ID,
  PolicyListItem,
  PolicyRow,
  PublicPolicyDetail,
  StaffPolicyDetail,
  StaffPolicyItem,
  toLinkedAspiration,
  toListItem,
  toStaffItem,
} from './policy.views';

export interface PolicyPage<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

/** start <= end when both are known. */
function assertWindow(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && start > end) throw fieldError('consultationEnd', 'must not be before consultationStart');
}

/**
 * Policies (kebijakan) of an OPD: written by its ASN (admins: any OPD),
 * public once published, moved forward draft → consultation → adopted →
 * implemented, linked to the aspirations they answer.
 */
@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opd: OpdService,
    private readonly ratings: PolicyRatingsService,
    private readonly audit: AuditService,
  ) {}

  // ---- public ----

  async listPublic(q: ListPoliciesDto): Promise<PolicyPage<PolicyListItem>> {
    const page = await this.query(q, ['p.published_at IS NOT NULL'], []);
    return { ...page, items: page.rows.map(toListItem) };
  }

  async getPublic(id: string): Promise<PublicPolicyDetail> {
    const row = await this.row(id);
    if (!row?.published_at) throw notFound('Policy');
    return { ...toListItem(row), aspirations: await this.linkedAspirations(id), rating: await this.ratings.summary(id) };
  }

  // ---- staff ----

  /** ASN: their OPD's policies, unpublished ones included; admin: all. */
  async listForStaff(user: AuthUser, q: StaffListPoliciesDto): Promise<PolicyPage<StaffPolicyItem>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (user.role !== 'admin') {
      params.push(user.opdId ?? -1);
      where.push(`p.opd_id = $${params.length}`);
    }
    if (q.published === true) where.push('p.published_at IS NOT NULL');
    if (q.published === false) where.push('p.published_at IS NULL');
    const page = await this.query(q, where, params);
    return { ...page, items: page.rows.map(toStaffItem) };
  }

  async getForStaff(user: AuthUser, id: string): Promise<StaffPolicyDetail> {
    const row = await this.row(id);
    if (!row || !this.canSee(user, row)) throw notFound('Policy');
    return { ...toStaffItem(row), aspirations: await this.linkedAspirations(id), rating: await this.ratings.summary(id) };
  }

  async create(user: AuthUser, dto: CreatePolicyDto): Promise<StaffPolicyDetail> {
    const opdId = await this.resolveOpd(user, dto.opdCode);
    assertWindow(dto.consultationStart, dto.consultationEnd);
    const id = await this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(PolicyEntity).save(
        m.getRepository(PolicyEntity).create({
          title: dto.title,
          summary: dto.summary,
          opdId,
          status: 'draft',
          consultationStart: dto.consultationStart ?? null,
          consultationEnd: dto.consultationEnd ?? null,
          publishedAt: null,
          createdBy: user.id,
        }),
      );
      await this.audit.record({ actor: user, action: 'policy.created', entityType: 'policy', entityId: saved.id, details: { opdId, title: dto.title } }, m);
      if (dto.aspirationIds?.length) await this.link(m, user, saved.id, dto.aspirationIds);
      return saved.id;
    });
    return this.getForStaff(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdatePolicyDto): Promise<StaffPolicyDetail> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.loadForChange(m, user, id);
      const start = dto.consultationStart ?? row.consultationStart;
      const end = dto.consultationEnd ?? row.consultationEnd;
      assertWindow(start, end);
      const set: Partial<PolicyEntity> = {};
      if (dto.title !== undefined) set.title = dto.title;
      if (dto.summary !== undefined) set.summary = dto.summary;
      if (dto.consultationStart !== undefined) set.consultationStart = dto.consultationStart;
      if (dto.consultationEnd !== undefined) set.consultationEnd = dto.consultationEnd;
      if (!Object.keys(set).length) throw fieldError('body', 'give at least one of title, summary, consultationStart, consultationEnd');
      await m.getRepository(PolicyEntity).update(id, set);
      await this.audit.record({ actor: user, action: 'policy.updated', entityType: 'policy', entityId: id, details: { fields: Object.keys(set) } }, m);
    });
    return this.getForStaff(user, id);
  }

  async publish(user: AuthUser, id: string): Promise<StaffPolicyDetail> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.loadForChange(m, user, id);
      if (row.publishedAt) throw conflict('This policy is already published', [{ field: 'publishedAt', problem: `is ${row.publishedAt.toISOString()}` }]);
      await m.getRepository(PolicyEntity).update(id, { publishedAt: new Date() });
      await this.audit.record({ actor: user, action: 'policy.published', entityType: 'policy', entityId: id, details: { status: row.status } }, m);
    });
    return this.getForStaff(user, id);
  }

  /**
   * One step forward at a time. Opening the consultation needs a window
   * (start <= end); from consultation on a policy is public, so an
   * unpublished one is published by the same move.
   */
  async changeStatus(user: AuthUser, id: string, dto: ChangePolicyStatusDto): Promise<StaffPolicyDetail> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.loadForChange(m, user, id);
      const from = row.status;
      const to = dto.status;
      const allowed = nextPolicyStatuses(from);
      if (!allowed.includes(to)) {
        throw conflict(`Cannot move a policy from ${from} (${POLICY_STATUS_LABELS_ID[from]}) to ${to}. Allowed next: ${allowed.join(', ') || 'none (final state)'}`, [
          { field: 'status', problem: `allowed next states: ${allowed.join(', ') || 'none'}` },
        ]);
      }
      const start = dto.consultationStart ?? row.consultationStart;
      const end = dto.consultationEnd ?? row.consultationEnd;
      assertWindow(start, end);
      if (to === 'consultation') {
        if (!start) throw fieldError('consultationStart', 'is required to open the public consultation');
        if (!end) throw fieldError('consultationEnd', 'is required to open the public consultation');
      }
      const set: Partial<PolicyEntity> = { status: to, consultationStart: start ?? null, consultationEnd: end ?? null };
      const autoPublish = !row.publishedAt;
      if (autoPublish) set.publishedAt = new Date();
      await m.getRepository(PolicyEntity).update(id, set);
      await this.audit.record({ actor: user, action: 'policy.status_changed', entityType: 'policy', entityId: id, details: { from, to, consultationStart: start ?? null, consultationEnd: end ?? null } }, m);
      if (autoPublish) await this.audit.record({ actor: user, action: 'policy.published', entityType: 'policy', entityId: id, details: { status: to, automatic: true } }, m);
    });
    return this.getForStaff(user, id);
  }

  async linkAspirations(user: AuthUser, id: string, aspirationIds: string[]): Promise<StaffPolicyDetail> {
    await this.dataSource.transaction(async (m) => {
      await this.loadForChange(m, user, id);
      await this.link(m, user, id, aspirationIds);
    });
    return this.getForStaff(user, id);
  }

  // ---- helpers ----

  private async link(m: EntityManager, user: AuthUser, policyId: string, aspirationIds: string[]): Promise<void> {
    const found: { id: string }[] = await m.query('SELECT id FROM aspiration WHERE id = ANY($1::uuid[])', [aspirationIds]);
    const known = new Set(found.map((r) => r.id));
    const unknown = aspirationIds.filter((a) => !known.has(a.toLowerCase()));
    if (unknown.length) throw fieldError('aspirationIds', `unknown aspiration ids: ${unknown.join(', ')}`);
    const added: unknown[] = await m.query(
      `INSERT INTO policy_aspiration (policy_id, aspiration_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING aspiration_id`,
      [policyId, aspirationIds],
    );
    await this.audit.record({ actor: user, action: 'policy.aspirations_linked', entityType: 'policy', entityId: policyId, details: { aspirationIds, added: added.length } }, m);
  }

  /** Admin: the OPD named by opdCode (required). ASN: their own OPD only. */
  private async resolveOpd(user: AuthUser, opdCode: string | undefined): Promise<number> {
    if (user.role === 'admin') {
      if (!opdCode) throw fieldError('opdCode', 'is required for admins');
      const opd = await this.opd.findByCode(opdCode);
      if (!opd) throw fieldError('opdCode', `unknown OPD code "${opdCode}"`);
      return opd.id;
    }
    if (user.opdId == null) throw forbidden('Your account is not bound to an OPD');
    if (opdCode) {
      const opd = await this.opd.findByCode(opdCode);
      if (!opd) throw fieldError('opdCode', `unknown OPD code "${opdCode}"`);
      if (opd.id !== user.opdId) throw forbidden('An ASN may only create policies of their own OPD');
    }
    return user.opdId;
  }

  private canSee(user: AuthUser, row: { opd_id: number }): boolean {
    return user.role === 'admin' || row.opd_id === user.opdId;
  }

  /**
   * Locked for the change. Another OPD's unpublished policy is "not found"
   * (its existence is not that ASN's business); a published one is 403.
   */
  private async loadForChange(m: EntityManager, user: AuthUser, id: string): Promise<PolicyEntity> {
    const row = await m.getRepository(PolicyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('Policy');
    if (user.role !== 'admin' && row.opdId !== user.opdId) {
      if (!row.publishedAt) throw notFound('Policy');
      throw forbidden("Only ASN of the policy's OPD or an admin may change it");
    }
    return row;
  }

  private async row(id: string): Promise<(PolicyRow & { opd_id: number }) | undefined> {
    const [row] = await this.dataSource.query(`${POLICY_SELECT.replace('SELECT p.id,', 'SELECT p.id, p.opd_id,')} WHERE p.id = $1`, [id]);
    return row;
  }

  private async linkedAspirations(policyId: string): Promise<LinkedAspiration[]> {
    const rows = await this.dataSource.query(
      `SELECT a.id, a.tracking_code, a.public_title, a.public_text, a.status
       FROM policy_aspiration pa JOIN aspiration a ON a.id = pa.aspiration_id
       WHERE pa.policy_id = $1 ORDER BY pa.created_at, a.submitted_at`,
      [policyId],
    );
    return rows.map(toLinkedAspiration);
  }

  private async query(q: ListPoliciesDto, where: string[], params: unknown[]): Promise<{ rows: PolicyRow[]; page: number; limit: number; total: number }> {
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('p.status = ?', q.status);
    if (q.opd) {
      const opd = await this.opd.findByCode(q.opd);
      if (!opd) throw fieldError('opd', `unknown OPD code "${q.opd}"`);
      add('p.opd_id = ?', opd.id);
    }
    if (q.q) add(`to_tsvector('simple', p.title || ' ' || p.summary) @@ websearch_to_tsquery('simple', ?)`, q.q);
    const page = q.page ?? 1;
    const limit = q.limit ?? 20;
    params.push(limit, (page - 1) * limit);
    const rows: PolicyRow[] = await this.dataSource.query(
      `SELECT * FROM (${POLICY_SELECT.replace('SELECT p.id,', 'SELECT count(*) OVER ()::int AS total, p.id,')}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) x
       ORDER BY coalesce(x.published_at, x.created_at) DESC, x.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows, page, limit, total: rows[0]?.total ?? 0 };
  }
}
