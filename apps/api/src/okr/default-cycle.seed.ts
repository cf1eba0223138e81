import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KrDirection } from './entities/okr-key-result.entity';
import { BLUEPRINT_CYCLE } from './okr.service';

const DISKOMINFO = 'dinas-komunikasi-dan-informatika';
const BAPPEDA = 'badan-perencanaan-pembangunan-daerah';
const BPSDM = 'badan-kepegawaian-dan-pengembangan-sumber-daya-manusia';

interface SeedKr {
  code: string;
  title: string;
  metricKey: string;
  unit: string;
  direction: KrDirection;
  baseline: number;
  target: number;
  params?: Record<string, unknown>;
}

/** The blueprint's own OKRs (sections 5 and 9, Grand Design 3 and 7) with its targets. */
export const BLUEPRINT_OBJECTIVES: { code: string; title: string; ownerOpd: string; keyResults: SeedKr[] }[] = [
  {
    code: 'partisipasi',
    title: 'Meningkatkan partisipasi warga dan kecepatan respons melalui portal dua arah ASN–warga',
    ownerOpd: DISKOMINFO,
    keyResults: [
      { code: 'partisipasi-portal', title: 'Partisipasi warga di portal naik 40% dibanding periode dasar', metricKey: 'participation_growth', unit: '%', direction: 'increase', baseline: 0, target: 40 },
      { code: 'waktu-respons', title: 'Rata-rata waktu respons turun 30% dibanding periode dasar', metricKey: 'response_time_change', unit: '%', direction: 'decrease', baseline: 0, target: -30 },
    ],
  },
  {
    code: 'kepuasan',
    title: 'Meningkatkan kepuasan warga dan ASN terhadap layanan dan sistem',
    ownerOpd: DISKOMINFO,
    keyResults: [
      // Baseline 1: the bottom of the 1–5 scale, so progress is the way from 1 to the target.
      { code: 'kepuasan-warga', title: 'Kepuasan warga minimal 4,5 dari 5', metricKey: 'citizen_satisfaction_avg', unit: 'skor 1-5', direction: 'increase', baseline: 1, target: 4.5 },
      { code: 'kepuasan-asn', title: 'Kepuasan ASN terhadap sistem minimal 4,2 dari 5', metricKey: 'asn_satisfaction_avg', unit: 'skor 1-5', direction: 'increase', baseline: 1, target: 4.2 },
    ],
  },
  {
    code: 'laporan-terbuka',
    title: 'Menerbitkan laporan kebijakan terbuka berbasis data',
    ownerOpd: BAPPEDA,
    keyResults: [{ code: 'laporan-per-triwulan', title: 'Minimal 3 laporan kebijakan terbuka per triwulan', metricKey: 'open_reports_per_quarter', unit: 'laporan', direction: 'increase', baseline: 0, target: 3 }],
  },
  {
    code: 'citizen-data-fellows',
    title: 'Membangun ekosistem Citizen Data Fellows sebagai jembatan ASN–masyarakat',
    ownerOpd: BPSDM,
    keyResults: [
      { code: 'fellows-aktif', title: 'Minimal 50 Citizen Data Fellows aktif', metricKey: 'active_fellows', unit: 'orang', direction: 'increase', baseline: 0, target: 50, params: { activeWithinDays: 60 } },
      { code: 'fellows-tersertifikasi', title: '80% peserta tersertifikasi Citizen Data Fellow', metricKey: 'fellows_certified_share', unit: '%', direction: 'increase', baseline: 0, target: 80 },
    ],
  },
];

export interface SeedSummary {
  cycle: 'created' | 'present';
  objectivesInserted: number;
  keyResultsInserted: number;
}

/**
 * Loads the blueprint's default cycle (January–March 2026) idempotently:
 * rows are only inserted when missing (by code), so admins' later edits to
 * targets or titles are never overwritten and a second run changes nothing.
 */
@Injectable()
export class DefaultCycleSeed {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(): Promise<SeedSummary> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('okr.default-cycle'))`);
      const c = BLUEPRINT_CYCLE;
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO okr_cycle (code, name, start_date, end_date, baseline_start, baseline_end, phases)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [c.code, c.name, c.startDate, c.endDate, c.baselineStart, c.baselineEnd, JSON.stringify(c.phases)],
      );
      const [{ id: cycleId }] = inserted.length ? inserted : await m.query(`SELECT id FROM okr_cycle WHERE code = $1`, [c.code]);
      let objectivesInserted = 0;
      let keyResultsInserted = 0;
      for (const [i, o] of BLUEPRINT_OBJECTIVES.entries()) {
        const [opd] = await m.query(`SELECT id FROM opd WHERE code = $1`, [o.ownerOpd]);
        if (!opd) throw new Error(`OKR seed: OPD ${o.ownerOpd} is missing; load the reference data first`);
        const rows: { id: string }[] = await m.query(
          `INSERT INTO okr_objective (cycle_id, code, title, owner_opd_id, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cycle_id, code) DO NOTHING RETURNING id`,
          [cycleId, o.code, o.title, opd.id, i],
        );
        objectivesInserted += rows.length;
        const [{ id: objectiveId }] = rows.length ? rows : await m.query(`SELECT id FROM okr_objective WHERE cycle_id = $1 AND code = $2`, [cycleId, o.code]);
        for (const [j, k] of o.keyResults.entries()) {
          const krs = await m.query(
            `INSERT INTO okr_key_result (objective_id, code, title, mode, metric_key, metric_params, unit, direction, baseline, target, position)
             VALUES ($1, $2, $3, 'auto', $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (objective_id, code) DO NOTHING RETURNING id`,
            [objectiveId, k.code, k.title, k.metricKey, JSON.stringify(k.params ?? {}), k.unit, k.direction, k.baseline, k.target, j],
          );
          keyResultsInserted += krs.length;
        }
      }
      return { cycle: inserted.length ? 'created' : 'present', objectivesInserted, keyResultsInserted };
    });
  }
}
