import { DataSource } from 'typeorm';
import { OutboxService } from '../../../outbox/outbox.service';
import { JobQueueService } from '../../../queue/job-queue.service';
import { startTestApp, TestApp } from '../../../testing/test-app';
import { CitizenNotificationsService } from '../citizen-notifications.service';
import { startSmtpSink, SmtpSink } from './smtp-sink';

/** Runs the outbox and the in-process jobs until nothing is left to do. */
async function settle(t: TestApp): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await t.app.get(OutboxService).dispatch();
    await t.app.get(JobQueueService).drainInline();
  }
}

async function submit(t: TestApp, contact?: Record<string, unknown>): Promise<{ id: string; trackingCode: string }> {
  const res = await t.request('POST', '/aspirations', {
    body: { text: 'Antrean di puskesmas sangat panjang setiap pagi, mohon ditambah loket.', kelurahanCode: '35.77.02.1004', categoryCode: 'kesehatan', ...(contact ? { contact } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('citizen e-mail notifications', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let asn: string;
  let ds: DataSource;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: sink.url } });
    asn = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const mailsTo = (address: string) => sink.messages.filter((m) => m.envelopeTo.includes(address));

  it('tells the citizen when the status changes, in Indonesian, with the tracking link', async () => {
    const a = await submit(t, { name: 'Siti', email: 'siti@example.id', consent: true });
    const res = await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asn, body: { status: 'verified' } });
    expect(res.status).toBe(200);

    const mail = await sink.waitFor((m) => m.envelopeTo.includes('siti@example.id') && m.subject.includes(a.trackingCode));
    expect(mail.envelopeTo).toEqual(['siti@example.id']);
    expect(mail.parsed.from?.text).toContain('noreply@madiunkota.go.id');
    expect(mail.subject).toBe(`Aspirasi ${a.trackingCode}: status berubah menjadi Diverifikasi`);
    const link = `${t.config.http.portalUrl}/lacak/${a.trackingCode}`;
    expect(mail.text).toContain('Yth. Siti,');
    expect(mail.text).toContain('dari "Diterima" menjadi "Diverifikasi"');
    expect(mail.text).toContain('Dinas Kesehatan');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);

    // The SMTP server has the mail a moment before the job records it as sent.
    await settle(t);
    const rows = await ds.query(`SELECT dedupe_key, kind, status, sent_at, subject FROM notification WHERE aspiration_id = $1`, [a.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'citizen_status', status: 'sent', subject: mail.subject });
    expect(rows[0].dedupe_key).toMatch(/^status:\d+$/);
    expect(rows[0].sent_at).toBeInstanceOf(Date);
  });

  it('sends the public (redacted) reply text, and nothing for an internal note', async () => {
    const a = await submit(t, { name: 'Rina', email: 'rina@example.id', consent: true });
    await t.request('POST', `/asn/aspirations/${a.id}/notes`, { token: asn, body: { body: 'Catatan internal: cek anggaran dulu.' } });
    await settle(t);
    expect(mailsTo('rina@example.id')).toHaveLength(0);

    const reply = 'Terima kasih. Petugas kami akan menambah loket mulai Senin. Hubungi 081234567890 bila perlu.';
    const res = await t.request('POST', `/asn/aspirations/${a.id}/replies`, { token: asn, body: { body: reply } });
    expect(res.status).toBe(201);
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('rina@example.id'));
    expect(mail.subject).toBe(`Aspirasi ${a.trackingCode}: tanggapan baru dari Dinas Kesehatan`);
    expect(mail.text).toContain('Petugas kami akan menambah loket mulai Senin.');
    expect(mail.text).not.toContain('081234567890');
    expect(mail.text).not.toContain('Catatan internal');
    expect(mail.html).not.toContain('Catatan internal');
    expect(mail.text).toContain(`${t.config.http.portalUrl}/lacak/${a.trackingCode}`);
    await settle(t);
    expect(mailsTo('rina@example.id')).toHaveLength(1);
  });

  it('sends nothing for an anonymous aspiration or a contact without e-mail', async () => {
    const before = sink.messages.length;
    const anon = await submit(t);
    const phoneOnly = await submit(t, { name: 'Joko', phone: '0812-3456-7890', consent: true });
    for (const a of [anon, phoneOnly]) {
      expect((await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asn, body: { status: 'verified' } })).status).toBe(200);
      expect((await t.request('POST', `/asn/aspirations/${a.id}/replies`, { token: asn, body: { body: 'Sedang kami tinjau.' } })).status).toBe(201);
    }
    await settle(t);
    expect(sink.messages.length).toBe(before);
    const rows = await ds.query('SELECT count(*)::int AS n FROM notification WHERE aspiration_id = ANY($1::uuid[])', [[anon.id, phoneOnly.id]]);
    expect(rows[0].n).toBe(0);
  });

  it('handles the same outbox message twice with one e-mail', async () => {
    const a = await submit(t, { email: 'dua.kali@example.id', consent: true });
    const svc = t.app.get(CitizenNotificationsService);
    const msg = { outboxId: '900001', payload: { aspirationId: a.id, from: 'received', to: 'in_progress' } };
    const results = [await svc.onStatusChanged(msg), await svc.onStatusChanged(msg)];
    expect(results).toEqual(['sent', 'duplicate']);
    // Even at the same time, only one of them sends.
    await ds.query(`INSERT INTO aspiration_event (aspiration_id, kind, body, public_body, is_public, actor_role) VALUES ($1, 'reply', 'Sudah kami jadwalkan.', 'Sudah kami jadwalkan.', true, 'asn')`, [a.id]);
    const reply = { outboxId: '900002', payload: { aspirationId: a.id } };
    const both = await Promise.all([svc.onReplied(reply), svc.onReplied(reply)]);
    expect(both.sort()).toEqual(['duplicate', 'sent']);
    await settle(t);
    const mails = mailsTo('dua.kali@example.id');
    expect(mails.map((m) => m.subject).sort()).toEqual([`Aspirasi ${a.trackingCode}: status berubah menjadi Ditindaklanjuti`, `Aspirasi ${a.trackingCode}: tanggapan baru dari Dinas Kesehatan`]);
    expect(mails[0].text).toContain('Yth. Bapak/Ibu,');
  });

  it('marks an SMTP failure as failed without the address, and a retry sends it once', async () => {
    const a = await submit(t, { email: 'gagal@example.id', consent: true });
    const svc = t.app.get(CitizenNotificationsService);
    const msg = { outboxId: '900003', payload: { aspirationId: a.id, from: 'received', to: 'verified' } };
    sink.rejectNext.set('gagal@example.id', 1);

    await expect(svc.onStatusChanged(msg)).rejects.toThrow(/451/);
    const [failed] = await ds.query(`SELECT status, error FROM notification WHERE dedupe_key = 'status:900003'`);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('451');
    expect(failed.error).not.toContain('gagal@example.id');
    expect(failed.error).not.toContain('@');

    expect(await svc.onStatusChanged(msg)).toBe('sent');
    expect(await svc.onStatusChanged(msg)).toBe('duplicate');
    const [sent] = await ds.query(`SELECT status, error FROM notification WHERE dedupe_key = 'status:900003'`);
    expect(sent).toMatchObject({ status: 'sent', error: null });
    expect(mailsTo('gagal@example.id')).toHaveLength(1);
  });

  it('sends no e-mail when the citizen reopened the aspiration themselves', async () => {
    const a = await submit(t, { email: 'buka@example.id', consent: true });
    const svc = t.app.get(CitizenNotificationsService);
    expect(await svc.onStatusChanged({ outboxId: '900004', payload: { aspirationId: a.id, from: 'resolved', to: 'in_progress', byCitizen: true } })).toBe('by_citizen');
    expect(mailsTo('buka@example.id')).toHaveLength(0);
  });
});

describe('citizen e-mail notifications without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('records the notification as skipped and sends nothing', async () => {
    const asn = await t.tokenFor('asn', { opdCode: 'dinas-kesehatan' });
    const a = await submit(t, { name: 'Siti', email: 'siti@example.id', consent: true });
    expect((await t.request('POST', `/asn/aspirations/${a.id}/status`, { token: asn, body: { status: 'verified' } })).status).toBe(200);
    expect((await t.request('POST', `/asn/aspirations/${a.id}/replies`, { token: asn, body: { body: 'Sedang kami tinjau.' } })).status).toBe(201);
    await settle(t);
    const rows = await t.app.get(DataSource).query('SELECT kind, status, sent_at, subject FROM notification WHERE aspiration_id = $1 ORDER BY kind', [a.id]);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'citizen_reply', status: 'skipped', sent_at: null }),
      expect.objectContaining({ kind: 'citizen_status', status: 'skipped', sent_at: null, subject: `Aspirasi ${a.trackingCode}: status berubah menjadi Diverifikasi` }),
    ]);
  });
});
