import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ASPIRATION_STATUS_LABELS_ID, AspirationStatus } from '@ogh/domain';
import { DataSource, EntityManager } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/domain.exception';
import { PUBLIC_COLUMNS, PUBLIC_JOINS, PublicEvent, PublicRow } from './aspiration.views';
import { InboxQueryDto, ListAspirationsDto } from './dto/list-aspirations.dto';
import { AspirationEventEntity } from './entities/aspiration-event.entity';

export interface NewEvent {
  aspirationId: string;
  kind: AspirationEventEntity['kind'];
  fromStatus?: string | null;
  toStatus?: string | null;
  body?: string | null;
  publicBody?: string | null;
  isPublic: boolean;
  actorUserId?: string | null;
  actorRole: string;
  actorOpdId?: number | null;
  meta?: Record<string, unknown> | null;
}

export interface NewSubmission {
  trackingCode: string;
  followUpKeyHash: string;
  title: string | null;
  publicTitle: string | null;
  text: string;
  publicText: string;
  categoryCode: string;
  categorySource: 'citizen' | 'auto';
  kelurahanCode: string;
  kecamatanCode: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  publicAddress: string | null;
  channel: string;
  opdId: number;
  submitterUserId: string | null;
  submittedAt: Date;
  dueVerifyAt: Date;
  duePlanAt: Date;
  contact: { nameEnc: Buffer | null; phoneEnc: Buffer | null; emailEnc: Buffer | null; contactHash: string | null; wantsEmail: boolean } | null;
  outboxTopic: string;
}

export interface PublicStats {
  thisMonth: number;
  total: number;
  verifiedOnTimeShare: number | null;
  averageSatisfaction: number | null;
  satisfactionResponses: number;
  averageHours: { toVerify: number | null; toFirstReply: number | null; toResolve: number | null };
  byKecamatan: { code: string; name: string; count: number }[];
  byCategory: { code: string; label: string; count: number }[];
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === arity) return parts;
  } catch {
    // falls through to the field error
  }
  throw fieldError('cursor', 'is not a cursor returned by this list');
}

/** What staff see beyond the public columns: original text and the SLA state. */
const STAFF_COLUMNS = `${PUBLIC_COLUMNS}, a.text, a.title, a.address, a.due_at, a.due_verify_at, a.due_plan_at, a.due_close_at,
  a.category_source, a.breached_verify, a.breached_plan, a.is_anonymous, a.first_reply_at, a.policy_id,
  (a.due_at IS NOT NULL AND a.due_at < now() AND a.closed_at IS NULL) AS overdue`;

