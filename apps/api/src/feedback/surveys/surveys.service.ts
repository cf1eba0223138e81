import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { redactPii } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badRequest, conflict, fieldError, forbidden, notFound } from '../../common/errors/domain.exception';
import { OpdService } from '../../opd/opd.service';
import { round2, summarizeScores } from '../score-summary';
import { followUpKeyMatches, normalizeTrackingCode } from '../aspirations/tracking-code';
import { AsnSurveyDto, CitizenSurveyDto, SurveySummaryQueryDto } from './dto/survey.dto';
import { SurveyKind } from './entities/survey-response.entity';

/** BLUEPRINT targets: citizen satisfaction >= 4.5 / 5, ASN satisfaction with the system >= 4.2 / 5. */
export const SURVEY_TARGETS: Record<SurveyKind, number> = { citizen_satisfaction: 4.5, asn_system: 4.2 };

export interface SurveyAnswer {
  result: 'created' | 'updated';
  id: string;
  kind: SurveyKind;
  score: number;
  /** Redacted: personal data never comes back. */
  comment: string | null;
  createdAt: string;
}

export interface SurveySummary {
  kind: SurveyKind;
  from: string | null;
  to: string | null;
  opd: { code: string; name: string } | null;
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  target: number;
  /** null when there are no answers yet. */
  meetsTarget: boolean | null;
  /** average - target, 2 decimals. */
  gap: number | null;
}


/**
 * Satisfaction surveys. Citizens: open to all, optionally tied to their
 * aspiration (tracking code + follow-up key). ASN: about the system, one
 * answer per ASN per calendar month (WIB): answering again in the same
 * month replaces that month's answer. Confirmations of resolved aspirations
 * also write citizen answers (AspirationService.confirm) and are counted.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opd: OpdService,
  ) {}

  async submitCitizen(dto: CitizenSurveyDto, caller: AuthUser | undefined): Promise<SurveyAnswer> {
    let aspirationId: string | null = null;
    let opdId: number | null = null;
    if (dto.opdCode) {
      const opd = await this.opd.findByCode(dto.opdCode);
      if (!opd) throw fieldError('opdCode', `unknown OPD code "${dto.opdCode}"`);
      opdId = opd.id;
    }
    if (dto.followUpKey && !dto.trackingCode) throw fieldError('trackingCode', 'is required with followUpKey');
    return this.dataSource.transaction(async (m) => {
      if (dto.trackingCode) {
        const code = normalizeTrackingCode(dto.trackingCode);
        if (!code) throw fieldError('trackingCode', 'is not a tracking code such as MDN-7K3Q-9XWA');
        const [a]: { id: string; opd_id: number; follow_up_key_hash: string }[] = await m.query(
          'SELECT id, opd_id, follow_up_key_hash FROM aspiration WHERE tracking_code = $1 FOR UPDATE',
          [code],
        );
        if (!a) throw notFound(`Aspiration ${code}`);
        if (!followUpKeyMatches(dto.followUpKey ?? '', a.follow_up_key_hash)) throw forbidden('The follow-up key does not match this aspiration');
        const [already] = await m.query(`SELECT 1 FROM survey_response WHERE kind = 'citizen_satisfaction' AND aspiration_id = $1`, [a.id]);
        if (already) throw conflict('This aspiration already has a satisfaction answer', [{ field: 'trackingCode', problem: 'already answered' }]);
        aspirationId = a.id;
        opdId = a.opd_id;
      }
      const [row] = await m.query(
        `INSERT INTO survey_response (kind, score, comment, public_comment, aspiration_id, opd_id, respondent_user_id)
         VALUES ('citizen_satisfaction', $1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
        [dto.score, dto.comment || null, dto.comment ? redactPii(dto.comment) : null, aspirationId, opdId, caller?.id ?? null],
      );
      return { result: 'created', id: row.id, kind: 'citizen_satisfaction', score: dto.score, comment: dto.comment ? redactPii(dto.comment) : null, createdAt: row.created_at.toISOString() };
    });
  }

  /** One per ASN per calendar month (Asia/Jakarta); a second answer that month updates the first. */
  async submitAsn(user: AuthUser, dto: AsnSurveyDto): Promise<SurveyAnswer> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('survey.asn_system:' || $1))`, [user.id]);
      const comment = dto.comment || null;
      const publicComment = comment ? redactPii(comment) : null;
      const [existing]: { id: string }[] = await m.query(
        `SELECT id FROM survey_response
         WHERE kind = 'asn_system' AND respondent_user_id = $1
           AND date_trunc('month', created_at AT TIME ZONE 'Asia/Jakarta') = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')
         ORDER BY created_at DESC LIMIT 1`,
        [user.id],
      );
      const [row]: { id: string; created_at: Date }[] = existing
        ? (await m.query(`UPDATE survey_response SET score = $2, comment = $3, public_comment = $4, opd_id = $5 WHERE id = $1 RETURNING id, created_at`, [existing.id, dto.score, comment, publicComment, user.opdId]))[0]
        : await m.query(
            `INSERT INTO survey_response (kind, score, comment, public_comment, opd_id, respondent_user_id) VALUES ('asn_system', $1, $2, $3, $4, $5) RETURNING id, created_at`,
            [dto.score, comment, publicComment, user.opdId, user.id],
          );
      return { result: existing ? 'updated' : 'created', id: row.id, kind: 'asn_system', score: dto.score, comment: publicComment, createdAt: row.created_at.toISOString() };
    });
  }

  /** Average, count and distribution over [from, to] (WIB days), against the blueprint target. */
  async summary(kind: SurveyKind, q: SurveySummaryQueryDto): Promise<SurveySummary> {
    if (q.from && q.to && q.from > q.to) throw badRequest('from must not be after to', [{ field: 'from', problem: 'is after to' }]);
    const params: unknown[] = [kind];
    const where = ['kind = $1'];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.from) add(`created_at >= (?::date - interval '7 hours')`, q.from);
    if (q.to) add(`created_at < (?::date + interval '1 day' - interval '7 hours')`, q.to);
    let opd: SurveySummary['opd'] = null;
    if (q.opd) {
      const found = await this.opd.findByCode(q.opd);
      if (!found) throw fieldError('opd', `unknown OPD code "${q.opd}"`);
      opd = { code: found.code, name: found.name };
      add('opd_id = ?', found.id);
    }
    const rows: { score: number; n: number }[] = await this.dataSource.query(
      `SELECT score, count(*)::int AS n FROM survey_response WHERE ${where.join(' AND ')} GROUP BY score`,
      params,
    );
    const { count, average, distribution } = summarizeScores(rows);
    const target = SURVEY_TARGETS[kind];
    return {
      kind,
      from: q.from ?? null,
      to: q.to ?? null,
      opd,
      count,
      average,
      distribution,
      target,
      meetsTarget: average === null ? null : average >= target,
      gap: average === null ? null : round2(average - target),
    };
  }
}
