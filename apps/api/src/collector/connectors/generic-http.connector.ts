import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { IndicatorRow } from '../collector.repository';
import { RawRow, RunFailure, Validation } from '../pipeline';
import { checkMappedFields, Connector, ConnectorContext, indicatorFrom, setting } from './connector';

function at(body: unknown, path: string): unknown {
  return path ? path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), body) : body;
}

/** A CSV file or a JSON array over HTTP, with a field mapping; ETag / Last-Modified make re-runs cheap. */
@Injectable()
export class GenericHttpConnector implements Connector<'indicator'> {
  readonly kind = 'generic_http' as const;
  readonly target = 'indicator' as const;

  async *fetchPages(ctx: ConnectorContext): AsyncIterable<unknown> {
    const url = setting(ctx, 'url');
    const headers: Record<string, string> = {};
    if (ctx.apiKey) headers[String(ctx.source.settings.apiKeyHeader ?? 'x-api-key')] = ctx.apiKey;
    if (ctx.previous.etag) headers['if-none-match'] = ctx.previous.etag;
    if (ctx.previous.lastModified) headers['if-modified-since'] = ctx.previous.lastModified;
    const res = await ctx.http.get(url, headers);
    ctx.next.etag = res.headers.get('etag') ?? ctx.previous.etag;
    ctx.next.lastModified = res.headers.get('last-modified') ?? ctx.previous.lastModified;
    if (res.status === 304) return;
    const format = setting(ctx, 'format', false) || (/csv/.test(res.headers.get('content-type') ?? '') ? 'csv' : 'json');
    if (format === 'csv') {
      yield parse(res.text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, unknown>[];
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new RunFailure(`The answer from ${ctx.http.redact(url)} is not JSON`);
    }
    const records = at(body, setting(ctx, 'recordsPath', false));
    if (!Array.isArray(records)) throw new RunFailure(`No array of records at "${setting(ctx, 'recordsPath', false) || '(root)'}"`);
    yield records;
  }

  normalise(page: unknown, ctx: ConnectorContext): Record<string, unknown>[] {
    const records = page as Record<string, unknown>[];
    checkMappedFields(records, ctx.source.fieldMapping ?? {}, ['indicator', 'region', 'period', 'value']);
    return records;
  }

  validate(record: RawRow, ctx: ConnectorContext): Validation<IndicatorRow> {
    return indicatorFrom(record, ctx, `http:${ctx.source.name}`);
  }
}
