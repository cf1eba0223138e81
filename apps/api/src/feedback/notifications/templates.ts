import { ASPIRATION_STATUS_LABELS_ID, AspirationStatus } from '@ogh/domain';

/**
 * Indonesian e-mail texts. Pure functions: no I/O, so they are tested without
 * a database. Every message has a plain-text body and a simple HTML body with
 * the same content; all inserted values are HTML-escaped.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const TIME_ZONE = 'Asia/Jakarta';
const FOOTER = 'Pesan ini dikirim otomatis oleh Open Governance Hub Kota Madiun. Mohon tidak membalas e-mail ini.';

export function statusLabel(status: string): string {
  return ASPIRATION_STATUS_LABELS_ID[status as AspirationStatus] ?? status;
}

/** "28 Nov 2026", in Jakarta time. */
export function formatDate(d: Date): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** "27 Nov 2026 07.00 WIB". */
export function formatDateTime(d: Date): string {
  const time = new Intl.DateTimeFormat('id-ID', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${formatDate(d)} ${time} WIB`;
}

/** YYYY-MM-DD of the day in Jakarta (the digest's day). */
export function jakartaDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export function trackingUrl(portalUrl: string, trackingCode: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/lacak/${encodeURIComponent(trackingCode)}`;
}

export function asnWorkspaceUrl(portalUrl: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/asn`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Subjects are single-line and fit the notification.subject column. */
function subjectLine(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}

function quoteText(body: string): string {
  return body
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

function paragraphsHtml(body: string): string {
  return escapeHtml(body).replace(/\r?\n/g, '<br>');
}

function htmlPage(inner: string): string {
  return `<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;font-size:14px;color:#222;line-height:1.5">${inner}<p style="color:#777;font-size:12px">${escapeHtml(FOOTER)}</p></body></html>`;
}

export interface CitizenAspirationInfo {
  trackingCode: string;
  categoryLabel: string;
  opdName: string;
  portalUrl: string;
  /** The citizen's name, if they left one. */
  name?: string | null;
}

function greeting(name?: string | null): string {
  return name ? `Yth. ${name},` : 'Yth. Bapak/Ibu,';
}

export function statusChangedMail(a: CitizenAspirationInfo, change: { from: string; to: string; publicReason?: string | null }): MailContent {
  const toLabel = statusLabel(change.to);
  const fromLabel = statusLabel(change.from);
  const url = trackingUrl(a.portalUrl, a.trackingCode);
  const extra: string[] = [];
  if (change.publicReason) extra.push(`${change.to === 'rejected' ? 'Alasan' : 'Keterangan'}:\n${quoteText(change.publicReason)}`);
  if (change.to === 'resolved') {
    extra.push('Jika masalah sudah benar-benar selesai, mohon konfirmasi di halaman pelacakan. Jika belum, Anda dapat menyampaikan keberatan dalam 10 hari kerja.');
  }
  const lines = [
    greeting(a.name),
    '',
    `Status aspirasi Anda dengan kode ${a.trackingCode} (${a.categoryLabel}) telah berubah dari "${fromLabel}" menjadi "${toLabel}".`,
    `Ditangani oleh: ${a.opdName}.`,
    ...extra.flatMap((e) => ['', e]),
    '',
    `Pantau perkembangan aspirasi Anda di: ${url}`,
    '',
    'Terima kasih atas partisipasi Anda.',
    '',
    '--',
    FOOTER,
  ];
  const html = htmlPage(
    `<p>${escapeHtml(greeting(a.name))}</p>` +
      `<p>Status aspirasi Anda dengan kode <strong>${escapeHtml(a.trackingCode)}</strong> (${escapeHtml(a.categoryLabel)}) telah berubah dari "${escapeHtml(fromLabel)}" menjadi <strong>"${escapeHtml(toLabel)}"</strong>.</p>` +
      `<p>Ditangani oleh: ${escapeHtml(a.opdName)}.</p>` +
      extra.map((e) => `<p>${paragraphsHtml(e.replace(/^> /gm, ''))}</p>`).join('') +
      `<p><a href="${escapeHtml(url)}">Lihat perkembangan aspirasi ${escapeHtml(a.trackingCode)}</a></p>` +
      '<p>Terima kasih atas partisipasi Anda.</p>',
  );
  return { subject: subjectLine(`Aspirasi ${a.trackingCode}: status berubah menjadi ${toLabel}`), text: lines.join('\n'), html };
}

export function replyMail(a: CitizenAspirationInfo, reply: { publicBody: string; status: string }): MailContent {
  const url = trackingUrl(a.portalUrl, a.trackingCode);
  const lines = [
    greeting(a.name),
    '',
    `${a.opdName} memberikan tanggapan atas aspirasi Anda dengan kode ${a.trackingCode} (${a.categoryLabel}):`,
    '',
    quoteText(reply.publicBody),
    '',
    `Status saat ini: ${statusLabel(reply.status)}.`,
    `Pantau perkembangan aspirasi Anda di: ${url}`,
    '',
    'Terima kasih atas partisipasi Anda.',
    '',
    '--',
    FOOTER,
  ];
  const html = htmlPage(
    `<p>${escapeHtml(greeting(a.name))}</p>` +
      `<p>${escapeHtml(a.opdName)} memberikan tanggapan atas aspirasi Anda dengan kode <strong>${escapeHtml(a.trackingCode)}</strong> (${escapeHtml(a.categoryLabel)}):</p>` +
      `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${paragraphsHtml(reply.publicBody)}</blockquote>` +
      `<p>Status saat ini: ${escapeHtml(statusLabel(reply.status))}.</p>` +
      `<p><a href="${escapeHtml(url)}">Lihat aspirasi ${escapeHtml(a.trackingCode)}</a></p>` +
      '<p>Terima kasih atas partisipasi Anda.</p>',
  );
  return { subject: subjectLine(`Aspirasi ${a.trackingCode}: tanggapan baru dari ${a.opdName}`), text: lines.join('\n'), html };
}

export interface DigestItem {
  trackingCode: string;
  categoryLabel: string;
  kelurahanName: string;
  status: string;
  submittedAt: Date;
  dueAt: Date | null;
}

/** At most this many items of each list are written out; the rest are counted. */
export const DIGEST_LIST_LIMIT = 50;

function digestLine(i: DigestItem, now: Date, overdue: boolean): string {
  const due = i.dueAt ? `tenggat ${formatDate(i.dueAt)}` : 'tanpa tenggat';
  const late = overdue && i.dueAt ? `, terlambat ${Math.max(1, Math.floor((now.getTime() - i.dueAt.getTime()) / 86_400_000))} hari` : '';
  return `${i.trackingCode} | ${i.categoryLabel} | Kel. ${i.kelurahanName} | ${statusLabel(i.status)} | ${due}${late}`;
}

export function digestMail(d: { opdName: string; day: Date; now: Date; since: Date; newItems: DigestItem[]; overdueItems: DigestItem[]; portalUrl: string }): MailContent {
  const url = asnWorkspaceUrl(d.portalUrl);
  const section = (title: string, items: DigestItem[], overdue: boolean, empty: string) => {
    const shown = items.slice(0, DIGEST_LIST_LIMIT).map((i) => digestLine(i, d.now, overdue));
    if (items.length > DIGEST_LIST_LIMIT) shown.push(`... dan ${items.length - DIGEST_LIST_LIMIT} lainnya`);
    return { title: `${title} (${items.length})`, lines: shown.length ? shown : [empty] };
  };
  const sections = [
    section(`Aspirasi baru sejak ${formatDateTime(d.since)}`, d.newItems, false, 'Tidak ada aspirasi baru.'),
    section('Aspirasi melewati tenggat', d.overdueItems, true, 'Tidak ada aspirasi yang melewati tenggat.'),
  ];
  const text = [
    'Yth. Bapak/Ibu ASN,',
    '',
    `Ringkasan harian aspirasi warga untuk ${d.opdName}, ${formatDate(d.day)}: ${d.newItems.length} aspirasi baru dan ${d.overdueItems.length} aspirasi melewati tenggat.`,
    ...sections.flatMap((s) => ['', `${s.title}:`, ...s.lines.map((l) => `- ${l}`)]),
    '',
    `Tindak lanjuti di ruang kerja ASN: ${url}`,
    '',
    '--',
    FOOTER,
  ].join('\n');
  const html = htmlPage(
    '<p>Yth. Bapak/Ibu ASN,</p>' +
      `<p>Ringkasan harian aspirasi warga untuk <strong>${escapeHtml(d.opdName)}</strong>, ${escapeHtml(formatDate(d.day))}: ${d.newItems.length} aspirasi baru dan ${d.overdueItems.length} aspirasi melewati tenggat.</p>` +
      sections.map((s) => `<h3>${escapeHtml(s.title)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('') +
      `<p><a href="${escapeHtml(url)}">Buka ruang kerja ASN</a></p>`,
  );
  return {
    subject: subjectLine(`Ringkasan harian aspirasi ${d.opdName} ${jakartaDay(d.day)}: ${d.newItems.length} baru, ${d.overdueItems.length} melewati tenggat`),
    text,
    html,
  };
}
