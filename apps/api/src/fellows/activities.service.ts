import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { fieldError, notFound } from '../common/errors/domain.exception';
import { ActivityDto } from './dto/fellows.dto';
import { ACTIVITY_LABELS, ActivityKind } from './entities/fellow-activity.entity';
import { ACTIVE_FELLOWS_SQL, CERTIFIED_SHARE_SQL, DEFAULT_ACTIVE_WITHIN_DAYS } from './fellow-counts';
import { ActivityView, FellowsStats } from './fellows.views';

const wibDate = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The fellows' activity log (data audits, forum facilitation, mentoring) and the programme's counts. */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async record(user: AuthUser, participantId: string, dto: ActivityDto): Promise<ActivityView> {
    if (dto.occurredOn > wibDate(new Date())) throw fieldError('occurredOn', 'must not be in the future');
    const [p] = await this.dataSource.query(`SELECT 1 FROM fellow_participant WHERE id = $1`, [participantId]);
    if (!p) throw notFound('Participant');
    const [row] = await this.dataSource.query(
      `INSERT INTO fellow_activity (participant_id, kind, occurred_on, description, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [participantId, dto.kind, dto.occurredOn, dto.description || null, user.id],
    );
    await this.audit.record({ actor: user, action: 'fellows.activity.recorded', entityType: 'fellow_participant', entityId: participantId, details: { kind: dto.kind, occurredOn: dto.occurredOn } });
    return { id: row.id, participantId, kind: dto.kind, kindLabel: ACTIVITY_LABELS[dto.kind], occurredOn: dto.occurredOn, description: dto.description || null, createdAt: row.created_at.toISOString() };
  }

  async list(participantId: string): Promise<ActivityView[]> {
    const [p] = await this.dataSource.query(`SELECT 1 FROM fellow_participant WHERE id = $1`, [participantId]);
    if (!p) throw notFound('Participant');
    const rows: { id: string; kind: ActivityKind; occurred_on: string; description: string | null; created_at: Date }[] = await this.dataSource.query(
      `SELECT id, kind, occurred_on::text AS occurred_on, description, created_at FROM fellow_activity WHERE participant_id = $1 ORDER BY occurred_on DESC, created_at DESC`,
      [participantId],
    );
    return rows.map((r) => ({ id: r.id, participantId, kind: r.kind, kindLabel: ACTIVITY_LABELS[r.kind], occurredOn: r.occurred_on, description: r.description, createdAt: r.created_at.toISOString() }));
  }

  /** Participants, certified, share certified and active fellows (activity in the last N days, default 60). */
  async stats(activeWithinDays = DEFAULT_ACTIVE_WITHIN_DAYS, asOf: Date = new Date()): Promise<FellowsStats> {
    const [share] = await this.dataSource.query(CERTIFIED_SHARE_SQL, [asOf]);
    const [active] = await this.dataSource.query(ACTIVE_FELLOWS_SQL, [asOf, wibDate(asOf), activeWithinDays]);
    return {
      asOf: asOf.toISOString(),
      participants: share.participants,
      certified: share.certified,
      certifiedSharePct: share.participants ? Math.round((share.certified / share.participants) * 1000) / 10 : null,
      activeFellows: active.n,
      activeWithinDays,
    };
  }
}
