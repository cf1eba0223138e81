import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AspirationStatus } from '@ogh/domain';
import { redactPii } from '@ogh/nlp-id';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { FieldEncryptionService } from '../../common/crypto/field-encryption.service';
import { badRequest, conflict, fieldError, forbidden, notFound } from '../../common/errors/domain.exception';
import { ErrorCode } from '../../common/errors/error-codes';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { CategoriesService } from '../../categories/categories.service';
import { OutboxService } from '../../outbox/outbox.service';
import { RegionsService } from '../../regions/regions.service';
import { SlaCalendarService } from '../sla/sla-calendar.service';
import { AspirationRepository } from './aspiration.repository';
import { PublicAspiration, toPublic, TrackingView } from './aspiration.views';
import { CategoryAssigner } from './category-assigner';
import { CreateAspirationDto } from './dto/create-aspiration.dto';
import { ListAspirationsDto } from './dto/list-aspirations.dto';
import { SubmissionBatcher, SubmissionValues } from './submission-batcher';
import { AspirationEntity } from './entities/aspiration.entity';
import { followUpKeyMatches, hashFollowUpKey, newFollowUpKey, newTrackingCode, normalizeTrackingCode } from './tracking-code';

export interface SubmissionReceipt {
  id: string;
  trackingCode: string;
  /** Shown once: lets the citizen add information, confirm or contest. */
  followUpKey: string;
  status: AspirationStatus;
  category: { code: string; assigned: boolean };
  opd: { code: string; name: string };
  dueVerifyAt: string;
  duePlanAt: string;
  trackingUrl: string;
}

/** Ids of open aspirations similar to a text in a kelurahan, best first; null when it cannot answer. */
export type SimilarityFinder = (text: string, kelurahanCode: string, limit: number) => string[] | null;

export const OUTBOX_TOPICS = {
  submitted: 'aspiration.submitted',
  statusChanged: 'aspiration.status_changed',
  replied: 'aspiration.replied',
  categoryCorrected: 'aspiration.category_corrected',
} as const;

