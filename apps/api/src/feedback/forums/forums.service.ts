import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { redactPii } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { badRequest, fieldError } from '../../common/errors/domain.exception';
import { OpdService } from '../../opd/opd.service';
import { RegionsService } from '../../regions/regions.service';
import { CreateForumDto, ForumSummaryDto, ListForumsDto } from './dto/forum.dto';

export interface ForumView {
  id: string;
  kecamatan: { code: string; name: string };
  heldOn: string;
  topic: string;
  attendance: number;
  opd: { code: string; name: string } | null;
  /** Redacted. */
  notes: string | null;
  createdAt: string;
}

export interface YearAttendance {
  year: number;
  events: number;
  attendance: number;
  previousAttendance: number;
  /** Percent change vs the previous year, 1 decimal; null when the previous year had none. */
  changePct: number | null;
}

export interface ForumSummary {
  fromYear: number;
  toYear: number;
  /** City-wide (or the one kecamatan asked for), per year. */
  years: YearAttendance[];
  byKecamatan: { kecamatan: { code: string; name: string }; years: YearAttendance[]; changePct: number | null }[];
  /** toYear vs fromYear: the blueprint's "attendance down 12% since 2022". */
  overall: { fromYear: number; toYear: number; fromAttendance: number; toAttendance: number; changePct: number | null };
}

interface ForumRow {
  id: string;
  kecamatan_code: string;
  kecamatan_name: string;
  held_on: string;
  topic: string;
  attendance: number;
  opd_code: string | null;
  opd_name: string | null;
  notes: string | null;
  created_at: Date;
  total?: number;
}

const pct = (from: number, to: number) => (from > 0 ? Math.round(((to - from) / from) * 1000) / 10 : null);

const toView = (r: ForumRow): ForumView => ({
  id: r.id,
  kecamatan: { code: r.kecamatan_code, name: r.kecamatan_name },
  heldOn: r.held_on,
  topic: r.topic,
  attendance: r.attendance,
  opd: r.opd_code && r.opd_name ? { code: r.opd_code, name: r.opd_name } : null,
  notes: r.notes ? redactPii(r.notes) : null,
  createdAt: r.created_at.toISOString(),
});

const SELECT = `
  SELECT f.id, f.kecamatan_code, k.name AS kecamatan_name, to_char(f.held_on, 'YYYY-MM-DD') AS held_on, f.topic, f.attendance,
    o.code AS opd_code, o.name AS opd_name, f.notes, f.created_at
  FROM forum_event f JOIN kecamatan k ON k.code = f.kecamatan_code LEFT JOIN opd o ON o.id = f.opd_id`;

