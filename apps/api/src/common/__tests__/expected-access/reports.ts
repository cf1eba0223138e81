/** Declared access of the open reports routes. */
export const REPORTS_ACCESS: Record<string, string> = {
  'POST /api/reports': 'roles:admin,bappeda',
  'GET /api/reports': 'public',
  'GET /api/reports/:id': 'public',
  'GET /api/reports/:id/schema': 'public',
  'GET /api/reports/:id/download': 'public',
  'POST /api/reports/:id/publish': 'roles:admin,bappeda',
};