/** What citizens do: submit, follow, add information, confirm, contest, support, browse. */
@Injectable()
export class AspirationService {
  private similarityFinder?: SimilarityFinder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AspirationRepository,
    private readonly regions: RegionsService,
    private readonly categories: CategoriesService,
    private readonly assigner: CategoryAssigner,
    private readonly calendar: SlaCalendarService,
    private readonly crypto: FieldEncryptionService,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: OutboxService,
    private readonly batcher: SubmissionBatcher,
  ) {}

  async submit(dto: CreateAspirationDto, caller: AuthUser | undefined, idempotencyKey: string | undefined, portalUrl: string) {
    const kelurahan = await this.regions.findKelurahan(dto.kelurahanCode);
    if (!kelurahan) throw fieldError('kelurahanCode', `unknown kelurahan code "${dto.kelurahanCode}"`);
    let category = dto.categoryCode ? await this.categories.find(dto.categoryCode) : undefined;
    if (dto.categoryCode && !category) throw fieldError('categoryCode', `unknown category code "${dto.categoryCode}"`);
    const assigned = !category;
    if (!category) category = await this.categories.find((await this.assigner.assign(dto.text)).code);
    if (!category) throw new Error('The category table is empty: load the reference data');
    if (dto.contact && !dto.contact.name && !dto.contact.phone && !dto.contact.email) {
      throw fieldError('contact', 'give a name, phone or e-mail, or leave contact out');
    }

    // Everything that reads through the pool happens before the transaction takes its connection.
    const submittedAt = new Date();
    const { dueVerifyAt, duePlanAt } = await this.calendar.deadlinesFor(submittedAt);

    const followUpKey = newFollowUpKey();
    const c = dto.contact;
    const normalizedContact = c ? (c.email?.toLowerCase() ?? (c.phone ? c.phone.replace(/^(\+62|62)/, '0') : null)) : null;
    const values: SubmissionValues = {
      followUpKeyHash: hashFollowUpKey(followUpKey),
      title: dto.title || null,
      publicTitle: dto.title ? redactPii(dto.title) : null,
      text: dto.text,
      publicText: redactPii(dto.text),
      categoryCode: category.code,
      categorySource: assigned ? 'auto' : 'citizen',
      kelurahanCode: kelurahan.code,
      kecamatanCode: kelurahan.kecamatanCode,
      latitude: dto.latitude ?? null,
      longitude: dto.longitude ?? null,
      address: dto.address || null,
      publicAddress: dto.address ? redactPii(dto.address) : null,
      channel: dto.channel ?? 'portal',
      opdId: category.defaultOpd.id,
      submitterUserId: caller?.id ?? null,
      submittedAt,
      dueVerifyAt,
      duePlanAt,
      contact: c
        ? {
            nameEnc: this.crypto.encrypt(c.name),
            phoneEnc: this.crypto.encrypt(c.phone),
            emailEnc: this.crypto.encrypt(c.email?.toLowerCase()),
            contactHash: normalizedContact ? this.crypto.lookupHash(normalizedContact) : null,
            wantsEmail: !!c.email,
          }
        : null,
      outboxTopic: OUTBOX_TOPICS.submitted,
    };
    const receipt = (id: string, trackingCode: string): SubmissionReceipt => ({
      id,
      trackingCode,
      followUpKey,
      status: 'received',
      category: { code: category!.code, assigned },
      opd: { code: category!.defaultOpd.code, name: category!.defaultOpd.name },
      dueVerifyAt: dueVerifyAt.toISOString(),
      duePlanAt: duePlanAt.toISOString(),
      trackingUrl: `${portalUrl}/lacak/${trackingCode}`,
    });
    const insert = async (m: EntityManager) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const trackingCode = newTrackingCode();
        const row = await this.repo.insertSubmission(m, { ...values, trackingCode });
        if (row) return { status: 201, body: receipt(row.id, trackingCode) };
      }
      throw new Error('Could not allocate a unique tracking code');
    };

    // Without a key the submission is committed with those arriving at the same moment (group commit);
    // with a key it shares a transaction with the key.
    let result: { status: number; body: SubmissionReceipt; replayed: boolean };
    if (idempotencyKey === undefined) {
      const row = await this.batcher.insert(values);
      result = { status: 201, body: receipt(row.id, row.trackingCode), replayed: false };
    } else {
      result = await this.idempotency.run<SubmissionReceipt>('aspiration.create', idempotencyKey, dto, insert);
    }
    if (!result.replayed) this.outbox.kick();
    return result;
  }

  async track(code: string): Promise<TrackingView> {
    const row = await this.findByCode(code);
    const full = await this.repo.publicById(row.id);
    const events = await this.repo.publicEvents(row.id);
    const now = new Date();
    const closed = !!row.closedAt;
    return {
      ...toPublic(full),
      dueVerifyAt: row.dueVerifyAt.toISOString(),
      duePlanAt: row.duePlanAt.toISOString(),
      dueCloseAt: row.dueCloseAt?.toISOString() ?? null,
      overdue: !!row.dueAt && row.dueAt < now && !closed,
      satisfaction: row.satisfaction,
      replies: events.filter((e) => e.kind === 'reply'),
      history: events.filter((e) => e.kind !== 'reply'),
      allowedCitizenActions: closed ? [] : row.status === 'resolved' ? ['add_info', 'confirm', 'contest'] : ['add_info'],
    };
  }

  private async findByCode(code: string): Promise<AspirationEntity> {
    const normalized = normalizeTrackingCode(code);
    if (!normalized) throw fieldError('code', 'is not a tracking code such as MDN-7K3Q-9XWA');
    const row = await this.dataSource.getRepository(AspirationEntity).findOne({ where: { trackingCode: normalized } });
    if (!row) throw notFound(`Aspiration ${normalized}`);
    return row;
  }

  /** Loads the aspiration for a citizen action, locked, after checking the follow-up key. */
  private async lockWithKey(m: EntityManager, code: string, key: string): Promise<AspirationEntity> {
    const found = await this.findByCode(code);
    const row = await m.getRepository(AspirationEntity).findOne({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !followUpKeyMatches(key, row.followUpKeyHash)) throw forbidden('The follow-up key does not match this aspiration', ErrorCode.Forbidden);
    return row;
  }

  async addInfo(code: string, key: string, text: string): Promise<TrackingView> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.lockWithKey(m, code, key);
      if (row.closedAt) throw conflict('This aspiration is closed; submit a new one');
      await this.repo.addEvent(m, { aspirationId: row.id, kind: 'citizen_info', body: text, publicBody: redactPii(text), isPublic: true, actorRole: 'citizen' });
      await m.query('UPDATE aspiration SET updated_at = now() WHERE id = $1', [row.id]);
    });
    return this.track(code);
  }

  async confirm(code: string, key: string, satisfaction: number, comment?: string): Promise<TrackingView> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.lockWithKey(m, code, key);
      if (row.status !== 'resolved' || row.closedAt) throw conflict('Only a resolved, open aspiration can be confirmed', [{ field: 'status', problem: `is ${row.status}${row.closedAt ? ' and closed' : ''}` }]);
      await m.query(`UPDATE aspiration SET closed_at = now(), close_reason = 'confirmed', satisfaction = $2, due_at = NULL, updated_at = now() WHERE id = $1`, [row.id, satisfaction]);
      await m.query(
        `INSERT INTO survey_response (kind, score, comment, public_comment, aspiration_id, opd_id) VALUES ('citizen_satisfaction', $1, $2, $3, $4, $5)`,
        [satisfaction, comment ?? null, comment ? redactPii(comment) : null, row.id, row.opdId],
      );
      await this.repo.addEvent(m, { aspirationId: row.id, kind: 'confirmed', isPublic: true, actorRole: 'citizen', body: comment ?? null, publicBody: comment ? redactPii(comment) : null, meta: { satisfaction } });
    });
    return this.track(code);
  }

  async contest(code: string, key: string, reason: string): Promise<TrackingView> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.lockWithKey(m, code, key);
      if (row.status !== 'resolved' || row.closedAt) throw conflict('Only a resolved, open aspiration can be contested', [{ field: 'status', problem: `is ${row.status}${row.closedAt ? ' and closed' : ''}` }]);
      await m.query(
        `UPDATE aspiration SET status = 'in_progress', resolved_at = NULL, due_close_at = NULL, due_at = NULL, reopen_count = reopen_count + 1, updated_at = now() WHERE id = $1`,
        [row.id],
      );
      await this.repo.addEvent(m, { aspirationId: row.id, kind: 'contested', fromStatus: 'resolved', toStatus: 'in_progress', body: reason, publicBody: redactPii(reason), isPublic: true, actorRole: 'citizen' });
      await this.outbox.add(m, OUTBOX_TOPICS.statusChanged, { aspirationId: row.id, from: 'resolved', to: 'in_progress', byCitizen: true });
    });
    this.outbox.kick();
    return this.track(code);
  }

  /** One support per person: a signed-in user, or the portal's anonymous supporter id. */
  async support(id: string, caller: AuthUser | undefined, supporterId: string | undefined): Promise<{ supportCount: number; alreadySupported: boolean }> {
    if (!caller && !supporterId) throw fieldError('supporterId', 'is required when not signed in');
    const supporterHash = this.crypto.lookupHash(caller ? `user:${caller.id}` : `anon:${supporterId}`);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT id, closed_at FROM aspiration WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw notFound('Aspiration');
      if (row.closed_at) throw conflict('This aspiration is closed and can no longer be supported');
      const inserted: unknown[] = await m.query(
        'INSERT INTO aspiration_support (aspiration_id, supporter_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [id, supporterHash],
      );
      const [{ support_count }] = inserted.length
        ? (await m.query('UPDATE aspiration SET support_count = support_count + 1 WHERE id = $1 RETURNING support_count', [id]))[0]
        : await m.query('SELECT support_count FROM aspiration WHERE id = $1', [id]);
      return { supportCount: support_count, alreadySupported: !inserted.length };
    });
  }

  /** The insight engine plugs in its near-duplicate index; PostgreSQL full-text search answers without it and fills up its list. */
  useSimilarityFinder(finder: SimilarityFinder): void {
    this.similarityFinder = finder;
  }

  async similar(text: string, kelurahanCode: string): Promise<PublicAspiration[]> {
    if (!(await this.regions.findKelurahan(kelurahanCode))) throw fieldError('kelurahan', `unknown kelurahan code "${kelurahanCode}"`);
    const limit = 5;
    const ids = this.similarityFinder?.(text, kelurahanCode, limit) ?? [];
    const rows = ids.length ? await this.repo.openByIds(ids) : [];
    // Aspirations sent seconds ago may not be in the index yet: full-text search fills the list.
    if (rows.length < limit) {
      const seen = new Set(rows.map((r) => r.id));
      for (const r of await this.repo.similarOpen(text, kelurahanCode, limit)) if (!seen.has(r.id) && rows.length < limit) rows.push(r);
    }
    return rows.map(toPublic);
  }

  async list(q: ListAspirationsDto): Promise<{ items: PublicAspiration[]; nextCursor: string | null }> {
    if (q.from && q.to && q.from > q.to) throw badRequest('from must not be after to', [{ field: 'from', problem: 'is after to' }]);
    const page = await this.repo.publicList(q);
    return { items: page.rows.map(toPublic), nextCursor: page.nextCursor };
  }

  stats() {
    return this.repo.publicStats();
  }

  /** The category the system would assign to a text (the portal suggests it while the citizen types). */
  async suggestCategory(text: string): Promise<{ code: string; label: string; confidence: number }> {
    const guess = await this.assigner.assign(text);
    const category = await this.categories.find(guess.code);
    return { code: guess.code, label: category?.labelId ?? guess.code, confidence: Math.round(guess.confidence * 100) / 100 };
  }

  async getPublic(id: string): Promise<PublicAspiration> {
    return toPublic(await this.repo.publicById(id));
  }
}
