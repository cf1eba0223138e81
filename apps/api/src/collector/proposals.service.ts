import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { badRequest, conflict, notFound } from '../common/errors/domain.exception';
import { LinkProposalDto, ProposalQueryDto } from './dto/collector.dto';
import { MusrenbangProposalLinkEntity } from './entities/musrenbang-proposal-link.entity';
import { MusrenbangProposalEntity, PROPOSAL_STATUSES } from './entities/musrenbang-proposal.entity';

export interface ProposalView {
  id: string;
  year: number;
  stage: string;
  externalId: string;
  proposedOn: string | null;
  proposer: string | null;
  kelurahanCode: string;
  bidang: string | null;
  problem: string | null;
  proposal: string;
  address: string | null;
  volume: number | null;
  unit: string | null;
  estimatedBudget: number | null;
  opdInitial: string | null;
  opdFinal: string | null;
  status: string;
  note: string | null;
}

export interface FunnelView {
  year: number | null;
  proposals: number;
  byStatus: Record<string, number>;
  linkedToAspiration: number;
  linkedToPolicy: number;
  /** Share of proposals that reached a policy, 0–1. */
  policyRate: number;
}

const view = (p: MusrenbangProposalEntity): ProposalView => ({
  id: p.id,
  year: p.year,
  stage: p.stage,
  externalId: p.externalId,
  proposedOn: p.proposedOn,
  proposer: p.proposer,
  kelurahanCode: p.kelurahanCode,
  bidang: p.bidang,
  problem: p.problem,
  proposal: p.proposal,
  address: p.address,
  volume: p.volume === null ? null : Number(p.volume),
  unit: p.unit,
  estimatedBudget: p.estimatedBudget === null ? null : Number(p.estimatedBudget),
  opdInitial: p.opdInitial,
  opdFinal: p.opdFinal,
  status: p.status,
  note: p.note,
});

/** Musrenbang proposals and the proposal → policy funnel (Bappeda). */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: ProposalQueryDto): Promise<ProposalView[]> {
    const qb = this.dataSource.getRepository(MusrenbangProposalEntity).createQueryBuilder('p').orderBy('p.year', 'DESC').addOrderBy('p.stage').addOrderBy('p.external_id');
    if (q.year) qb.andWhere('p.year = :year', { year: q.year });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.kelurahanCode) qb.andWhere('p.kelurahan_code = :k', { k: q.kelurahanCode });
    return (await qb.take(q.limit ?? 100).skip(q.offset ?? 0).getMany()).map(view);
  }

  async link(user: AuthUser, id: string, dto: LinkProposalDto): Promise<{ id: string; proposalId: string; policyId: string | null; aspirationId: string | null }> {
    if (!dto.policyId === !dto.aspirationId) throw badRequest('Give exactly one of policyId or aspirationId', [{ field: 'policyId', problem: 'give exactly one of policyId or aspirationId' }]);
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(MusrenbangProposalEntity, { id }))) throw notFound('Proposal');
      const table = dto.policyId ? 'policy' : 'aspiration';
      const target = dto.policyId ?? dto.aspirationId;
      const [found] = await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [target]);
      if (!found) throw notFound(table === 'policy' ? 'Policy' : 'Aspiration');
      const existing = await m.findOneBy(MusrenbangProposalLinkEntity, { proposalId: id, ...(dto.policyId ? { policyId: dto.policyId } : { aspirationId: dto.aspirationId }) });
      if (existing) throw conflict(`The proposal is already linked to this ${table}`);
      const link = await m.save(m.create(MusrenbangProposalLinkEntity, { proposalId: id, policyId: dto.policyId ?? null, aspirationId: dto.aspirationId ?? null, createdBy: user.id }));
      await this.audit.record({ actor: user, action: 'collector.proposal.link', entityType: 'musrenbang_proposal', entityId: id, details: { policyId: link.policyId, aspirationId: link.aspirationId } }, m);
      return { id: link.id, proposalId: id, policyId: link.policyId, aspirationId: link.aspirationId };
    });
  }

  async funnel(year?: number): Promise<FunnelView> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS proposals,
              ${PROPOSAL_STATUSES.map((s, i) => `count(*) FILTER (WHERE p.status = '${s}')::int AS s${i}`).join(', ')},
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM musrenbang_proposal_link l WHERE l.proposal_id = p.id AND l.aspiration_id IS NOT NULL))::int AS asp,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM musrenbang_proposal_link l WHERE l.proposal_id = p.id AND l.policy_id IS NOT NULL))::int AS pol
       FROM musrenbang_proposal p WHERE $1::int IS NULL OR p.year = $1`,
      [year ?? null],
    )) as Record<string, number>[];
    return {
      year: year ?? null,
      proposals: row.proposals,
      byStatus: Object.fromEntries(PROPOSAL_STATUSES.map((s, i) => [s, row[`s${i}`]])),
      linkedToAspiration: row.asp,
      linkedToPolicy: row.pol,
      policyRate: row.proposals ? Math.round((row.pol / row.proposals) * 1000) / 1000 : 0,
    };
  }
}
