import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { redactPii } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { FieldEncryptionService } from '../../common/crypto/field-encryption.service';
import { conflict, fieldError, forbidden, notFound } from '../../common/errors/domain.exception';
import { PageDto, RatePolicyDto } from './dto/policy.dto';
import { RatingSummary, summarize } from './policy.views';

/** A rating as the public sees it: the redacted comment only. */
export interface PublicRating {
  id: string;
  score: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StaffRating extends PublicRating {
  hiddenAt: string | null;
  hiddenReason: string | null;
}

export interface RateResult {
  result: 'created' | 'updated';
  rating: PublicRating & { hidden: boolean };
  summary: RatingSummary;
}

export interface RatingPage<T> {
  summary: RatingSummary;
  items: T[];
  page: number;
  limit: number;
  total: number;
}

interface RatingRow {
  id: string;
  score: number;
  public_comment: string | null;
  created_at: Date;
  updated_at: Date;
  hidden_at: Date | null;
  hidden_reason: string | null;
  total?: number;
}

const toPublicRating = (r: RatingRow): PublicRating => ({
  id: r.id,
  score: r.score,
  comment: r.public_comment,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Citizens' ratings of published policies: one per person per policy (a
 * second rating replaces the first), comments published only redacted, and
 * abusive comments hidden by the OPD (the score still counts).
 */
@Injectable()
export class PolicyRatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldEncryptionService,
    private readonly audit: AuditService,
  ) {}

  async summary(policyId: string): Promise<RatingSummary> {
    const rows: { score: number; n: number }[] = await this.dataSource.query(
      'SELECT score, count(*)::int AS n FROM policy_rating WHERE policy_id = $1 GROUP BY score',
      [policyId],
    );
    return summarize(rows);
  }

  private async assertPublished(policyId: string): Promise<void> {
    const [row] = await this.dataSource.query('SELECT 1 FROM policy WHERE id = $1 AND published_at IS NOT NULL', [policyId]);
    if (!row) throw notFound('Policy');
  }

  /** The person is the signed-in user, or the anonymous rater id the portal keeps in the browser. */
  async rate(policyId: string, caller: AuthUser | undefined, dto: RatePolicyDto): Promise<RateResult> {
    if (!caller && !dto.raterId) throw fieldError('raterId', 'is required when not signed in');
    await this.assertPublished(policyId);
    const raterHash = this.crypto.lookupHash(caller ? `user:${caller.id}` : `anon:${dto.raterId}`);
    const comment = dto.comment ? dto.comment : null;
    // A hidden comment stays hidden when the same person rates again: moderation sticks.
    const [row]: (RatingRow & { inserted: boolean })[] = await this.dataSource.query(
      `INSERT INTO policy_rating (policy_id, rater_hash, score, comment, public_comment)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT policy_rating_once DO UPDATE
         SET score = EXCLUDED.score, comment = EXCLUDED.comment, public_comment = EXCLUDED.public_comment, updated_at = now()
       RETURNING id, score, public_comment, created_at, updated_at, hidden_at, hidden_reason, (xmax = 0) AS inserted`,
      [policyId, raterHash, dto.score, comment, comment ? redactPii(comment) : null],
    );
    return {
      result: row.inserted ? 'created' : 'updated',
      rating: { ...toPublicRating(row), hidden: !!row.hidden_at },
      summary: await this.summary(policyId),
    };
  }

  /** Visible comments of a published policy, newest first, with the rating summary. */
  async listPublic(policyId: string, q: PageDto): Promise<RatingPage<PublicRating>> {
    await this.assertPublished(policyId);
    const { rows, page, limit, total } = await this.page(policyId, q, false);
    return { summary: await this.summary(policyId), items: rows.map(toPublicRating), page, limit, total };
  }

  /** Every comment of the policy, hidden ones included with their reason (for moderation). */
  async listForStaff(user: AuthUser, policyId: string, q: PageDto): Promise<RatingPage<StaffRating>> {
    const [policy] = await this.dataSource.query('SELECT opd_id FROM policy WHERE id = $1', [policyId]);
    if (!policy || (user.role !== 'admin' && policy.opd_id !== user.opdId)) throw notFound('Policy');
    const { rows, page, limit, total } = await this.page(policyId, q, true);
    return {
      summary: await this.summary(policyId),
      items: rows.map((r) => ({ ...toPublicRating(r), hiddenAt: r.hidden_at?.toISOString() ?? null, hiddenReason: r.hidden_reason })),
      page,
      limit,
      total,
    };
  }

  private async page(policyId: string, q: PageDto, includeHidden: boolean) {
    const page = q.page ?? 1;
    const limit = q.limit ?? 20;
    const rows: RatingRow[] = await this.dataSource.query(
      `SELECT id, score, public_comment, created_at, updated_at, hidden_at, hidden_reason, count(*) OVER ()::int AS total
       FROM policy_rating
       WHERE policy_id = $1 AND public_comment IS NOT NULL ${includeHidden ? '' : 'AND hidden_at IS NULL'}
       ORDER BY updated_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [policyId, limit, (page - 1) * limit],
    );
    return { rows, page, limit, total: rows[0]?.total ?? 0 };
  }

  /** An ASN of the policy's OPD, or an admin, hides an abusive comment; the score keeps counting. */
  async hide(user: AuthUser, ratingId: string, reason: string): Promise<StaffRating & { policyId: string }> {
    return this.dataSource.transaction(async (m) => {
      const [row]: (RatingRow & { policy_id: string; opd_id: number })[] = await m.query(
        `SELECT r.id, r.policy_id, r.score, r.public_comment, r.created_at, r.updated_at, r.hidden_at, r.hidden_reason, p.opd_id
         FROM policy_rating r JOIN policy p ON p.id = r.policy_id WHERE r.id = $1 FOR UPDATE OF r`,
        [ratingId],
      );
      if (!row) throw notFound('Rating');
      if (user.role !== 'admin' && row.opd_id !== user.opdId) throw forbidden("Only ASN of the policy's OPD or an admin may hide its comments");
      if (row.hidden_at) throw conflict('This comment is already hidden', [{ field: 'id', problem: `hidden at ${row.hidden_at.toISOString()}` }]);
      if (!row.public_comment) throw conflict('This rating has no comment to hide');
      // An UPDATE answers [rows, rowCount].
      const [[updated]]: [RatingRow[], number] = await m.query(
        `UPDATE policy_rating SET hidden_at = now(), hidden_reason = $2 WHERE id = $1
         RETURNING id, score, public_comment, created_at, updated_at, hidden_at, hidden_reason`,
        [ratingId, reason],
      );
      await this.audit.record({ actor: user, action: 'policy_rating.hidden', entityType: 'policy_rating', entityId: ratingId, details: { policyId: row.policy_id, reason } }, m);
      return { ...toPublicRating(updated), policyId: row.policy_id, hiddenAt: updated.hidden_at?.toISOString() ?? null, hiddenReason: updated.hidden_reason };
    });
  }
}
