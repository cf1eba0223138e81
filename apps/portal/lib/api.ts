import type { HealthReport } from '@ogh/domain';

/** Where the portal's server reaches the API (not exposed to browsers: they go through /api on the portal). */
export const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3000';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** Server-side GET against the API; never throws, so a page can render a clear message instead. */
export async function apiGet<T>(path: string): Promise<ApiResult<T>> {
  try {
    const res = await fetch(`${API_URL}/api${path}`, { cache: 'no-store', signal: AbortSignal.timeout(5000) });
    const body = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, status: res.status, message: (body as { message?: string } | null)?.message ?? res.statusText };
    return { ok: true, data: body as T };
  } catch (err) {
    return { ok: false, status: 0, message: err instanceof Error ? err.message : String(err) };
  }
}

export type ApiHealth = { reachable: true; report: HealthReport } | { reachable: false; reason: string };

export async function fetchHealth(): Promise<ApiHealth> {
  const r = await apiGet<HealthReport>('/health');
  return r.ok ? { reachable: true, report: r.data } : { reachable: false, reason: r.message };
}

export interface Kelurahan {
  code: string;
  name: string;
}
export interface Kecamatan {
  code: string;
  name: string;
  kelurahan: Kelurahan[];
}
export interface Category {
  code: string;
  labelId: string;
}

/** The API's public views, shared through libs/domain. */
export type { PublicAspiration, PublicEvent as TrackingEvent, TrackingView as Tracking } from '@ogh/domain';

/** Dates as people in Madiun read them (WIB). */
export function formatDate(iso: string, withTime = false, tag = 'id-ID'): string {
  return new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}
