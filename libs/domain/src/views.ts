import type { AspirationChannel, AspirationStatus } from './aspiration';

/** Public, redacted view of an aspiration: the only shape anonymous callers ever see. */
export interface PublicAspiration {
  id: string;
  trackingCode: string;
  title: string | null;
  text: string;
  status: AspirationStatus;
  statusLabel: string;
  category: { code: string; label: string };
  kelurahan: { code: string; name: string };
  kecamatan: { code: string; name: string };
  opd: { code: string; name: string };
  channel: AspirationChannel;
  supportCount: number;
  submittedAt: string;
  /** Rounded to about 100 m, so a point never pins a home. */
  point: { latitude: number; longitude: number } | null;
  closedAt: string | null;
}

export interface PublicEvent {
  kind: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  by: string;
}

export interface TrackingView extends PublicAspiration {
  dueVerifyAt: string;
  duePlanAt: string;
  dueCloseAt: string | null;
  overdue: boolean;
  satisfaction: number | null;
  replies: PublicEvent[];
  history: PublicEvent[];
  allowedCitizenActions: ('add_info' | 'confirm' | 'contest')[];
}
