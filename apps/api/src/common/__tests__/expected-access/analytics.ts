/** Declared access of the analytics routes. */
export const ANALYTICS_ACCESS: Record<string, string> = {
  'GET /api/analytics/refresh-state': 'roles:admin,asn,bappeda,bi_reader',
  'POST /api/analytics/refresh': 'roles:admin',
};
