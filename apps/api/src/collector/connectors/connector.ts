import type { DataSourceEntity, SourceKind } from '../entities/data-source.entity';
import type { IndicatorRow } from '../collector.repository';
import type { ProposalRow } from '../musrenbang-row';
import { RawRow, RunFailure, Validation } from '../pipeline';
import type { HttpClient } from './http';

/** State a connector reads from the previous run and writes for the next (incremental syncs). */
export interface IncrementalState {
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface ConnectorContext {
  source: Pick<DataSourceEntity, 'id' | 'name' | 'kind' | 'settings' | 'fieldMapping' | 'timeoutMs'>;
  apiKey: string | null;
  http: HttpClient;
  previous: IncrementalState;
  /** Set by the connector; saved on the run. */
  next: IncrementalState;
  /** Reference data for connectors that resolve kelurahan names. */
  kelurahan?: Map<string, string>;
}

export type ConnectorTarget = 'indicator' | 'proposal';
export type AnyConnector = Connector<'indicator'> | Connector<'proposal'>;
export type TargetRow<T extends ConnectorTarget> = T extends 'indicator' ? IndicatorRow : ProposalRow;

/**
 * One public source: fetch pages → normalise each page into flat records →
 * validate each record → (the runner) upserts in batches.
 */
export interface Connector<T extends ConnectorTarget = ConnectorTarget> {
  readonly kind: SourceKind;
  readonly target: T;
  fetchPages(ctx: ConnectorContext): AsyncIterable<unknown>;
  normalise(page: unknown, ctx: ConnectorContext): Record<string, unknown>[];
  validate(record: RawRow, ctx: ConnectorContext): Validation<TargetRow<T>>;
}

/** Reads a setting as a string, or fails with a clear message. */
export function setting(ctx: ConnectorContext, name: string, required = true): string {
  const v = ctx.source.settings[name];
  if ((v === undefined || v === null || v === '') && required) throw new Error(`settings.${name} is required for a ${ctx.source.kind} source`);
  return v == null ? '' : String(v);
}

/** Maps a record through the source's field mapping (target ← source field); unmapped targets keep their own name. */
export function mapped(record: Record<string, unknown>, mapping: Record<string, string>, target: string): unknown {
  const from = mapping[target] ?? target;
  return record[from];
}

/** Validates a mapped record as an indicator observation. */
export function indicatorFrom(record: RawRow, ctx: ConnectorContext, sourceLabel: string, defaults: Partial<Record<'indicator' | 'unit' | 'region' | 'period', string>> = {}): Validation<IndicatorRow> {
  const m = ctx.source.fieldMapping ?? {};
  const get = (k: string) => {
    const v = mapped(record.data, m, k);
    return v == null ? '' : String(v).trim();
  };
  const indicator = get('indicator') || defaults.indicator || '';
  const region = get('region') || defaults.region || '';
  const period = get('period') || defaults.period || '';
  const rawValue = get('value');
  if (!indicator) return { ok: false, reason: `indicator: empty (mapped from "${m.indicator ?? 'indicator'}")` };
  if (!region) return { ok: false, reason: `region: empty (mapped from "${m.region ?? 'region'}")` };
  if (!period) return { ok: false, reason: `period: empty (mapped from "${m.period ?? 'period'}")` };
  let value: string | null = null;
  if (rawValue !== '' && rawValue !== '-') {
    const n = Number(rawValue.replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(n)) return { ok: false, reason: `value: not a number "${rawValue}"` };
    value = String(n);
  }
  return {
    ok: true,
    value: { source: sourceLabel, indicator: indicator.slice(0, 300), region_code: region.slice(0, 120), period: period.slice(0, 60), value, unit: (get('unit') || defaults.unit || '').slice(0, 60) || null, source_id: ctx.source.id },
  };
}

/** Every field the mapping names must exist in the records: schema drift fails the run. */
export function checkMappedFields(records: Record<string, unknown>[], mapping: Record<string, string>, required: string[]): void {
  if (!records.length) return;
  const present = new Set(Object.keys(records[0]));
  const missing = required.map((t) => mapping[t] ?? t).filter((f) => !present.has(f));
  if (missing.length) {
    throw new SchemaDriftError(`The source's records lack mapped fields: ${missing.join(', ')} (fields present: ${[...present].join(', ')})`);
  }
}

export class SchemaDriftError extends RunFailure {}
