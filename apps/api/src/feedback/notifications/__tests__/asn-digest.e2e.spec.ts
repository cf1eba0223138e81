import { DataSource } from 'typeorm';
import { JobQueueService } from '../../../queue/job-queue.service';
import { startTestApp, TestApp } from '../../../testing/test-app';
import { AsnDigestJob, ASN_DIGEST_JOB } from '../asn-digest.job';
import { startSmtpSink, SmtpSink } from './smtp-sink';

const DAY = 86_400_000;

describe('daily ASN digest', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let job: AsnDigestJob;
  let education: { id: number; code: string; name: string };
  let health: { id: number; name: string };

  const digests = () => sink.messages.filter((m) => m.subject.startsWith('Ringkasan harian'));

  async function submit(categoryCode: string): Promise<{ id: string; trackingCode: string }> {
    const res = await t.request('POST', '/aspirations', { body: { text: `Mohon perhatian untuk layanan ${categoryCode} di kelurahan kami.`, kelurahanCode: '35.77.02.1004', categoryCode } });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: sink.url } });
    ds = t.app.get(DataSource);
    job = t.app.get(AsnDigestJob);
    [education] = await ds.query(`SELECT o.id, o.code, o.name FROM category c JOIN opd o ON o.id = c.default_opd_id WHERE c.code = 'pendidikan'`);
    [health] = await ds.query(`SELECT id, name FROM opd WHERE code = 'dinas-kesehatan'`);
    await t.tokenFor('asn', { opdCode: 'dinas-kesehatan', email: 'asn.aktif@dinkes.madiunkota.go.id' });
    await t.tokenFor('asn', { opdCode: 'dinas-kesehatan', email: 'asn.nonaktif@dinkes.madiunkota.go.id' });
    await t.tokenFor('asn', { opdCode: education.code, email: 'asn@disdik.madiunkota.go.id' });
    await ds.query(`UPDATE app_user SET is_active = false, deactivated_at = now() WHERE email = 'asn.nonaktif@dinkes.madiunkota.go.id'`);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('mails only the OPD with something to report, to its active ASN only', async () => {
    const a = await submit('kesehatan');
    const [kel] = await ds.query(`SELECT name FROM kelurahan WHERE code = '35.77.02.1004'`);
    const now = new Date();
    const result = await job.runDigest(now);

    expect(result.opds).toEqual([expect.objectContaining({ opdId: health.id, newCount: 1, overdueCount: 0, sent: 1, failed: 0 })]);
    const mails = digests();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.envelopeTo).toEqual(['asn.aktif@dinkes.madiunkota.go.id']);
    expect(mail.subject).toBe(`Ringkasan harian aspirasi ${health.name} ${result.day}: 1 baru, 0 melewati tenggat`);
    expect(mail.text).toContain(a.trackingCode);
    expect(mail.text).toContain('Kesehatan, puskesmas dan rumah sakit');
    expect(mail.text).toContain(`Kel. ${kel.name}`);
    expect(mail.text).toContain('tenggat ');
    expect(mail.text).toContain('Tidak ada aspirasi yang melewati tenggat.');
    expect(mail.text).toContain(`${t.config.http.portalUrl}/asn`);
    expect(mail.html).toContain(`href="${t.config.http.portalUrl}/asn"`);

    // The same day again: nothing new is sent.
    const again = await job.runDigest(new Date(now.getTime() + 1000));
    expect(again.opds).toEqual([expect.objectContaining({ opdId: health.id, sent: 0, duplicate: 1 })]);
    expect(digests()).toHaveLength(1);
    const rows = await ds.query(`SELECT dedupe_key, status FROM notification WHERE kind = 'asn_digest'`);
    expect(rows).toEqual([{ dedupe_key: expect.stringMatching(new RegExp(`^digest:${health.id}:${result.day}:[0-9a-f-]{36}$`)), status: 'sent' }]);
  });

  it('lists overdue aspirations the next day, and the other OPD has nothing new', async () => {
    const b = await submit('pendidikan');
    await ds.query(`UPDATE aspiration SET submitted_at = now() - interval '3 days', due_at = now() - interval '1 day' WHERE id = $1`, [b.id]);
    // The health aspiration was in yesterday's digest and is not overdue.
    await ds.query(`UPDATE aspiration SET due_at = now() + interval '10 days' WHERE opd_id = $1`, [health.id]);

    const next = new Date(Date.now() + DAY);
    const result = await job.runDigest(next);
    expect(result.opds).toEqual([expect.objectContaining({ opdId: education.id, newCount: 0, overdueCount: 1, sent: 1 })]);
    const mail = await sink.waitFor((m) => m.subject.startsWith('Ringkasan harian') && m.envelopeTo.includes('asn@disdik.madiunkota.go.id'));
    expect(mail.envelopeTo).toEqual(['asn@disdik.madiunkota.go.id']);
    expect(mail.subject).toContain(`${education.name} ${result.day}: 0 baru, 1 melewati tenggat`);
    expect(mail.text).toContain('Aspirasi melewati tenggat (1):');
    expect(mail.text).toContain(b.trackingCode);
    expect(mail.text).toMatch(/terlambat \d+ hari/);
    expect(mail.text).toContain('Tidak ada aspirasi baru.');
    expect(digests()).toHaveLength(2);
  });

  it('the cron only enqueues one job per day', async () => {
    const queue = t.app.get(JobQueueService);
    const enqueue = jest.spyOn(queue, 'enqueue').mockResolvedValue('x');
    await job.schedule();
    await job.schedule();
    expect(enqueue).toHaveBeenCalledTimes(2);
    expect(enqueue.mock.calls[0]).toEqual([ASN_DIGEST_JOB, {}, { jobId: expect.stringMatching(new RegExp(`^${ASN_DIGEST_JOB}:\\d{4}-\\d{2}-\\d{2}$`)) }]);
    expect(enqueue.mock.calls[0]).toEqual(enqueue.mock.calls[1]);
    enqueue.mockRestore();
  });
});
