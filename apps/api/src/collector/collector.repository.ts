import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseName, ProposalRow } from './musrenbang-row';
import type { UpsertCounts } from './pipeline';

/** Kota Madiun's Kemendagri code: kelurahan names are resolved within it. */
export const CITY_CODE = '35.77';

export interface IndicatorRow {
  source: string;
  indicator: string;
  region_code: string;
  period: string;
  value: string | null;
  unit: string | null;
  source_id: string | null;
}

const PROPOSAL_COLS = ['year', 'stage', 'external_id', 'proposed_on', 'proposer', 'kelurahan_code', 'bidang', 'problem', 'proposal', 'address', 'lat', 'lng', 'volume', 'unit', 'estimated_budget', 'opd_initial', 'opd_final', 'status', 'note'];
const PROPOSAL_TYPES = 'year smallint, stage text, external_id text, proposed_on date, proposer text, kelurahan_code text, bidang text, problem text, proposal text, address text, lat double precision, lng double precision, volume numeric, unit text, estimated_budget numeric, opd_initial text, opd_final text, status text, note text, source_id uuid';
const PROPOSAL_VALUE_COLS = PROPOSAL_COLS.filter((c) => !['year', 'stage', 'external_id', 'kelurahan_code'].includes(c));

/** Set-based writes of the collector; unchanged rows are never written. */
@Injectable()
export class CollectorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async kelurahanByName(): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(`SELECT code, name FROM kelurahan WHERE code LIKE $1`, [`${CITY_CODE}.%`]);
    return new Map(rows.map((r) => [normaliseName(r.name), r.code]));
  }

  async upsertProposals(m: EntityManager, rows: ProposalRow[]): Promise<UpsertCounts> {
    const set = PROPOSAL_VALUE_COLS.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
    const cmp = PROPOSAL_VALUE_COLS.map((c) => `p.${c}`).join(', ');
    const ex = PROPOSAL_VALUE_COLS.map((c) => `EXCLUDED.${c}`).join(', ');
    const result: { inserted: boolean }[] = await m.query(
      `INSERT INTO musrenbang_proposal AS p (${PROPOSAL_COLS.join(', ')}, source_id)
       SELECT ${PROPOSAL_COLS.join(', ')}, source_id FROM jsonb_to_recordset($1::jsonb) AS r(${PROPOSAL_TYPES})
       ON CONFLICT (year, stage, external_id, kelurahan_code) DO UPDATE SET ${set}, updated_at = now()
       WHERE (${cmp}) IS DISTINCT FROM (${ex})
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(rows)],
    );
    const inserted = result.filter((r) => r.inserted).length;
    return { inserted, updated: result.length - inserted };
  }

  async upsertIndicators(m: EntityManager, rows: IndicatorRow[]): Promise<UpsertCounts> {
    const result: { inserted: boolean }[] = await m.query(
      `INSERT INTO indicator_observation AS o (source, indicator, region_code, period, value, unit, source_id)
       SELECT source, indicator, region_code, period, value, unit, source_id
       FROM jsonb_to_recordset($1::jsonb) AS r(source text, indicator text, region_code text, period text, value numeric, unit text, source_id uuid)
       ON CONFLICT (source, indicator, region_code, period) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit, source_id = EXCLUDED.source_id, updated_at = now()
       WHERE (o.value, o.unit) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.unit)
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(rows)],
    );
    const inserted = result.filter((r) => r.inserted).length;
    return { inserted, updated: result.length - inserted };
  }
}
