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

export interface PublicAspiration {
  id: string;
  trackingCode: string;
  title: string | null;
  text: string;
  status: string;
  statusLabel: string;
  category: { code: string; label: string };
  kelurahan: { code: string; name: string };
  kecamatan: { code: string; name: string };
  opd: { code: string; name: string };
  supportCount: number;
  submittedAt: string;
  closedAt: string | null;
}

export interface TrackingEvent {
  kind: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  by: string;
}

export interface Tracking extends PublicAspiration {
  dueVerifyAt: string;
  duePlanAt: string;
  dueCloseAt: string | null;
  overdue: boolean;
  satisfaction: number | null;
  replies: TrackingEvent[];
  history: TrackingEvent[];
  allowedCitizenActions: ('add_info' | 'confirm' | 'contest')[];
}

/** Dates as people in Madiun read them (WIB). */
export function formatDate(iso: string, withTime = false, tag = 'id-ID'): string {
  return new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}
