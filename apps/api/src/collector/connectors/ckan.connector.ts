import { Injectable } from '@nestjs/common';
import type { IndicatorRow } from '../collector.repository';
import { RawRow, RunFailure, Validation } from '../pipeline';
import { checkMappedFields, Connector, ConnectorContext, indicatorFrom, setting } from './connector';

interface CkanAnswer<T> {
  success: boolean;
  error?: { message?: string; __type?: string };
  result?: T;
}

interface PackageSearch {
  count: number;
  results: { name: string; resources: { id: string; url: string; format: string; datastore_active?: boolean }[] }[];
}

interface DatastoreSearch {
  fields: { id: string; type: string }[];
  records: Record<string, unknown>[];
  total: number;
}

/** CKAN action API: package_search to find a datastore resource, datastore_search with offset paging. */
@Injectable()
export class CkanConnector implements Connector<'indicator'> {
  readonly kind = 'ckan' as const;
  readonly target = 'indicator' as const;

  private async call<T>(ctx: ConnectorContext, action: string, params: Record<string, string | number>): Promise<T> {
    const base = setting(ctx, 'baseUrl').replace(/\/$/, '');
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const url = `${base}/api/3/action/${action}?${qs}`;
    const { body } = await ctx.http.getJson<CkanAnswer<T>>(url, ctx.apiKey ? { authorization: ctx.apiKey } : {});
    if (!body?.success || !body.result) throw new RunFailure(`CKAN ${action} failed: ${body?.error?.message ?? body?.error?.__type ?? 'no result'}`);
    return body.result;
  }

  async *fetchPages(ctx: ConnectorContext): AsyncIterable<unknown> {
    let resourceId = setting(ctx, 'resourceId', false);
    if (!resourceId) {
      const q = setting(ctx, 'packageQuery');
      const found = await this.call<PackageSearch>(ctx, 'package_search', { q, rows: 1 });
      const resource = found.results[0]?.resources.find((r) => r.datastore_active) ?? found.results[0]?.resources[0];
      if (!resource) throw new RunFailure(`CKAN package_search "${q}" found no resource`);
      resourceId = resource.id;
    }
    const limit = Number(ctx.source.settings.pageSize ?? 1000);
    for (let offset = 0; ; offset += limit) {
      const page = await this.call<DatastoreSearch>(ctx, 'datastore_search', { resource_id: resourceId, limit, offset });
      if (!page.records.length) break;
      yield page.records;
      if (offset + page.records.length >= page.total) break;
    }
  }

  normalise(page: unknown, ctx: ConnectorContext): Record<string, unknown>[] {
    const records = page as Record<string, unknown>[];
    checkMappedFields(records, ctx.source.fieldMapping ?? {}, ['indicator', 'region', 'period', 'value']);
    return records;
  }

  validate(record: RawRow, ctx: ConnectorContext): Validation<IndicatorRow> {
    return indicatorFrom(record, ctx, `ckan:${ctx.source.name}`);
  }
}
