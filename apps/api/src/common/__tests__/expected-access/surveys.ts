/** Declared access of the surveys routes ("METHOD /path": access). */
export const SURVEYS_ACCESS: Record<string, string> = {
  'POST /api/surveys/citizen': 'public',
  'POST /api/surveys/asn': 'roles:asn',
  'GET /api/surveys/summary': 'public',
  'GET /api/surveys/asn/summary': 'roles:admin,asn,bappeda',
};
