import { Injectable } from '@nestjs/common';
import { mapStatus, normaliseName, parseAmount, parseDate, ProposalRow } from '../musrenbang-row';
import { RawRow, RunFailure, Validation } from '../pipeline';
import { checkMappedFields, Connector, ConnectorContext, setting } from './connector';

const s = (v: unknown): string => (v == null ? '' : String(v)).trim();
const orNull = (v: string): string | null => (v === '' ? null : v);
const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

/** SIPD usulan (aspirasi masyarakat / pokir) list into musrenbang_proposal (stage "sipd"). */
@Injectable()
export class SipdConnector implements Connector<'proposal'> {
  readonly kind = 'sipd' as const;
  readonly target = 'proposal' as const;

  async *fetchPages(ctx: ConnectorContext): AsyncIterable<unknown> {
    const url = setting(ctx, 'url');
    const perPage = Number(ctx.source.settings.perPage ?? 500);
    for (let page = 1; page < 10_000; page++) {
      const sep = url.includes('?') ? '&' : '?';
      const { body } = await ctx.http.getJson<unknown>(`${url}${sep}page=${page}&per_page=${perPage}`, ctx.apiKey ? { authorization: `Bearer ${ctx.apiKey}` } : {});
      const records = Array.isArray(body) ? body : (body as { data?: unknown })?.data;
      if (!Array.isArray(records)) throw new RunFailure('SIPD answer has no list of usulan');
      if (!records.length) break;
      yield records;
      if (records.length < perPage) break;
    }
  }

  normalise(page: unknown): Record<string, unknown>[] {
    const records = page as Record<string, unknown>[];
    checkMappedFields(records, {}, ['id_usulan', 'tahun', 'nama_kamus', 'lurah_teks', 'nama_status']);
    return records;
  }

  validate(record: RawRow, ctx: ConnectorContext): Validation<ProposalRow> {
    const d = record.data;
    const kel = s(d.lurah_teks);
    const code = ctx.kelurahan?.get(normaliseName(kel));
    if (!code) return { ok: false, reason: `lurah_teks: unknown kelurahan "${kel}" (not in Kota Madiun)` };
    const proposal = s(d.nama_kamus);
    if (!proposal) return { ok: false, reason: 'nama_kamus: empty proposal' };
    const year = Number(s(d.tahun));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, reason: `tahun: not a year "${s(d.tahun)}"` };
    const budget = s(d.anggaran) ? parseAmount(s(d.anggaran)) : null;
    if (budget !== null && (Number.isNaN(budget) || budget < 0)) return { ok: false, reason: `anggaran: negative or not a number "${s(d.anggaran)}"` };
    const created = s(d.created_at).slice(0, 10);
    const proposedOn = created ? parseDate(created) : null;
    if (created && !proposedOn) return { ok: false, reason: `created_at: impossible date "${s(d.created_at)}"` };
    const status = truthy(d.is_tolak) ? 'tidak diakomodir' : (mapStatus(s(d.nama_status)) ?? (truthy(d.is_verif) ? 'diakomodir' : 'diusulkan'));
    const lat = Number(d.map_lat_lokasi);
    const lng = Number(d.map_lng_lokasi);
    return {
      ok: true,
      value: {
        year,
        stage: 'sipd',
        external_id: s(d.id_usulan),
        proposed_on: proposedOn,
        proposer: orNull(s(d.nama_pengusul)),
        kelurahan_code: code,
        bidang: orNull(s(d.nama_bidang_urusan) || s(d.id_bidang_urusan)),
        problem: orNull(s(d.masalah)),
        proposal,
        address: orNull(s(d.alamat_teks)),
        lat: d.map_lat_lokasi != null && Number.isFinite(lat) ? lat : null,
        lng: d.map_lng_lokasi != null && Number.isFinite(lng) ? lng : null,
        volume: s(d.volume) && Number.isFinite(Number(d.volume)) ? String(Number(d.volume)) : null,
        unit: orNull(s(d.satuan)),
        estimated_budget: budget === null ? null : budget.toFixed(2),
        opd_initial: orNull(s(d.nama_skpd_awal)),
        opd_final: orNull(s(d.nama_rev_unit)),
        status,
        note: orNull(s(d.tolak_teks)),
        source_id: ctx.source.id,
      },
    };
  }
}
