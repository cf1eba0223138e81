/** Status workflow of an aspiration (BLUEPRINT "Contracts"). */
export const ASPIRATION_STATUSES = [
  'received',
  'verified',
  'in_progress',
  'resolved',
  'rejected',
  'adopted',
] as const;
export type AspirationStatus = (typeof ASPIRATION_STATUSES)[number];

export const ASPIRATION_STATUS_LABELS_ID: Record<AspirationStatus, string> = {
  received: 'Diterima',
  verified: 'Diverifikasi',
  in_progress: 'Ditindaklanjuti',
  resolved: 'Selesai',
  rejected: 'Ditolak',
  adopted: 'Menjadi kebijakan',
};

export const ASPIRATION_CHANNELS = ['portal', 'whatsapp', 'sms', 'forum', 'musrenbang', 'other'] as const;
export type AspirationChannel = (typeof ASPIRATION_CHANNELS)[number];
