/** Declared access of the data collector routes. */
const ADMIN = 'roles:admin';

export const COLLECTOR_ACCESS: Record<string, string> = {
  'GET /api/collector/sources': ADMIN,
  'POST /api/collector/sources': ADMIN,
  'GET /api/collector/sources/:id': ADMIN,
  'PATCH /api/collector/sources/:id': ADMIN,
  'DELETE /api/collector/sources/:id': ADMIN,
  'POST /api/collector/sources/:id/pause': ADMIN,
  'POST /api/collector/sources/:id/resume': ADMIN,
  'POST /api/collector/sources/:id/run': ADMIN,
  'GET /api/collector/sources/:id/runs': ADMIN,
  'GET /api/collector/sources/:id/runs/:runId': ADMIN,
  'POST /api/collector/imports/musrenbang': 'roles:admin,bappeda',
  'POST /api/collector/imports/musrenbang/csv': 'roles:admin,bappeda',
  'GET /api/musrenbang/proposals': 'roles:admin,bappeda',
  'GET /api/musrenbang/funnel': 'roles:admin,bappeda',
  'POST /api/musrenbang/proposals/:id/links': 'roles:admin,bappeda',
};
