import { Injectable } from '@nestjs/common';
import { RawRow, RunFailure, Validation } from '../pipeline';
import type { IndicatorRow } from '../collector.repository';
import { Connector, ConnectorContext, indicatorFrom, setting } from './connector';

interface Label {
  val: number | string;
  label: string;
  unit?: string;
}

interface BpsDataResponse {
  status?: string;
  message?: string;
  'data-availability'?: string;
  var?: Label[];
  vervar?: Label[];
  turvar?: Label[];
  tahun?: Label[];
  turtahun?: Label[];
  datacontent?: Record<string, number | string | null>;
}

export function stripHtml(s: string): string {
  return s.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();
}

const NONE = /^(tidak ada|tahunan)$/i;

/**
 * Builds the datacontent keys from the label arrays: the concatenation
 * vervar+var+turvar+tahun+turtahun is ambiguous, so it is never parsed.
 */
export function bpsObservations(body: BpsDataResponse): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const content = body.datacontent ?? {};
  const list = (a: Label[] | undefined): Label[] => (a && a.length ? a : [{ val: '', label: '' }]);
  for (const vv of list(body.vervar))
    for (const v of list(body.var))
      for (const tv of list(body.turvar))
        for (const th of list(body.tahun))
          for (const tt of list(body.turtahun)) {
            const key = `${vv.val}${v.val}${tv.val}${th.val}${tt.val}`;
            if (!(key in content)) continue;
            const turvar = stripHtml(String(tv.label ?? ''));
            const turtahun = stripHtml(String(tt.label ?? ''));
            const period = stripHtml(String(th.label ?? ''));
            out.push({
              indicator: `${stripHtml(String(v.label))}${turvar && !NONE.test(turvar) ? ` - ${turvar}` : ''}`,
              indicator_id: `${v.val}/${tv.val}`,
              region: String(vv.val),
              region_label: stripHtml(String(vv.label ?? '')),
              period: turtahun && !NONE.test(turtahun) ? `${period} ${turtahun}` : period,
              value: content[key],
              unit: v.unit ? stripHtml(String(v.unit)) : null,
            });
          }
  return out;
}

/** BPS WebAPI, model=data: indicators of a domain (3577 = Kota Madiun) into indicator_observation. */
@Injectable()
export class BpsConnector implements Connector<'indicator'> {
  readonly kind = 'bps' as const;
  readonly target = 'indicator' as const;

  async *fetchPages(ctx: ConnectorContext): AsyncIterable<unknown> {
    const base = (setting(ctx, 'baseUrl', false) || 'https://webapi.bps.go.id/v1/api').replace(/\/$/, '');
    const domain = setting(ctx, 'domain', false) || '3577';
    const variable = setting(ctx, 'var');
    const years = String(ctx.source.settings.years ?? ctx.source.settings.year ?? new Date().getFullYear()).split(',').map((y) => y.trim()).filter(Boolean);
    for (const year of years) {
      const th = Number(year) > 1900 ? Number(year) - 1900 : Number(year);
      const url = `${base}/list/model/data/lang/ind/domain/${domain}/var/${variable}/th/${th}/key/${ctx.apiKey ?? ''}/`;
      const { body } = await ctx.http.getJson<BpsDataResponse>(url);
      if (!body) continue;
      if (body.status && body.status !== 'OK') throw new RunFailure(`BPS answered status ${body.status}: ${ctx.http.redact(String(body.message ?? 'no message'))}`);
      if (body['data-availability'] === 'list-not-available') continue;
      yield body;
    }
  }

  normalise(page: unknown): Record<string, unknown>[] {
    return bpsObservations(page as BpsDataResponse);
  }

  validate(record: RawRow, ctx: ConnectorContext): Validation<IndicatorRow> {
    const domain = setting(ctx, 'domain', false) || '3577';
    return indicatorFrom(record, { ...ctx, source: { ...ctx.source, fieldMapping: {} } }, `bps:${domain}`);
  }
}
