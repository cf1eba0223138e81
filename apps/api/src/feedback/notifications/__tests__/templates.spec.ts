import { scrubAddresses } from '../mailer.service';
import { digestMail, DIGEST_LIST_LIMIT, DigestItem, jakartaDay, replyMail, statusChangedMail } from '../templates';

const info = { trackingCode: 'MDN-AB12-CD34', categoryLabel: 'Penerangan jalan umum', opdName: 'Dinas Perumahan dan Kawasan Permukiman', portalUrl: 'https://portal.example/' };

describe('notification texts', () => {
  it('status change: Indonesian subject with code and label, reason, tracking link', () => {
    const m = statusChangedMail({ ...info, name: 'Siti' }, { from: 'verified', to: 'rejected', publicReason: 'Bukan kewenangan <OPD> ini.' });
    expect(m.subject).toBe('Aspirasi MDN-AB12-CD34: status berubah menjadi Ditolak');
    expect(m.text).toContain('Yth. Siti,');
    expect(m.text).toContain('dari "Diverifikasi" menjadi "Ditolak"');
    expect(m.text).toContain('Alasan:\n> Bukan kewenangan <OPD> ini.');
    expect(m.text).toContain('https://portal.example/lacak/MDN-AB12-CD34');
    expect(m.html).toContain('Bukan kewenangan &lt;OPD&gt; ini.');
    expect(m.html).not.toContain('<OPD>');
  });

  it('resolved asks the citizen to confirm or contest', () => {
    expect(statusChangedMail(info, { from: 'in_progress', to: 'resolved' }).text).toContain('10 hari kerja');
  });

  it('reply quotes the public text', () => {
    const m = replyMail({ ...info, name: null }, { publicBody: 'Lampu diganti besok.\nTerima kasih.', status: 'in_progress' });
    expect(m.subject).toBe('Aspirasi MDN-AB12-CD34: tanggapan baru dari Dinas Perumahan dan Kawasan Permukiman');
    expect(m.text).toContain('Yth. Bapak/Ibu,');
    expect(m.text).toContain('> Lampu diganti besok.\n> Terima kasih.');
    expect(m.text).toContain('Status saat ini: Ditindaklanjuti.');
  });

  it('digest lists items with category, kelurahan and due date, and caps long lists', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const item = (i: number, dueAt: Date | null): DigestItem => ({ trackingCode: `MDN-0000-${String(i).padStart(4, '0')}`, categoryLabel: 'Kesehatan', kelurahanName: 'Nambangan Lor', status: 'received', submittedAt: now, dueAt });
    const overdue = Array.from({ length: DIGEST_LIST_LIMIT + 3 }, (_, i) => item(i, new Date('2026-03-07T00:00:00Z')));
    const m = digestMail({ opdName: 'Dinas Kesehatan', day: now, now, since: new Date(now.getTime() - 86_400_000), newItems: [item(999, null)], overdueItems: overdue, portalUrl: 'https://portal.example' });
    expect(m.subject).toBe(`Ringkasan harian aspirasi Dinas Kesehatan 2026-03-10: 1 baru, ${DIGEST_LIST_LIMIT + 3} melewati tenggat`);
    expect(m.text).toContain('- MDN-0000-0999 | Kesehatan | Kel. Nambangan Lor | Diterima | tanpa tenggat');
    expect(m.text).toContain('- MDN-0000-0000 | Kesehatan | Kel. Nambangan Lor | Diterima | tenggat 7 Mar 2026, terlambat 3 hari');
    expect(m.text).toContain('... dan 3 lainnya');
    expect(m.text).toContain('https://portal.example/asn');
  });

  it('the digest day is the day in Jakarta', () => {
    expect(jakartaDay(new Date('2026-03-09T17:30:00Z'))).toBe('2026-03-10');
    expect(jakartaDay(new Date('2026-03-09T16:30:00Z'))).toBe('2026-03-09');
  });

  it('SMTP errors lose their addresses and credentials before they are logged or stored', () => {
    expect(scrubAddresses("Can't send mail - all recipients were rejected: 550 <siti@example.id> unknown")).toBe("Can't send mail - all recipients were rejected: 550 <[alamat]> unknown");
    expect(scrubAddresses('connect failed smtps://user:secret@mail.example:465')).toBe('connect failed smtp://[server]');
  });
});
