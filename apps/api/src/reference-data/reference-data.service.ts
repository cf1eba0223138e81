import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { readCsv } from './csv';

/** Offices that receive no category by default but act in the hub. */
const EXTRA_OPD = [
  'Badan Perencanaan Pembangunan Daerah',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
];

/** Population and area of the city (shared/data/README.md, cahyadsn/wilayah). */
const KOTA_FACTS: Record<string, { population: number; areaKm2: string }> = {
  '35.77': { population: 201_733, areaKm2: '36.126' },
};

export interface LoadSummary {
  table: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

export function opdCode(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * Loads the edition's reference data (wilayah, OPD, categories). Idempotent:
 * a row is only written when it differs, so a second run changes nothing.
 */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly dataSource: DataSource) {}

  static readonly dataDir = join(__dirname, 'data');

  async load(dir = ReferenceDataService.dataDir): Promise<LoadSummary[]> {
    const wilayah = readCsv<{ kemendagri_code: string; bps_code: string; level: string; name: string; parent_code: string }>(join(dir, 'wilayah-madiun.csv'));
    const categories = readCsv<{ code: string; label_id: string; label_en: string; default_opd: string }>(join(dir, 'categories.csv'));

    return this.dataSource.transaction(async (m) => {
      const summaries: LoadSummary[] = [];
      const upsert = async (table: string, key: string, columns: string[], rows: unknown[][]) => {
        let inserted = 0;
        let updated = 0;
        for (const row of rows) {
          const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
          const sets = columns.filter((c) => c !== key).map((c) => `${c} = EXCLUDED.${c}`).join(', ');
          const distinct = columns.filter((c) => c !== key).map((c) => `t.${c} IS DISTINCT FROM EXCLUDED.${c}`).join(' OR ');
          const res: { inserted: boolean }[] = await m.query(
            `INSERT INTO ${table} AS t (${columns.join(', ')}) VALUES (${placeholders})
             ON CONFLICT (${key}) DO UPDATE SET ${sets} WHERE ${distinct}
             RETURNING (xmax = 0) AS inserted`,
            row,
          );
          if (res.length && res[0].inserted) inserted++;
          else if (res.length) updated++;
        }
        summaries.push({ table, inserted, updated, unchanged: rows.length - inserted - updated });
      };

      const nullIfEmpty = (v: string) => (v === '' ? null : v);
      await upsert('kota', 'code', ['code', 'bps_code', 'name', 'population', 'area_km2'],
        wilayah.filter((w) => w.level === 'kota').map((w) => [w.kemendagri_code, nullIfEmpty(w.bps_code), w.name, KOTA_FACTS[w.kemendagri_code]?.population ?? null, KOTA_FACTS[w.kemendagri_code]?.areaKm2 ?? null]));
      await upsert('kecamatan', 'code', ['code', 'bps_code', 'name', 'kota_code'],
        wilayah.filter((w) => w.level === 'kecamatan').map((w) => [w.kemendagri_code, nullIfEmpty(w.bps_code), w.name, w.parent_code]));
      await upsert('kelurahan', 'code', ['code', 'bps_code', 'name', 'kecamatan_code'],
        wilayah.filter((w) => w.level === 'kelurahan').map((w) => [w.kemendagri_code, nullIfEmpty(w.bps_code), w.name, w.parent_code]));

      const opdNames = [...new Set([...categories.map((c) => c.default_opd), ...EXTRA_OPD])];
      await upsert('opd', 'code', ['code', 'name'], opdNames.map((n) => [opdCode(n), n]));
      const opdIds = new Map<string, number>(
        (await m.query('SELECT id, name FROM opd')).map((r: { id: number; name: string }) => [r.name, r.id]),
      );
      await upsert('category', 'code', ['code', 'label_id', 'label_en', 'default_opd_id', 'sort_order'],
        categories.map((c, i) => [c.code, c.label_id, c.label_en, opdIds.get(c.default_opd), i + 1]));
      return summaries;
    });
  }
}
