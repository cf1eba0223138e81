import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { FieldEncryptionService } from '../common/crypto/field-encryption.service';
import { conflict, fieldError, notFound } from '../common/errors/domain.exception';
import { CreateParticipantDto, EMAIL, ImportParticipantsDto, ListParticipantsDto, PHONE, UpdateParticipantDto } from './dto/fellows.dto';
import { PARTICIPANT_KINDS, ParticipantKind } from './entities/fellow-participant.entity';
import { ImportResult, ParticipantView } from './fellows.views';

const MAX_IMPORT_ROWS = 5000;
const IMPORT_COLUMNS = ['kind', 'full_name', 'public_name', 'email', 'phone', 'opd_code'] as const;

interface ParticipantRow {
  id: string;
  kind: ParticipantKind;
  full_name: string;
  public_name: string | null;
  email_enc: Buffer | null;
  phone_enc: Buffer | null;
  opd_code: string | null;
  opd_name: string | null;
  created_at: Date;
}

const SELECT = `SELECT p.id, p.kind, p.full_name, p.public_name, p.email_enc, p.phone_enc, p.created_at, o.code AS opd_code, o.name AS opd_name
                FROM fellow_participant p LEFT JOIN opd o ON o.id = p.opd_id`;

const toView = (r: ParticipantRow): ParticipantView => ({
  id: r.id,
  kind: r.kind,
  fullName: r.full_name,
  publicName: r.public_name,
  opd: r.opd_code ? { code: r.opd_code, name: r.opd_name! } : null,
  hasEmail: !!r.email_enc,
  hasPhone: !!r.phone_enc,
  createdAt: r.created_at.toISOString(),
});

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Participants of the Citizen Data Fellows programme; contact details encrypted, reading them is audited. */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldEncryptionService,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListParticipantsDto): Promise<ParticipantView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.q) {
      params.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`p.full_name ILIKE $${params.length}`);
    }
    if (q.cohortId) {
      params.push(q.cohortId);
      where.push(`EXISTS (SELECT 1 FROM fellow_enrolment e WHERE e.participant_id = p.id AND e.cohort_id = $${params.length})`);
    }
    const rows: ParticipantRow[] = await this.dataSource.query(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.full_name, p.id LIMIT 1000`, params);
    return rows.map(toView);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<ParticipantView> {
    const [row]: ParticipantRow[] = await m.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Participant');
    return toView(row);
  }

  async create(user: AuthUser, dto: CreateParticipantDto): Promise<ParticipantView> {
    const opdId = await this.opdId(dto.opdCode ?? null);
    if (opdId === undefined) throw fieldError('opdCode', `unknown OPD code "${dto.opdCode}"`);
    return this.dataSource.transaction(async (m) => {
      const id = await this.insert(m, user, { ...dto, opdId });
      if (!id) throw conflict('A participant with this e-mail address is already registered', [{ field: 'email', problem: 'is already registered' }]);
      await this.audit.record({ actor: user, action: 'fellows.participant.created', entityType: 'fellow_participant', entityId: id, details: { kind: dto.kind } }, m);
      return this.get(id, m);
    });
  }

  /** Inserts one participant; null when the e-mail address is already registered. */
  private async insert(m: EntityManager, user: AuthUser, p: { kind: ParticipantKind; fullName: string; publicName?: string | null; email?: string | null; phone?: string | null; opdId: number | null }): Promise<string | null> {
    const email = p.email ? normalizeEmail(p.email) : null;
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO fellow_participant (kind, full_name, public_name, email_enc, phone_enc, email_hash, opd_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (email_hash) WHERE email_hash IS NOT NULL DO NOTHING RETURNING id`,
      [p.kind, p.fullName, p.publicName || null, this.crypto.encrypt(email), this.crypto.encrypt(p.phone || null), email ? this.crypto.lookupHash(email) : null, p.opdId, user.id],
    );
    return row?.id ?? null;
  }

  /** null for no code, undefined for an unknown code. */
  private async opdId(code: string | null): Promise<number | null | undefined> {
    if (!code) return null;
    const [row] = await this.dataSource.query(`SELECT id FROM opd WHERE code = $1`, [code]);
    return row ? (row.id as number) : undefined;
  }

  async update(user: AuthUser, id: string, dto: UpdateParticipantDto): Promise<ParticipantView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(id, m);
      const publicName = dto.publicName === undefined ? before.publicName : dto.publicName || null;
      await m.query(`UPDATE fellow_participant SET full_name = $2, public_name = $3, updated_at = now() WHERE id = $1`, [id, dto.fullName ?? before.fullName, publicName]);
      await this.audit.record({ actor: user, action: 'fellows.participant.updated', entityType: 'fellow_participant', entityId: id, details: { fields: Object.keys(dto), publishesName: publicName !== null } }, m);
      return this.get(id, m);
    });
  }

  /** The decrypted contact; every read is audited. */
  async contact(user: AuthUser, id: string): Promise<{ email: string | null; phone: string | null }> {
    const [row]: { email_enc: Buffer | null; phone_enc: Buffer | null }[] = await this.dataSource.query(`SELECT email_enc, phone_enc FROM fellow_participant WHERE id = $1`, [id]);
    if (!row) throw notFound('Participant');
    await this.audit.record({ actor: user, action: 'fellows.participant.contact_read', entityType: 'fellow_participant', entityId: id });
    return { email: this.crypto.decrypt(row.email_enc), phone: this.crypto.decrypt(row.phone_enc) };
  }

  /**
   * CSV import with row-level errors: every row is checked (kind, name,
   * e-mail, phone, OPD, duplicates in the file and in the database); the
   * valid rows are imported (and enrolled in cohortId), the others reported
   * with their line number. dryRun only reports.
   */
  async importCsv(user: AuthUser, dto: ImportParticipantsDto): Promise<ImportResult> {
    let records: string[][];
    try {
      records = parse(dto.csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
    } catch (err) {
      throw fieldError('csv', `cannot be read as CSV: ${(err as Error).message}`);
    }
    if (!records.length) throw fieldError('csv', 'has no header row');
    const header = records[0].map((h) => h.toLowerCase());
    for (const required of ['kind', 'full_name']) if (!header.includes(required)) throw fieldError('csv', `the header must include ${required} (columns: ${IMPORT_COLUMNS.join(',')})`);
    const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
    if (unknown.length) throw fieldError('csv', `unknown columns: ${unknown.join(', ')} (columns: ${IMPORT_COLUMNS.join(',')})`);
    const rows = records.slice(1);
    if (rows.length > MAX_IMPORT_ROWS) throw fieldError('csv', `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} per import`);
    if (dto.cohortId) {
      const [c] = await this.dataSource.query(`SELECT 1 FROM fellow_cohort WHERE id = $1`, [dto.cohortId]);
      if (!c) throw fieldError('cohortId', 'no such cohort');
    }
    const opds = new Map<string, number>((await this.dataSource.query(`SELECT code, id FROM opd`)).map((o: { code: string; id: number }) => [o.code, o.id]));
    const errors: ImportResult['errors'] = [];
    const valid: { row: number; kind: ParticipantKind; fullName: string; publicName: string | null; email: string | null; phone: string | null; opdId: number | null }[] = [];
    const seenEmails = new Map<string, number>();
    rows.forEach((cells, i) => {
      const row = i + 2; // line number in the file, the header being line 1
      const get = (col: string) => (cells[header.indexOf(col)] ?? '').trim();
      const rowErrors: ImportResult['errors'] = [];
      const kind = get('kind').toLowerCase();
      if (!(PARTICIPANT_KINDS as readonly string[]).includes(kind)) rowErrors.push({ row, field: 'kind', problem: 'must be asn or warga' });
      const fullName = get('full_name');
      if (fullName.length < 2 || fullName.length > 120) rowErrors.push({ row, field: 'full_name', problem: 'must be 2 to 120 characters' });
      const publicName = get('public_name') || null;
      if (publicName && publicName.length > 120) rowErrors.push({ row, field: 'public_name', problem: 'must be at most 120 characters' });
      const email = get('email') ? normalizeEmail(get('email')) : null;
      if (email && (!EMAIL.test(email) || email.length > 200)) rowErrors.push({ row, field: 'email', problem: 'must be an e-mail address' });
      else if (email && seenEmails.has(email)) rowErrors.push({ row, field: 'email', problem: `repeats the e-mail address of row ${seenEmails.get(email)}` });
      const phone = get('phone') || null;
      if (phone && !PHONE.test(phone)) rowErrors.push({ row, field: 'phone', problem: 'must be a phone number' });
      const opdCode = get('opd_code');
      const opdId = opdCode ? opds.get(opdCode) : null;
      if (opdId === undefined) rowErrors.push({ row, field: 'opd_code', problem: `unknown OPD code "${opdCode}"` });
      if (email && !seenEmails.has(email)) seenEmails.set(email, row);
      if (rowErrors.length) errors.push(...rowErrors);
      else valid.push({ row, kind: kind as ParticipantKind, fullName, publicName, email, phone, opdId: opdId ?? null });
    });
    // Already registered e-mail addresses.
    const hashes = valid.filter((v) => v.email).map((v) => this.crypto.lookupHash(v.email!));
    const taken = new Set<string>(hashes.length ? (await this.dataSource.query(`SELECT email_hash FROM fellow_participant WHERE email_hash = ANY($1)`, [hashes])).map((r: { email_hash: string }) => r.email_hash) : []);
    const toImport = valid.filter((v) => {
      if (v.email && taken.has(this.crypto.lookupHash(v.email))) {
        errors.push({ row: v.row, field: 'email', problem: 'is already registered' });
        return false;
      }
      return true;
    });
    errors.sort((a, b) => a.row - b.row);
    const result: ImportResult = { dryRun: !!dto.dryRun, rows: rows.length, imported: 0, enrolled: 0, errors, participants: [] };
    if (dto.dryRun || !toImport.length) return result;
    return this.dataSource.transaction(async (m) => {
      for (const v of toImport) {
        const id = await this.insert(m, user, v);
        if (!id) {
          errors.push({ row: v.row, field: 'email', problem: 'is already registered' });
          continue;
        }
        result.participants.push({ row: v.row, id });
        result.imported++;
        if (dto.cohortId) {
          await m.query(`INSERT INTO fellow_enrolment (cohort_id, participant_id) VALUES ($1, $2)`, [dto.cohortId, id]);
          result.enrolled++;
        }
      }
      errors.sort((a, b) => a.row - b.row);
      await this.audit.record({ actor: user, action: 'fellows.participants.imported', entityType: 'fellow_participant', details: { rows: rows.length, imported: result.imported, errors: errors.length, cohortId: dto.cohortId ?? null } }, m);
      return result;
    });
  }
}
