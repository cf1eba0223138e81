import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainException, fieldError, notFound } from '../common/errors/domain.exception';
import { renderCertificatePdf } from './certificate-pdf';
import { CohortsService } from './cohorts.service';
import { CertificateView, PublicCertificateView } from './fellows.views';

/** No 0/O, 1/I/L: numbers are read aloud and typed by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const NUMBER_PATTERN = /^CDF-\d{4}-[2-9A-HJKMNP-Z]{8}$/;

export const COMPLETION_RULES_NOT_MET = 'COMPLETION_RULES_NOT_MET';

export function newCertificateNumber(at: Date = new Date()): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return `CDF-${new Date(at.getTime() + 7 * 3600_000).getUTCFullYear()}-${body}`;
}

export function normalizeCertificateNumber(raw: string): string | null {
  const n = raw.trim().toUpperCase();
  return NUMBER_PATTERN.test(n) ? n : null;
}

/** "Citizen Data Fellow" certificates: issued only when the cohort's completion rules are met; verifiable by anyone. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortsService,
    private readonly audit: AuditService,
  ) {}

  async issue(user: AuthUser, cohortId: string, participantId: string): Promise<CertificateView> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('fellows.certificate:' || $1 || ':' || $2))`, [cohortId, participantId]);
      await this.cohorts.getCohort(cohortId, m);
      const [progress] = await this.cohorts.progress(cohortId, participantId, m);
      if (!progress) throw fieldError('participantId', 'is not enrolled in this cohort');
      if (progress.certificateNumber) throw conflict(`The participant already holds certificate ${progress.certificateNumber} for this cohort`, [{ field: 'participantId', problem: 'already certified' }]);
      if (!progress.eligible) {
        throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, COMPLETION_RULES_NOT_MET, `The participant does not meet the completion rules: ${progress.reasons.map((r) => r.problem).join('; ')}`, progress.reasons);
      }
      for (let attempt = 0; ; attempt++) {
        const number = newCertificateNumber();
        const [row] = await m.query(
          `INSERT INTO fellow_certificate (number, participant_id, cohort_id, issued_by) VALUES ($1, $2, $3, $4) ON CONFLICT (number) DO NOTHING RETURNING issued_at`,
          [number, participantId, cohortId, user.id],
        );
        if (!row) {
          if (attempt >= 5) throw new Error('Could not draw a unique certificate number');
          continue;
        }
        await this.audit.record({ actor: user, action: 'fellows.certificate.issued', entityType: 'fellow_certificate', entityId: number, details: { cohortId, participantId, attendancePct: progress.attendancePct } }, m);
        return { number, participantId, cohortId, fullName: progress.fullName, issuedAt: row.issued_at.toISOString() };
      }
    });
  }

  private async find(rawNumber: string) {
    const number = normalizeCertificateNumber(rawNumber);
    if (!number) throw notFound('Certificate');
    const [row]: { number: string; issued_at: Date; cohort_id: string; cohort: string; full_name: string; public_name: string | null }[] = await this.dataSource.query(
      `SELECT f.number, f.issued_at, f.cohort_id, c.name AS cohort, p.full_name, p.public_name
       FROM fellow_certificate f JOIN fellow_cohort c ON c.id = f.cohort_id JOIN fellow_participant p ON p.id = f.participant_id
       WHERE f.number = $1`,
      [number],
    );
    if (!row) throw notFound('Certificate');
    const modules: string[] = (
      await this.dataSource.query(`SELECT m.title FROM fellow_module m JOIN fellow_cohort_module cm ON cm.module_id = m.id WHERE cm.cohort_id = $1 ORDER BY m.position, m.code`, [row.cohort_id])
    ).map((r: { title: string }) => r.title);
    return { ...row, modules };
  }

  /** Public check: only the name the fellow agreed to publish, never the full name, contact or scores. */
  async verify(rawNumber: string): Promise<PublicCertificateView> {
    const c = await this.find(rawNumber);
    return {
      number: c.number,
      valid: true,
      title: 'Citizen Data Fellow',
      name: c.public_name,
      cohort: c.cohort,
      modules: c.modules,
      issuedOn: new Date(c.issued_at.getTime() + 7 * 3600_000).toISOString().slice(0, 10),
      issuer: 'Pemerintah Kota Madiun',
    };
  }

  async pdf(user: AuthUser, rawNumber: string): Promise<{ number: string; pdf: Buffer }> {
    const c = await this.find(rawNumber);
    const pdf = await renderCertificatePdf({ number: c.number, fullName: c.full_name, cohort: c.cohort, modules: c.modules, issuedAt: c.issued_at, verifyPath: `/api/fellows/certificates/${c.number}` });
    await this.audit.record({ actor: user, action: 'fellows.certificate.downloaded', entityType: 'fellow_certificate', entityId: c.number });
    return { number: c.number, pdf };
  }
}
