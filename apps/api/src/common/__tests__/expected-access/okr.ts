/** Declared access of the OKR tracker routes. */
const READERS = 'roles:admin,asn,bappeda,bi_reader,trainer';
const OWNERS = 'roles:admin,asn,bappeda,trainer';

export const OKR_ACCESS: Record<string, string> = {
  'GET /api/okr/metrics': READERS,
  'GET /api/okr/cycles': READERS,
  'POST /api/okr/cycles': 'roles:admin',
  'GET /api/okr/cycles/:id': READERS,
  'PATCH /api/okr/cycles/:id': 'roles:admin',
  'GET /api/okr/cycles/:id/scenarios': READERS,
  'POST /api/okr/cycles/:id/objectives': 'roles:admin',
  'PATCH /api/okr/objectives/:id': 'roles:admin',
  'POST /api/okr/objectives/:id/key-results': 'roles:admin',
  'GET /api/okr/key-results/:id': READERS,
  'PATCH /api/okr/key-results/:id': 'roles:admin',
  'POST /api/okr/key-results/:id/value': OWNERS,
  'POST /api/okr/key-results/:id/check-ins': OWNERS,
  'POST /api/okr/recompute': 'roles:admin',
};
