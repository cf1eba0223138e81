/** Declared access of the forums routes ("METHOD /path": access). */
export const FORUMS_ACCESS: Record<string, string> = {
  'POST /api/forums': 'roles:admin,asn,bappeda',
  'GET /api/forums': 'public',
  'GET /api/forums/summary': 'public',
};
