import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AspirationStatus } from '@ogh/domain';
import { redactPii } from '@ogh/nlp-id';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { FieldEncryptionService } from '../../common/crypto/field-encryption.service';
import { conflict, fieldError, notFound } from '../../common/errors/domain.exception';
import { CategoriesService } from '../../categories/categories.service';
import { OpdService } from '../../opd/opd.service';
import { OutboxService } from '../../outbox/outbox.service';
import { SlaCalendarService } from '../sla/sla-calendar.service';
import { AspirationRepository, InboxRow, StaffEvent } from './aspiration.repository';
import { OUTBOX_TOPICS } from './aspiration.service';
import { PublicAspiration, toPublic } from './aspiration.views';
import { InboxQueryDto } from './dto/list-aspirations.dto';
import { AspirationEntity } from './entities/aspiration.entity';
import { allowedNext, assertTransition } from './workflow';

export interface InboxItem extends PublicAspiration {
  originalText: string;
  originalTitle: string | null;
  dueAt: string | null;
  dueVerifyAt: string;
  duePlanAt: string;
  dueCloseAt: string | null;
  overdue: boolean;
  breached: { verify: boolean; plan: boolean };
  categorySource: string;
  hasContact: boolean;
  firstReplyAt: string | null;
  allowedNext: AspirationStatus[];
}

export interface StaffDetail extends InboxItem {
  address: string | null;
  policyId: string | null;
  events: StaffEvent[];
}

export interface BulkResult {
  id: string;
  ok: boolean;
  status?: number;
  error?: string;
}

function inboxItem(r: InboxRow): InboxItem {
  return {
    ...toPublic(r),
    originalText: r.text,
    originalTitle: r.title,
    dueAt: r.due_at?.toISOString() ?? null,
    dueVerifyAt: r.due_verify_at.toISOString(),
    duePlanAt: r.due_plan_at.toISOString(),
    dueCloseAt: r.due_close_at?.toISOString() ?? null,
    overdue: r.overdue,
    breached: { verify: r.breached_verify, plan: r.breached_plan },
    categorySource: r.category_source,
    hasContact: !r.is_anonymous,
    firstReplyAt: r.first_reply_at?.toISOString() ?? null,
    allowedNext: r.closed_at ? [] : allowedNext(r.status),
  };
}

/**
 * What ASN do with the aspirations routed to their OPD (admins: all of them):
 * triage, reply, note, move through the workflow, re-route, correct the
 * category, read contact details (audited), act on many at once.
 */
