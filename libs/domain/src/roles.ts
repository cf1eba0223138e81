/** Roles of the hub (BLUEPRINT "Who uses it"). */
export const ROLES = ['admin', 'asn', 'bappeda', 'trainer', 'citizen', 'bi_reader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_ID: Record<Role, string> = {
  admin: 'Administrator (Diskominfo)',
  asn: 'ASN perangkat daerah',
  bappeda: 'Bappeda',
  trainer: 'Pelatih (BPSDM)',
  citizen: 'Warga',
  bi_reader: 'Pembaca BI',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
