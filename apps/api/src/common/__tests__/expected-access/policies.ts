/** Declared access of the policies routes ("METHOD /path": access). */
export const POLICIES_ACCESS: Record<string, string> = {
  'GET /api/policies': 'public',
  'POST /api/policies': 'roles:admin,asn',
  'GET /api/policies/:id': 'public',
  'PATCH /api/policies/:id': 'roles:admin,asn',
  'POST /api/policies/:id/publish': 'roles:admin,asn',
  'POST /api/policies/:id/status': 'roles:admin,asn',
  'POST /api/policies/:id/aspirations': 'roles:admin,asn',
  'GET /api/policies/:id/ratings': 'public',
  'POST /api/policies/:id/ratings': 'public',
  'GET /api/asn/policies': 'roles:admin,asn',
  'GET /api/asn/policies/:id': 'roles:admin,asn',
  'GET /api/asn/policies/:id/ratings': 'roles:admin,asn',
  'POST /api/asn/policy-ratings/:id/hide': 'roles:admin,asn',
};