/** Public consultation forums and their attendance per kecamatan and year. */
@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly opd: OpdService,
    private readonly audit: AuditService,
  ) {}

  private async kecamatanList(): Promise<{ code: string; name: string }[]> {
    return (await this.regions.tree()).flatMap((kota) => kota.kecamatan.map((k) => ({ code: k.code, name: k.name })));
  }

  private async assertKecamatan(code: string, field: string): Promise<{ code: string; name: string }> {
    const found = (await this.kecamatanList()).find((k) => k.code === code);
    if (!found) throw fieldError(field, `unknown kecamatan code "${code}"`);
    return found;
  }

  async record(user: AuthUser, dto: CreateForumDto): Promise<ForumView> {
    await this.assertKecamatan(dto.kecamatanCode, 'kecamatanCode');
    let opdId: number | null = null;
    if (dto.opdCode) {
      const opd = await this.opd.findByCode(dto.opdCode);
      if (!opd) throw fieldError('opdCode', `unknown OPD code "${dto.opdCode}"`);
      opdId = opd.id;
    }
    const id = await this.dataSource.transaction(async (m) => {
      const [{ future }] = await m.query(`SELECT $1::date > (now() AT TIME ZONE 'Asia/Jakarta')::date AS future`, [dto.heldOn]);
      if (future) throw fieldError('heldOn', 'must not be in the future: record a forum after it was held');
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO forum_event (kecamatan_code, held_on, topic, attendance, opd_id, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [dto.kecamatanCode, dto.heldOn, dto.topic, dto.attendance, opdId, dto.notes || null, user.id],
      );
      await this.audit.record(
        { actor: user, action: 'forum_event.recorded', entityType: 'forum_event', entityId: row.id, details: { kecamatanCode: dto.kecamatanCode, heldOn: dto.heldOn, attendance: dto.attendance, opdId } },
        m,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query(`${SELECT} WHERE f.id = $1`, [id]);
    return toView(row);
  }

  async list(q: ListForumsDto): Promise<{ items: ForumView[]; page: number; limit: number; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.kecamatan) {
      await this.assertKecamatan(q.kecamatan, 'kecamatan');
      params.push(q.kecamatan);
      where.push(`f.kecamatan_code = $${params.length}`);
    }
    if (q.year) {
      params.push(q.year);
      where.push(`f.held_on >= make_date($${params.length}, 1, 1) AND f.held_on < make_date($${params.length} + 1, 1, 1)`);
    }
    const page = q.page ?? 1;
    const limit = q.limit ?? 50;
    params.push(limit, (page - 1) * limit);
    const rows: ForumRow[] = await this.dataSource.query(
      `${SELECT.replace('SELECT f.id,', 'SELECT count(*) OVER ()::int AS total, f.id,')}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY f.held_on DESC, f.created_at DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toView), page, limit, total: rows[0]?.total ?? 0 };
  }

  /** Attendance per kecamatan and year, each year compared with the one before. */
  async summary(q: ForumSummaryDto): Promise<ForumSummary> {
    const kecamatans = q.kecamatan ? [await this.assertKecamatan(q.kecamatan, 'kecamatan')] : await this.kecamatanList();
    const [{ current, first }] = await this.dataSource.query(
      `SELECT extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::int AS current, extract(year FROM min(held_on))::int AS first FROM forum_event`,
    );
    const toYear: number = q.toYear ?? current;
    const fromYear: number = q.fromYear ?? Math.min(first ?? toYear, toYear);
    if (fromYear > toYear) throw badRequest('fromYear must not be after toYear', [{ field: 'fromYear', problem: 'is after toYear' }]);
    if (toYear - fromYear > 50) throw fieldError('fromYear', 'the range may span at most 50 years');

    const rows: { kecamatan_code: string; year: number; events: number; attendance: number }[] = await this.dataSource.query(
      `SELECT kecamatan_code, extract(year FROM held_on)::int AS year, count(*)::int AS events, sum(attendance)::int AS attendance
       FROM forum_event
       WHERE held_on >= make_date($1, 1, 1) AND held_on < make_date($2 + 1, 1, 1) AND kecamatan_code = ANY($3::varchar[])
       GROUP BY 1, 2`,
      [fromYear - 1, toYear, kecamatans.map((k) => k.code)],
    );
    const cell = (code: string | null, year: number) => {
      const hits = rows.filter((r) => r.year === year && (code === null || r.kecamatan_code === code));
      return { events: hits.reduce((s, r) => s + r.events, 0), attendance: hits.reduce((s, r) => s + r.attendance, 0) };
    };
    const series = (code: string | null): YearAttendance[] => {
      const out: YearAttendance[] = [];
      for (let year = fromYear; year <= toYear; year++) {
        const now = cell(code, year);
        const prev = cell(code, year - 1);
        out.push({ year, events: now.events, attendance: now.attendance, previousAttendance: prev.attendance, changePct: pct(prev.attendance, now.attendance) });
      }
      return out;
    };
    const years = series(null);
    const first_ = years[0];
    const last = years[years.length - 1];
    return {
      fromYear,
      toYear,
      years,
      byKecamatan: kecamatans.map((k) => {
        const s = series(k.code);
        return { kecamatan: k, years: s, changePct: pct(s[0].attendance, s[s.length - 1].attendance) };
      }),
      overall: { fromYear, toYear, fromAttendance: first_.attendance, toAttendance: last.attendance, changePct: pct(first_.attendance, last.attendance) },
    };
  }
}
