import type { AspirationChannel, AspirationStatus, PublicAspiration } from '@ogh/domain';
import { ASPIRATION_STATUS_LABELS_ID } from '@ogh/domain';

export type { PublicAspiration, PublicEvent, TrackingView } from '@ogh/domain';

export interface PublicRow {
  id: string;
  tracking_code: string;
  public_title: string | null;
  public_text: string;
  status: AspirationStatus;
  category_code: string;
  category_label: string;
  kelurahan_code: string;
  kelurahan_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  opd_code: string;
  opd_name: string;
  channel: AspirationChannel;
  support_count: number;
  submitted_at: Date;
  latitude: number | null;
  longitude: number | null;
  closed_at: Date | null;
}

/** The columns behind PublicRow, for every public query. */
export const PUBLIC_COLUMNS = `
  a.id, a.tracking_code, a.public_title, a.public_text, a.status, a.category_code, c.label_id AS category_label,
  a.kelurahan_code, kl.name AS kelurahan_name, a.kecamatan_code, kc.name AS kecamatan_name,
  o.code AS opd_code, o.name AS opd_name, a.channel, a.support_count, a.submitted_at, a.latitude, a.longitude, a.closed_at`;

export const PUBLIC_JOINS = `
  JOIN category c ON c.code = a.category_code
  JOIN kelurahan kl ON kl.code = a.kelurahan_code
  JOIN kecamatan kc ON kc.code = a.kecamatan_code
  JOIN opd o ON o.id = a.opd_id`;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function toPublic(r: PublicRow): PublicAspiration {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    title: r.public_title,
    text: r.public_text,
    status: r.status,
    statusLabel: ASPIRATION_STATUS_LABELS_ID[r.status],
    category: { code: r.category_code, label: r.category_label },
    kelurahan: { code: r.kelurahan_code, name: r.kelurahan_name },
    kecamatan: { code: r.kecamatan_code, name: r.kecamatan_name },
    opd: { code: r.opd_code, name: r.opd_name },
    channel: r.channel,
    supportCount: r.support_count,
    submittedAt: r.submitted_at.toISOString(),
    point: r.latitude != null && r.longitude != null ? { latitude: round3(r.latitude), longitude: round3(r.longitude) } : null,
    closedAt: r.closed_at?.toISOString() ?? null,
  };
}
