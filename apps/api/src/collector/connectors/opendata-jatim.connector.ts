import { Injectable } from '@nestjs/common';
import type { IndicatorRow } from '../collector.repository';
import { RawRow, RunFailure, Validation } from '../pipeline';
import { checkMappedFields, Connector, ConnectorContext, indicatorFrom, setting } from './connector';

interface JatimResponse {
  code?: number;
  message?: string;
  data?: Record<string, unknown>[];
  error?: unknown;
  pagination?: { page: number; per_page: number; total_page?: number; has_next?: boolean };
}

export const JATIM_DEFAULT_MAPPING = { indicator: 'kategori', region: 'nama_kabupaten_kota', period: 'tahun', value: 'jumlah', unit: 'satuan' };

/** Open Data Jawa Timur cleaned-bigdata datasets (page/per_page; periode_update filter) into indicator_observation. */
@Injectable()
export class OpenDataJatimConnector implements Connector<'indicator'> {
  readonly kind = 'opendata_jatim' as const;
  readonly target = 'indicator' as const;

  private mapping(ctx: ConnectorContext): Record<string, string> {
    return { ...JATIM_DEFAULT_MAPPING, ...(ctx.source.fieldMapping ?? {}) };
  }

  async *fetchPages(ctx: ConnectorContext): AsyncIterable<unknown> {
    const base = (setting(ctx, 'baseUrl', false) || 'https://opendata.jatimprov.go.id/api').replace(/\/$/, '');
    const org = setting(ctx, 'org');
    const dataset = setting(ctx, 'dataset');
    const perPage = Number(ctx.source.settings.perPage ?? 100);
    const periods = ctx.source.settings.periodeUpdate;
    const where = Array.isArray(periods) && periods.length ? `&where=${encodeURIComponent(JSON.stringify({ periode_update: periods }))}` : '';
    let latest = ctx.previous.cursor;
    for (let page = 1; page < 10_000; page++) {
      const url = `${base}/cleaned-bigdata/${encodeURIComponent(org)}/${encodeURIComponent(dataset)}?page=${page}&per_page=${perPage}&sort=id:asc${where}`;
      const { body } = await ctx.http.getJson<JatimResponse>(url, ctx.apiKey ? { authorization: `Bearer ${ctx.apiKey}` } : {});
      if (!body || (body.code !== undefined && body.code !== 200) || body.error) {
        throw new RunFailure(`Open Data Jatim answered code ${body?.code ?? '?'}: ${String(body?.message ?? 'no message')}`);
      }
      if (!Array.isArray(body.data)) throw new RunFailure('Open Data Jatim answer has no data array');
      for (const r of body.data) if (r.periode_update && (!latest || String(r.periode_update) > latest)) latest = String(r.periode_update);
      yield body.data;
      if (!body.pagination?.has_next) break;
    }
    ctx.next.cursor = latest;
  }

  normalise(page: unknown, ctx: ConnectorContext): Record<string, unknown>[] {
    const records = page as Record<string, unknown>[];
    checkMappedFields(records, this.mapping(ctx), ['indicator', 'region', 'period', 'value']);
    return records;
  }

  validate(record: RawRow, ctx: ConnectorContext): Validation<IndicatorRow> {
    const label = `opendata-jatim:${setting(ctx, 'org')}/${setting(ctx, 'dataset')}`;
    return indicatorFrom(record, { ...ctx, source: { ...ctx.source, fieldMapping: this.mapping(ctx) } }, label);
  }
}