/** The SQL of aspirations: public lists, similarity, the ASN inbox. */
@Injectable()
export class AspirationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async addEvent(m: EntityManager, e: NewEvent): Promise<void> {
    await m.insert(AspirationEventEntity, {
      aspirationId: e.aspirationId,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      body: e.body ?? null,
      publicBody: e.publicBody ?? null,
      isPublic: e.isPublic,
      actorUserId: e.actorUserId ?? null,
      actorRole: e.actorRole,
      actorOpdId: e.actorOpdId ?? null,
      meta: (e.meta ?? null) as never,
    });
  }

  /**
   * A submission in ONE statement: the aspiration, its contact, its first
   * event and its outbox message are written atomically in a single round
   * trip. Returns null when the tracking code collided (caller retries).
   */
  async insertSubmission(m: EntityManager, v: NewSubmission): Promise<{ id: string } | null> {
    const rows = await this.prepared<{ id: string }>(
      m,
      'ogh_insert_submission',
      `WITH a AS (
         INSERT INTO aspiration (tracking_code, follow_up_key_hash, title, public_title, text, public_text, category_code, category_source,
           kelurahan_code, kecamatan_code, latitude, longitude, address, public_address, channel, status, opd_id, submitter_user_id,
           is_anonymous, submitted_at, due_verify_at, due_plan_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'received', $16, $17, $18, $19, $20, $21, $20)
         ON CONFLICT (tracking_code) DO NOTHING RETURNING id),
       c AS (
         INSERT INTO aspiration_contact (aspiration_id, name_enc, phone_enc, email_enc, contact_hash, consent, wants_email)
         SELECT id, $22, $23, $24, $25, true, $26 FROM a WHERE $27::boolean RETURNING 1),
       e AS (
         INSERT INTO aspiration_event (aspiration_id, kind, to_status, is_public, actor_user_id, actor_role, meta)
         SELECT id, 'submitted', 'received', true, $17, 'citizen', jsonb_build_object('channel', $15::text) FROM a RETURNING 1),
       o AS (
         INSERT INTO outbox (topic, payload) SELECT $28, jsonb_build_object('aspirationId', id) FROM a RETURNING 1)
       SELECT id FROM a`,
      [
        v.trackingCode, v.followUpKeyHash, v.title, v.publicTitle, v.text, v.publicText, v.categoryCode, v.categorySource,
        v.kelurahanCode, v.kecamatanCode, v.latitude, v.longitude, v.address, v.publicAddress, v.channel, v.opdId, v.submitterUserId,
        !v.contact, v.submittedAt, v.dueVerifyAt, v.duePlanAt,
        v.contact?.nameEnc ?? null, v.contact?.phoneEnc ?? null, v.contact?.emailEnc ?? null, v.contact?.contactHash ?? null, v.contact?.wantsEmail ?? false, !!v.contact,
        v.outboxTopic,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Many submissions in ONE statement, committed together (group commit):
   * the same four writes as `insertSubmission`, as multi-row INSERTs from
   * arrays. Tracking codes must be distinct within the batch. Returns the id
   * of each tracking code written; a code that collided with an existing one
   * is missing from the map (the caller retries it with a new code).
   */
  async insertSubmissions(batch: NewSubmission[]): Promise<Map<string, string>> {
    const col = <T>(pick: (v: NewSubmission) => T) => batch.map(pick);
    const rows = await this.prepared<{ id: string; tracking_code: string }>(
      this.dataSource.manager,
      'ogh_insert_submissions',
      `WITH v AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::text[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::text[], $16::int[], $17::uuid[], $18::timestamptz[],
           $19::timestamptz[], $20::timestamptz[], $21::bytea[], $22::bytea[], $23::bytea[], $24::text[], $25::boolean[], $26::boolean[], $27::text[])
           AS v(tracking_code, follow_up_key_hash, title, public_title, text, public_text, category_code, category_source, kelurahan_code,
             kecamatan_code, latitude, longitude, address, public_address, channel, opd_id, submitter_user_id, submitted_at,
             due_verify_at, due_plan_at, name_enc, phone_enc, email_enc, contact_hash, wants_email, has_contact, outbox_topic)),
       a AS (
         INSERT INTO aspiration (tracking_code, follow_up_key_hash, title, public_title, text, public_text, category_code, category_source,
           kelurahan_code, kecamatan_code, latitude, longitude, address, public_address, channel, status, opd_id, submitter_user_id,
           is_anonymous, submitted_at, due_verify_at, due_plan_at, due_at)
         SELECT tracking_code, follow_up_key_hash, title, public_title, text, public_text, category_code, category_source,
           kelurahan_code, kecamatan_code, latitude, longitude, address, public_address, channel, 'received', opd_id, submitter_user_id,
           NOT has_contact, submitted_at, due_verify_at, due_plan_at, due_verify_at
         FROM v
         ON CONFLICT (tracking_code) DO NOTHING RETURNING id, tracking_code, submitter_user_id, channel),
       c AS (
         INSERT INTO aspiration_contact (aspiration_id, name_enc, phone_enc, email_enc, contact_hash, consent, wants_email)
         SELECT a.id, v.name_enc, v.phone_enc, v.email_enc, v.contact_hash, true, v.wants_email FROM a JOIN v USING (tracking_code) WHERE v.has_contact RETURNING 1),
       e AS (
         INSERT INTO aspiration_event (aspiration_id, kind, to_status, is_public, actor_user_id, actor_role, meta)
         SELECT id, 'submitted', 'received', true, submitter_user_id, 'citizen', jsonb_build_object('channel', channel::text) FROM a RETURNING 1),
       o AS (
         INSERT INTO outbox (topic, payload) SELECT v.outbox_topic, jsonb_build_object('aspirationId', a.id) FROM a JOIN v USING (tracking_code) RETURNING 1)
       SELECT id, tracking_code FROM a`,
      [
        col((v) => v.trackingCode), col((v) => v.followUpKeyHash), col((v) => v.title), col((v) => v.publicTitle), col((v) => v.text),
        col((v) => v.publicText), col((v) => v.categoryCode), col((v) => v.categorySource), col((v) => v.kelurahanCode),
        col((v) => v.kecamatanCode), col((v) => v.latitude), col((v) => v.longitude), col((v) => v.address), col((v) => v.publicAddress),
        col((v) => v.channel), col((v) => v.opdId), col((v) => v.submitterUserId), col((v) => v.submittedAt), col((v) => v.dueVerifyAt),
        col((v) => v.duePlanAt), col((v) => v.contact?.nameEnc ?? null), col((v) => v.contact?.phoneEnc ?? null),
        col((v) => v.contact?.emailEnc ?? null), col((v) => v.contact?.contactHash ?? null), col((v) => v.contact?.wantsEmail ?? false),
        col((v) => !!v.contact), col((v) => v.outboxTopic),
      ],
    );
    return new Map(rows.map((r) => [r.tracking_code, r.id]));
  }

  /**
   * A named prepared statement: PostgreSQL parses the hot submission SQL once
   * per connection instead of on every request. Uses the transaction's
   * connection when there is one, the pool otherwise.
   */
  private async prepared<T>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
    type PgQueryable = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    const runner = m.queryRunner as { isTransactionActive?: boolean; databaseConnection?: PgQueryable } | undefined;
    const target: PgQueryable = runner?.isTransactionActive && runner.databaseConnection ? runner.databaseConnection : (this.dataSource.driver as unknown as { master: PgQueryable }).master;
    return (await target.query({ name, text, values })).rows;
  }

  async publicById(id: string): Promise<PublicRow> {
    const [row] = await this.dataSource.query(`SELECT ${PUBLIC_COLUMNS} FROM aspiration a ${PUBLIC_JOINS} WHERE a.id = $1`, [id]);
    if (!row) throw notFound('Aspiration');
    return row;
  }

  /** Public history: never internal notes, never original (unredacted) text. */
  async publicEvents(aspirationId: string): Promise<PublicEvent[]> {
    const rows: { kind: string; created_at: Date; from_status: string | null; to_status: string | null; public_body: string | null; actor_role: string; opd_name: string | null; meta: Record<string, unknown> | null }[] =
      await this.dataSource.query(
        `SELECT e.kind, e.created_at, e.from_status, e.to_status, e.public_body, e.actor_role, o.name AS opd_name, e.meta
         FROM aspiration_event e LEFT JOIN opd o ON o.id = e.actor_opd_id
         WHERE e.aspiration_id = $1 AND e.is_public ORDER BY e.created_at, e.id`,
        [aspirationId],
      );
    return rows.map((r) => ({
      kind: r.kind,
      at: r.created_at.toISOString(),
      fromStatus: r.from_status,
      toStatus: r.to_status,
      text: r.kind === 'rerouted' ? `Dialihkan ke ${String(r.meta?.toOpdName ?? 'OPD lain')}` : r.public_body,
      by: r.actor_role === 'citizen' ? 'Warga' : r.actor_role === 'system' ? 'Sistem' : (r.opd_name ?? 'Pemerintah Kota Madiun'),
    }));
  }

  /** Figures for the portal's home and statistics pages (last 90 days unless stated). */
  async publicStats(): Promise<PublicStats> {
    const [r] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM aspiration WHERE submitted_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta') AS this_month,
         (SELECT count(*)::int FROM aspiration) AS total,
         (SELECT avg((verified_at <= due_verify_at)::int)::float FROM aspiration WHERE verified_at IS NOT NULL AND submitted_at > now() - interval '90 days') AS on_time,
         (SELECT avg(score)::float FROM survey_response WHERE kind = 'citizen_satisfaction' AND created_at > now() - interval '90 days') AS satisfaction,
         (SELECT count(*)::int FROM survey_response WHERE kind = 'citizen_satisfaction' AND created_at > now() - interval '90 days') AS responses`,
    );
    const round2 = (v: number | null) => (v == null ? null : Math.round(v * 100) / 100);
    const [times] = await this.dataSource.query(
      `SELECT avg(extract(epoch FROM verified_at - submitted_at) / 3600)::float AS to_verify,
              avg(extract(epoch FROM first_reply_at - submitted_at) / 3600)::float AS to_reply,
              avg(extract(epoch FROM resolved_at - submitted_at) / 3600)::float AS to_resolve
       FROM aspiration WHERE submitted_at > now() - interval '90 days'`,
    );
    const byKecamatan = await this.dataSource.query(
      `SELECT k.code, k.name, count(a.id)::int AS count FROM kecamatan k LEFT JOIN aspiration a ON a.kecamatan_code = k.code AND a.submitted_at > now() - interval '90 days'
       GROUP BY k.code, k.name ORDER BY k.name`,
    );
    const byCategory = await this.dataSource.query(
      `SELECT c.code, c.label_id AS label, count(a.id)::int AS count FROM category c LEFT JOIN aspiration a ON a.category_code = c.code AND a.submitted_at > now() - interval '90 days'
       GROUP BY c.code, c.label_id, c.sort_order ORDER BY c.sort_order`,
    );
    return {
      thisMonth: r.this_month,
      total: r.total,
      verifiedOnTimeShare: round2(r.on_time),
      averageSatisfaction: round2(r.satisfaction),
      satisfactionResponses: r.responses,
      averageHours: { toVerify: round2(times.to_verify), toFirstReply: round2(times.to_reply), toResolve: round2(times.to_resolve) },
      byKecamatan,
      byCategory,
    };
  }

  /** Open aspirations by id, in the order given. */
  async openByIds(ids: string[]): Promise<PublicRow[]> {
    if (!ids.length) return [];
    const rows: PublicRow[] = await this.dataSource.query(
      `SELECT ${PUBLIC_COLUMNS} FROM aspiration a ${PUBLIC_JOINS}
       WHERE a.id = ANY($1::uuid[]) AND a.closed_at IS NULL AND a.status NOT IN ('rejected', 'adopted')`,
      [ids],
    );
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  }

  /** Open aspirations in the same kelurahan sharing words with the text, best match first. */
  async similarOpen(text: string, kelurahanCode: string, limit: number): Promise<PublicRow[]> {
    const words = [...new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 40);
    if (!words.length) return [];
    return this.dataSource.query(
      `SELECT ${PUBLIC_COLUMNS}, ts_rank(to_tsvector('simple', a.public_text), q) AS rank
       FROM aspiration a ${PUBLIC_JOINS}, to_tsquery('simple', $2) q
       WHERE a.kelurahan_code = $1 AND a.closed_at IS NULL AND a.status NOT IN ('rejected', 'adopted')
         AND a.submitted_at > now() - interval '120 days'
         AND to_tsvector('simple', a.public_text) @@ q
       ORDER BY rank DESC, a.support_count DESC, a.submitted_at DESC LIMIT $3`,
      [kelurahanCode, words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' | '), limit],
    );
  }

  private filters(q: ListAspirationsDto, params: unknown[]): string[] {
    const where: string[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('a.status = ?', q.status);
    if (q.category) add('a.category_code = ?', q.category);
    if (q.kecamatan) add('a.kecamatan_code = ?', q.kecamatan);
    if (q.kelurahan) add('a.kelurahan_code = ?', q.kelurahan);
    if (q.from) add(`a.submitted_at >= (?::date - interval '7 hours')`, q.from.slice(0, 10));
    if (q.to) add(`a.submitted_at < (?::date + interval '1 day' - interval '7 hours')`, q.to.slice(0, 10));
    if (q.q) add(`to_tsvector('simple', coalesce(a.public_title, '') || ' ' || a.public_text) @@ websearch_to_tsquery('simple', ?)`, q.q);
    return where;
  }

  /** Newest first, keyset-paginated on (submitted_at, id). */
  async publicList(q: ListAspirationsDto): Promise<Page<PublicRow>> {
    const params: unknown[] = [];
    const where = this.filters(q, params);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
      params.push(at, id);
      where.push(`(a.submitted_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const limit = q.limit ?? 20;
    params.push(limit + 1);
    const rows: PublicRow[] = await this.dataSource.query(
      `SELECT ${PUBLIC_COLUMNS} FROM aspiration a ${PUBLIC_JOINS}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.submitted_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: more && last ? encodeCursor([last.submitted_at.toISOString(), last.id]) : null };
  }

  /** The OPD's inbox, soonest SLA deadline first (no deadline last), keyset-paginated. */
  async inbox(q: InboxQueryDto, opdId: number | null): Promise<Page<InboxRow>> {
    const params: unknown[] = [];
    const where = this.filters(q, params);
    if (opdId !== null) {
      params.push(opdId);
      where.push(`a.opd_id = $${params.length}`);
    }
    if (!q.includeClosed) where.push('a.closed_at IS NULL');
    if (q.overdue) where.push('a.due_at < now()');
    const sortKey = `coalesce(a.due_at, 'infinity'::timestamptz)`;
    if (q.cursor) {
      const [due, id] = decodeCursor(q.cursor, 2) as [string, string];
      params.push(due, id);
      where.push(`(${sortKey}, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const limit = q.limit ?? 50;
    params.push(limit + 1);
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT ${STAFF_COLUMNS}, ${sortKey} AS sort_due
       FROM aspiration a ${PUBLIC_JOINS}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${sortKey} ASC, a.id ASC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: more && last ? encodeCursor([new Date(last.sort_due).toISOString(), last.id]) : null };
  }

  async inboxById(id: string): Promise<InboxRow> {
    const [row] = await this.dataSource.query(`SELECT ${STAFF_COLUMNS}, a.due_at AS sort_due FROM aspiration a ${PUBLIC_JOINS} WHERE a.id = $1`, [id]);
    if (!row) throw notFound('Aspiration');
    return row;
  }

  async allEvents(aspirationId: string): Promise<StaffEvent[]> {
    const rows = await this.dataSource.query(
      `SELECT e.id, e.kind, e.created_at, e.from_status, e.to_status, e.body, e.is_public, e.actor_role, u.name AS actor_name, o.name AS opd_name, e.meta
       FROM aspiration_event e LEFT JOIN app_user u ON u.id = e.actor_user_id LEFT JOIN opd o ON o.id = e.actor_opd_id
       WHERE e.aspiration_id = $1 ORDER BY e.created_at, e.id`,
      [aspirationId],
    );
    return rows.map((r: Record<string, any>) => ({
      id: String(r.id),
      kind: r.kind,
      at: r.created_at.toISOString(),
      fromStatus: r.from_status,
      toStatus: r.to_status,
      fromStatusLabel: r.from_status ? ASPIRATION_STATUS_LABELS_ID[r.from_status as AspirationStatus] : null,
      toStatusLabel: r.to_status ? ASPIRATION_STATUS_LABELS_ID[r.to_status as AspirationStatus] : null,
      text: r.body,
      isPublic: r.is_public,
      actor: r.actor_name ?? (r.actor_role === 'citizen' ? 'Warga' : r.actor_role === 'system' ? 'Sistem' : r.actor_role),
      opd: r.opd_name,
      meta: r.meta,
    }));
  }
}

export interface InboxRow extends PublicRow {
  text: string;
  title: string | null;
  address: string | null;
  due_at: Date | null;
  due_verify_at: Date;
  due_plan_at: Date;
  due_close_at: Date | null;
  category_source: string;
  breached_verify: boolean;
  breached_plan: boolean;
  is_anonymous: boolean;
  first_reply_at: Date | null;
  policy_id: string | null;
  overdue: boolean;
  sort_due: Date | string;
}

export interface StaffEvent {
  id: string;
  kind: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  fromStatusLabel: string | null;
  toStatusLabel: string | null;
  text: string | null;
  isPublic: boolean;
  actor: string;
  opd: string | null;
  meta: Record<string, unknown> | null;
}
