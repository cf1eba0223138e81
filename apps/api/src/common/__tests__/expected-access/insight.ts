/** Declared access of the insight engine routes. */
export const INSIGHT_ACCESS: Record<string, string> = {
  'GET /api/insight/trends': 'public',
  'GET /api/insight/emerging': 'public',
  'GET /api/insight/forecast': 'public',
  'GET /api/insight/scenarios': 'public',
  'GET /api/insight/review': 'roles:admin,asn',
  'GET /api/insight/aspirations/:id': 'roles:admin,asn',
  'GET /api/insight/models': 'roles:admin',
  'POST /api/insight/models/retrain': 'roles:admin',
  'POST /api/insight/trends/recompute': 'roles:admin',
};