@Injectable()
export class AspirationWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AspirationRepository,
    private readonly opd: OpdService,
    private readonly categories: CategoriesService,
    private readonly calendar: SlaCalendarService,
    private readonly crypto: FieldEncryptionService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** An ASN acts for one OPD; an admin for all. */
  private scope(user: AuthUser): number | null {
    return user.role === 'admin' ? null : user.opdId;
  }

  async inbox(user: AuthUser, q: InboxQueryDto): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const page = await this.repo.inbox(q, this.scope(user));
    return { items: page.rows.map(inboxItem), nextCursor: page.nextCursor };
  }

  async detail(user: AuthUser, id: string): Promise<StaffDetail> {
    await this.loadInScope(this.dataSource.manager, user, id, false);
    const row = await this.repo.inboxById(id);
    return { ...inboxItem(row), address: row.address, policyId: row.policy_id, events: await this.repo.allEvents(id) };
  }

  /** Another OPD's aspiration is reported as not found: its existence is not an ASN's business. */
  private async loadInScope(m: EntityManager, user: AuthUser, id: string, lock: boolean): Promise<AspirationEntity> {
    const row = await m.getRepository(AspirationEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const scope = this.scope(user);
    if (!row || (scope !== null && row.opdId !== scope)) throw notFound('Aspiration');
    return row;
  }

  async changeStatus(user: AuthUser, id: string, to: AspirationStatus, reason?: string, policyId?: string): Promise<StaffDetail> {
    await this.dataSource.transaction((m) => this.applyStatus(m, user, id, to, reason, policyId));
    this.outbox.kick();
    return this.detail(user, id);
  }

  private async applyStatus(m: EntityManager, user: AuthUser, id: string, to: AspirationStatus, reason?: string, policyId?: string): Promise<void> {
    const row = await this.loadInScope(m, user, id, true);
    const from = row.status;
    if (row.closedAt && !(from === 'resolved' && to === 'in_progress')) throw conflict('This aspiration is closed', [{ field: 'status', problem: 'closed aspirations cannot change status' }]);
    assertTransition(from, to);
    if (to === 'rejected' && !reason) throw fieldError('reason', 'is required when rejecting');
    if (to === 'adopted') {
      if (!policyId) throw fieldError('policyId', 'is required when the aspiration becomes policy');
      const [policy] = await m.query('SELECT id FROM policy WHERE id = $1', [policyId]);
      if (!policy) throw fieldError('policyId', 'unknown policy');
    }
    const now = new Date();
    const set: Partial<AspirationEntity> = { status: to };
    switch (to) {
      case 'verified':
        set.verifiedAt = row.verifiedAt ?? now;
        set.breachedVerify = row.breachedVerify || now > row.dueVerifyAt;
        set.dueAt = row.duePlanAt;
        break;
      case 'in_progress':
        set.plannedAt = row.plannedAt ?? now;
        set.breachedPlan = row.breachedPlan || (!row.plannedAt && now > row.duePlanAt);
        set.dueAt = null;
        if (from === 'resolved') {
          set.resolvedAt = null;
          set.dueCloseAt = null;
          set.closedAt = null;
          set.closeReason = null;
          set.reopenCount = row.reopenCount + 1;
        }
        break;
      case 'resolved':
        set.resolvedAt = now;
        set.dueCloseAt = await this.calendar.autoCloseAt(now);
        set.dueAt = set.dueCloseAt;
        break;
      case 'rejected':
        set.closedAt = now;
        set.closeReason = 'rejected';
        set.rejectionReason = reason!;
        set.dueAt = null;
        break;
      case 'adopted':
        set.closedAt = now;
        set.closeReason = 'adopted';
        set.policyId = policyId!;
        set.dueAt = null;
        await m.query('INSERT INTO policy_aspiration (policy_id, aspiration_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [policyId, id]);
        break;
      default:
        break;
    }
    await m.getRepository(AspirationEntity).update(id, set);
    await this.repo.addEvent(m, {
      aspirationId: id,
      kind: 'status_changed',
      fromStatus: from,
      toStatus: to,
      body: reason ?? null,
      publicBody: reason ? redactPii(reason) : null,
      isPublic: true,
      actorUserId: user.id,
      actorRole: user.role,
      actorOpdId: user.opdId,
      meta: policyId ? { policyId } : null,
    });
    await this.outbox.add(m, OUTBOX_TOPICS.statusChanged, { aspirationId: id, from, to });
    await this.audit.record({ actor: user, action: 'aspiration.status_changed', entityType: 'aspiration', entityId: id, details: { from, to } }, m);
  }

  async reply(user: AuthUser, id: string, body: string): Promise<StaffDetail> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.loadInScope(m, user, id, true);
      if (row.closedAt) throw conflict('This aspiration is closed');
      await this.repo.addEvent(m, { aspirationId: id, kind: 'reply', body, publicBody: redactPii(body), isPublic: true, actorUserId: user.id, actorRole: user.role, actorOpdId: user.opdId ?? row.opdId });
      if (!row.firstReplyAt) await m.query('UPDATE aspiration SET first_reply_at = now() WHERE id = $1', [id]);
      await this.outbox.add(m, OUTBOX_TOPICS.replied, { aspirationId: id });
    });
    this.outbox.kick();
    return this.detail(user, id);
  }

  async note(user: AuthUser, id: string, body: string): Promise<StaffDetail> {
    await this.dataSource.transaction(async (m) => {
      await this.loadInScope(m, user, id, false);
      await this.repo.addEvent(m, { aspirationId: id, kind: 'note', body, isPublic: false, actorUserId: user.id, actorRole: user.role, actorOpdId: user.opdId });
    });
    return this.detail(user, id);
  }

  async reroute(user: AuthUser, id: string, opdCode: string, reason: string): Promise<{ id: string; opd: { code: string; name: string } }> {
    const target = await this.opd.findByCode(opdCode);
    if (!target) throw fieldError('opdCode', `unknown OPD code "${opdCode}"`);
    await this.dataSource.transaction((m) => this.applyReroute(m, user, id, target, reason));
    return { id, opd: { code: target.code, name: target.name } };
  }

  private async applyReroute(m: EntityManager, user: AuthUser, id: string, target: { id: number; code: string; name: string }, reason: string): Promise<void> {
    const row = await this.loadInScope(m, user, id, true);
    if (row.closedAt) throw conflict('This aspiration is closed');
    if (row.opdId === target.id) throw conflict(`Already routed to ${target.name}`);
    const [fromOpd] = await m.query('SELECT name FROM opd WHERE id = $1', [row.opdId]);
    await m.query('UPDATE aspiration SET opd_id = $2, updated_at = now() WHERE id = $1', [id, target.id]);
    await this.repo.addEvent(m, {
      aspirationId: id, kind: 'rerouted', body: reason, isPublic: true, actorUserId: user.id, actorRole: user.role, actorOpdId: user.opdId,
      meta: { fromOpdId: row.opdId, fromOpdName: fromOpd?.name, toOpdId: target.id, toOpdName: target.name },
    });
    await this.audit.record({ actor: user, action: 'aspiration.rerouted', entityType: 'aspiration', entityId: id, details: { from: row.opdId, to: target.id, reason } }, m);
  }

  /** An ASN correction of the category; kept as a label for the classifier. */
  async recategorize(user: AuthUser, id: string, categoryCode: string): Promise<StaffDetail> {
    const category = await this.categories.find(categoryCode);
    if (!category) throw fieldError('categoryCode', `unknown category code "${categoryCode}"`);
    await this.dataSource.transaction(async (m) => {
      const row = await this.loadInScope(m, user, id, true);
      if (row.categoryCode === categoryCode) return;
      await m.query(`UPDATE aspiration SET category_code = $2, category_source = 'asn', updated_at = now() WHERE id = $1`, [id, categoryCode]);
      await this.repo.addEvent(m, { aspirationId: id, kind: 'category_changed', isPublic: false, actorUserId: user.id, actorRole: user.role, actorOpdId: user.opdId, meta: { from: row.categoryCode, to: categoryCode } });
      // The correction becomes a training label for the classifier.
      await this.outbox.add(m, OUTBOX_TOPICS.categoryCorrected, { aspirationId: id, categoryCode, by: user.id });
    });
    this.outbox.kick();
    return this.detail(user, id);
  }

  /** Contact details, decrypted for the assigned OPD or an admin; every read is audited. */
  async contact(user: AuthUser, id: string, requestId?: string): Promise<{ name: string | null; phone: string | null; email: string | null; consent: boolean }> {
    await this.loadInScope(this.dataSource.manager, user, id, false);
    const [c] = await this.dataSource.query('SELECT name_enc, phone_enc, email_enc, consent FROM aspiration_contact WHERE aspiration_id = $1', [id]);
    if (!c) throw notFound('Contact details (the aspiration was sent anonymously)');
    await this.audit.record({ actor: user, action: 'aspiration.contact_read', entityType: 'aspiration', entityId: id, requestId });
    return { name: this.crypto.decrypt(c.name_enc), phone: this.crypto.decrypt(c.phone_enc), email: this.crypto.decrypt(c.email_enc), consent: c.consent };
  }

  /** Applies one action to many aspirations; each succeeds or fails on its own. */
  async bulk(user: AuthUser, input: { ids: string[]; action: 'status' | 'reroute'; status?: AspirationStatus; reason?: string; policyId?: string; opdCode?: string }): Promise<{ results: BulkResult[] }> {
    if (input.action === 'status' && !input.status) throw fieldError('status', 'is required for the status action');
    let target: { id: number; code: string; name: string } | null = null;
    if (input.action === 'reroute') {
      if (!input.opdCode) throw fieldError('opdCode', 'is required for the reroute action');
      if (!input.reason) throw fieldError('reason', 'is required for the reroute action');
      target = await this.opd.findByCode(input.opdCode);
      if (!target) throw fieldError('opdCode', `unknown OPD code "${input.opdCode}"`);
    }
    const results: BulkResult[] = [];
    for (const id of input.ids) {
      try {
        await this.dataSource.transaction((m) =>
          input.action === 'status' ? this.applyStatus(m, user, id, input.status!, input.reason, input.policyId) : this.applyReroute(m, user, id, target!, input.reason!),
        );
        results.push({ id, ok: true });
      } catch (err) {
        const e = err as { getStatus?: () => number; message: string };
        if (!e.getStatus) throw err;
        results.push({ id, ok: false, status: e.getStatus(), error: e.message });
      }
    }
    this.outbox.kick();
    return { results };
  }
}
