import type { HealthReport } from '@ogh/domain';

/** Where the portal's server reaches the API (not exposed to browsers). */
export const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3000';

export type ApiHealth = { reachable: true; report: HealthReport } | { reachable: false; reason: string };

export async function fetchHealth(): Promise<ApiHealth> {
  try {
    const res = await fetch(`${API_URL}/api/health`, { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    const report = (await res.json()) as HealthReport;
    return { reachable: true, report };
  } catch (err) {
    return { reachable: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
