import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NotificationClaim {
  dedupeKey: string;
  kind: string;
  aspirationId?: string | null;
  opdId?: number | null;
  subject: string;
  /** The digest stores the moment it covers up to here, so the next one starts exactly there. */
  createdAt?: Date;
}

export interface AspirationForCitizen {
  id: string;
  trackingCode: string;
  status: string;
  opdId: number;
  opdName: string;
  categoryLabel: string;
  isAnonymous: boolean;
  wantsEmail: boolean;
  nameEnc: Buffer | null;
  emailEnc: Buffer | null;
}

export interface DigestRow {
  id: string;
  trackingCode: string;
  categoryLabel: string;
  kelurahanName: string;
  status: string;
  submittedAt: Date;
  dueAt: Date | null;
}

/**
 * A pending row older than this is taken to belong to an attempt that died
 * between claiming and marking (process crash): a retry may send it again.
 */
const STALE_PENDING = '15 minutes';

/** SQL of the notifications feature: the notification rows and what the messages are made of. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims a dedupe key for sending. True when this caller may send: the key
   * is new, or its earlier attempt failed (or died while pending). False when
   * the message was already sent, skipped, or is being sent right now.
   */
  async claim(c: NotificationClaim): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO notification (dedupe_key, channel, kind, aspiration_id, opd_id, subject, status, created_at)
       VALUES ($1, 'email', $2, $3, $4, $5, 'pending', COALESCE($6, now()))
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [c.dedupeKey, c.kind, c.aspirationId ?? null, c.opdId ?? null, c.subject, c.createdAt ?? null],
    );
    if (inserted.length) return true;
    const [retaken] = (await this.dataSource.query(
      `UPDATE notification SET status = 'pending', error = NULL, subject = $2
       WHERE dedupe_key = $1 AND (status = 'failed' OR (status = 'pending' AND created_at < now() - interval '${STALE_PENDING}'))
       RETURNING id`,
      [c.dedupeKey, c.subject],
    )) as [unknown[], number];
    return retaken.length > 0;
  }

  /** Records a message that is not sent because mail is not configured; false if the key already existed. */
  async recordSkipped(c: NotificationClaim, reason: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notification (dedupe_key, channel, kind, aspiration_id, opd_id, subject, status, error, created_at)
       VALUES ($1, 'email', $2, $3, $4, $5, 'skipped', $6, COALESCE($7, now()))
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [c.dedupeKey, c.kind, c.aspirationId ?? null, c.opdId ?? null, c.subject, reason, c.createdAt ?? null],
    );
    return rows.length > 0;
  }

  async markSent(dedupeKey: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET status = 'sent', sent_at = now(), error = NULL WHERE dedupe_key = $1`, [dedupeKey]);
  }

  async markFailed(dedupeKey: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET status = 'failed', error = $2 WHERE dedupe_key = $1`, [dedupeKey, error.slice(0, 2000)]);
  }

  async aspirationForCitizen(id: string): Promise<AspirationForCitizen | null> {
    const [r] = await this.dataSource.query(
      `SELECT a.id, a.tracking_code, a.status, a.opd_id, o.name AS opd_name, c.label_id AS category_label, a.is_anonymous,
              COALESCE(ac.wants_email, false) AS wants_email, ac.name_enc, ac.email_enc
         FROM aspiration a
         JOIN opd o ON o.id = a.opd_id
         JOIN category c ON c.code = a.category_code
         LEFT JOIN aspiration_contact ac ON ac.aspiration_id = a.id
        WHERE a.id = $1`,
      [id],
    );
    if (!r) return null;
    return {
      id: r.id,
      trackingCode: r.tracking_code,
      status: r.status,
      opdId: r.opd_id,
      opdName: r.opd_name,
      categoryLabel: r.category_label,
      isAnonymous: r.is_anonymous,
      wantsEmail: r.wants_email,
      nameEnc: r.name_enc,
      emailEnc: r.email_enc,
    };
  }

  /**
   * The public (redacted) text of the event behind an outbox message. The
   * event and the outbox row are written in one transaction, so they share
   * its timestamp: the latest event of that kind at or before the outbox
   * row's time is the one the message is about (the latest one when the
   * outbox row is unknown).
   */
  async publicEventBody(aspirationId: string, kind: 'reply' | 'status_changed', outboxId: string, toStatus?: string): Promise<string | null> {
    const outboxKey = /^\d+$/.test(outboxId) ? outboxId : null;
    const [r] = await this.dataSource.query(
      `SELECT public_body FROM aspiration_event
        WHERE aspiration_id = $1 AND kind = $2 AND is_public
          AND ($4::text IS NULL OR to_status = $4::text)
          AND created_at <= COALESCE((SELECT created_at FROM outbox WHERE id = $3::bigint), 'infinity'::timestamptz)
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [aspirationId, kind, outboxKey, toStatus ?? null],
    );
    return r?.public_body ?? null;
  }

  /** OPDs that have at least one active ASN, with those ASN's ids and addresses. */
  async opdsWithActiveAsn(): Promise<{ opdId: number; opdName: string; recipients: { userId: string; email: string }[] }[]> {
    const rows: { opd_id: number; opd_name: string; user_id: string; email: string }[] = await this.dataSource.query(
      `SELECT o.id AS opd_id, o.name AS opd_name, u.id AS user_id, u.email
         FROM app_user u JOIN opd o ON o.id = u.opd_id
        WHERE u.role = 'asn' AND u.is_active AND u.deactivated_at IS NULL
        ORDER BY o.id, u.id`,
    );
    const byOpd = new Map<number, { opdId: number; opdName: string; recipients: { userId: string; email: string }[] }>();
    for (const r of rows) {
      const entry = byOpd.get(r.opd_id) ?? { opdId: r.opd_id, opdName: r.opd_name, recipients: [] };
      entry.recipients.push({ userId: r.user_id, email: r.email });
      byOpd.set(r.opd_id, entry);
    }
    return [...byOpd.values()];
  }

  /** Up to when the OPD's last digest of an earlier day reached (sent or skipped), if there was one. */
  async lastDigestAt(opdId: number, todayKeyPrefix: string): Promise<Date | null> {
    const [r] = await this.dataSource.query(
      `SELECT max(created_at) AS at FROM notification
        WHERE kind = 'asn_digest' AND opd_id = $1 AND status IN ('sent', 'skipped') AND dedupe_key NOT LIKE $2`,
      [opdId, `${todayKeyPrefix}%`],
    );
    return r?.at ?? null;
  }

  async newAspirations(opdId: number, since: Date, until: Date): Promise<DigestRow[]> {
    return this.digestRows('a.submitted_at > $2 AND a.submitted_at <= $3 ORDER BY a.submitted_at, a.tracking_code', [opdId, since, until]);
  }

  async overdueAspirations(opdId: number, now: Date): Promise<DigestRow[]> {
    return this.digestRows('a.due_at < $2 AND a.closed_at IS NULL ORDER BY a.due_at, a.tracking_code', [opdId, now]);
  }

  private async digestRows(where: string, params: unknown[]): Promise<DigestRow[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT a.id, a.tracking_code, c.label_id AS category_label, k.name AS kelurahan_name, a.status, a.submitted_at, a.due_at
         FROM aspiration a
         JOIN category c ON c.code = a.category_code
         JOIN kelurahan k ON k.code = a.kelurahan_code
        WHERE a.opd_id = $1 AND ${where}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      categoryLabel: r.category_label,
      kelurahanName: r.kelurahan_name,
      status: r.status,
      submittedAt: r.submitted_at,
      dueAt: r.due_at,
    }));
  }
}
