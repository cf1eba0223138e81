/** Declared access of the Open311 GeoReport v2 routes (outside the /api prefix). */
export const OPEN311_ACCESS: Record<string, string> = {
  'GET /open311/v2/services.json': 'public',
  'GET /open311/v2/services/:code.json': 'public',
  'GET /open311/v2/requests.json': 'public',
  'POST /open311/v2/requests.json': 'public',
  'GET /open311/v2/requests/:id.json': 'public',
};
