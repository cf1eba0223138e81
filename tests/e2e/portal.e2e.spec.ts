import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../../apps/api/src/testing/test-database';
import { ApiProcess, freePort, launchBrowser, PortalProcess, SCREENSHOTS } from './portal-harness';

/** The citizen journey in Debian's Chromium, against the built portal and the real API on real PostgreSQL. */
describe('citizen portal in a real browser', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let portal: PortalProcess;
  let browser: Browser;
  let page: Page;
  const submitted: { code: string; key: string } = { code: '', key: '' };

  async function count(sql: string, params: unknown[]): Promise<number> {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows[0].n as number;
    } finally {
      await c.end();
    }
  }

  async function apiCall(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`${api.url}/api${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  }

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = new ApiProcess(db.url, await freePort());
    await api.start();
    portal = new PortalProcess(api.url, await freePort());
    await portal.start();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await api?.kill();
    await db?.drop();
  });

  it('submits an aspiration through the form and follows it by its tracking code', async () => {
    await page.goto(`${portal.url}/`);
    await shot('beranda');
    await page.goto(`${portal.url}/aspirasi/baru`);
    await page.fill('#text', 'Lampu PJU di Jl. Serayu depan masjid mati sejak Senin, malam gelap sekali dan rawan.');
    await page.selectOption('#kelurahan', '35.77.02.1005');
    await page.waitForSelector('[data-testid=category-suggestion]', { timeout: 10_000 });
    await shot('kirim-aspirasi');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=receipt]');
    submitted.code = (await page.textContent('[data-testid=tracking-code]'))!.trim();
    submitted.key = (await page.textContent('[data-testid=follow-up-key]'))!.trim();
    expect(submitted.code).toMatch(/^MDN-/);
    await shot('tanda-terima');

    await page.goto(`${portal.url}/lacak`);
    await page.fill('#kode', submitted.code.toLowerCase());
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=status]');
    expect(await page.textContent('[data-testid=status]')).toContain('Diterima');
    await shot('lacak');
  });

  it('an ASN signs in, replies and resolves it in the workspace; the citizen sees the reply and confirms with a score', async () => {
    const admin = await apiCall('POST', '/auth/login', undefined, { email: 'admin@madiunkota.go.id', password: 'admin-password-e2e' });
    const id = (await apiCall('GET', `/aspirations/track/${submitted.code}`)).body.id as string;
    const detail = await apiCall('GET', `/asn/aspirations/${id}`, admin.body.accessToken);
    const opd = detail.body.opd.code as string;
    await apiCall('POST', '/users', admin.body.accessToken, { email: 'asn.e2e@madiunkota.go.id', name: 'ASN E2E', role: 'asn', opdCode: opd, password: 'sandi-asn-e2e-123' });

    const staff = await browser.newPage();
    await staff.goto(`${portal.url}/asn`);
    await staff.waitForURL(/\/asn\/masuk/);
    await staff.fill('#email', 'asn.e2e@madiunkota.go.id');
    await staff.fill('#password', 'sandi-asn-e2e-123');
    await staff.click('form button[type=submit]');
    await staff.waitForSelector('[data-testid=inbox]');
    await staff.screenshot({ path: join(SCREENSHOTS, 'asn-kotak-masuk.png'), fullPage: true });
    await staff.click(`a:text("${submitted.code}")`);
    await staff.waitForSelector('[data-testid=staff-status]');
    const setStatus = async (value: string, label: string) => {
      await staff.selectOption('#status', value);
      await staff.click('form:has(#status) button[type=submit]');
      await staff.waitForFunction((l) => document.querySelector('[data-testid=staff-status]')?.textContent === l, label);
    };
    await setStatus('verified', 'Diverifikasi');
    await staff.fill('#reply', 'Petugas PJU sudah mengganti lampu pada Rabu malam.');
    await staff.click('form:has(#reply) button[type=submit]');
    await staff.waitForFunction(() => document.querySelector('[data-testid=staff-history]')?.textContent?.includes('Petugas PJU sudah mengganti lampu'));
    await setStatus('in_progress', 'Ditindaklanjuti');
    await setStatus('resolved', 'Selesai');
    await staff.screenshot({ path: join(SCREENSHOTS, 'asn-detail.png'), fullPage: true });
    await staff.close();

    await page.goto(`${portal.url}/lacak/${submitted.code}`);
    // The follow-up form is interactive only once React has hydrated the page.
    await page.waitForSelector('form[data-hydrated=true]');
    expect(await page.textContent('[data-testid=replies]')).toContain('Petugas PJU sudah mengganti lampu');
    expect(await page.textContent('[data-testid=status]')).toContain('Selesai');
    await page.fill('#followUpKey', submitted.key);
    await page.selectOption('#score', '4');
    await page.click('form button[type=submit]');
    await page.waitForSelector('main p[role=status]');
    expect(await page.textContent('main p[role=status]')).toContain('Terima kasih');
    await page.reload();
    expect(await page.textContent('main')).toContain('4 / 5');
    await shot('lacak-selesai');
    expect(await count(`SELECT count(*)::int AS n FROM survey_response WHERE aspiration_id = $1 AND score = 4`, [id])).toBe(1);
  });

  it('a citizen rates a published policy and sees the rating counted', async () => {
    const asn = (await apiCall('POST', '/auth/login', undefined, { email: 'asn.e2e@madiunkota.go.id', password: 'sandi-asn-e2e-123' })).body.accessToken;
    const id = (await apiCall('GET', `/aspirations/track/${submitted.code}`)).body.id as string;
    const policy = await apiCall('POST', '/policies', asn, { title: 'Penggantian lampu PJU ke LED di Manguharjo', summary: 'Seluruh lampu PJU di Kecamatan Manguharjo diganti LED bertahap tahun 2027.', aspirationIds: [id] });
    expect(policy.status).toBe(201);
    expect((await apiCall('POST', `/policies/${policy.body.id}/publish`, asn)).status).toBe(200);

    await page.goto(`${portal.url}/kebijakan`);
    await page.click(`a[href="/kebijakan/${policy.body.id}"]`);
    await page.waitForSelector('[data-testid=rating-form][data-hydrated=true]');
    await page.check('input[name=score][value="4"]');
    await page.fill('#comment', 'Setuju, tapi mohon prioritaskan gang yang paling gelap.');
    await page.click('[data-testid=rating-form] button[type=submit]');
    await page.waitForSelector('[data-testid=rating-form] p[role=status]');
    await page.waitForFunction(() => document.querySelector('[data-testid=rating-summary]')?.textContent?.includes('1 penilaian'));
    expect(await page.textContent('[data-testid=comments]')).toContain('prioritaskan gang');
    expect(await page.textContent('main')).toContain(submitted.code);
    await shot('kebijakan');
  });

  it('an ASN writes a policy in /asn/kebijakan, links the aspiration, publishes it and it appears on /kebijakan', async () => {
    const title = `Jadwal perbaikan PJU di gang permukiman ${Date.now()}`;
    const staff = await browser.newPage();
    try {
      await staff.goto(`${portal.url}/asn/masuk`);
      await staff.fill('#email', 'asn.e2e@madiunkota.go.id');
      await staff.fill('#password', 'sandi-asn-e2e-123');
      await staff.click('main form button[type=submit]');
      // The inbox may be empty by now (the earlier aspiration is resolved): wait for the workspace itself.
      await staff.waitForSelector('a[href="/asn/kebijakan"]');
      // Server-action forms: they work before (and without) hydration.
      await staff.click('a[href="/asn/kebijakan"]');
      await staff.waitForSelector('#new-title');
      await staff.fill('#new-title', title);
      await staff.fill('#new-summary', 'Perbaikan lampu PJU di gang permukiman dijadwalkan per kelurahan, dimulai dari laporan warga terbanyak.');
      await staff.fill('#new-aspirations', submitted.code);
      await staff.click('form:has(#new-title) button[type=submit]');
      await staff.waitForSelector('main p[role=status]');
      expect(await staff.textContent('main p[role=status]')).toContain('rancangan');
      const card = staff.locator('[data-testid=staff-policy]', { hasText: title });
      expect(await card.locator('[data-testid=policy-status]').textContent()).toContain('Rancangan');
      expect(await card.textContent()).toContain('1 aspirasi terkait');
      expect(await card.textContent()).toContain('belum terbit');
      const policyId = await card.getAttribute('data-policy-id');

      // A draft is not public yet.
      await page.goto(`${portal.url}/kebijakan`);
      expect(await page.textContent('main')).not.toContain(title);

      await card.locator('[data-testid=publish]').click();
      await staff.waitForFunction(() => document.querySelector('main p[role=status]')?.textContent?.includes('diterbitkan'));
      expect(await staff.locator('[data-testid=staff-policy]', { hasText: title }).locator('[data-testid=publish]').count()).toBe(0);

      // Forward to public consultation with its dates.
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await staff.selectOption(`#status-${policyId}`, 'consultation');
      await staff.fill(`#status-${policyId}-start`, today);
      await staff.fill(`#status-${policyId}-end`, later);
      await staff.click(`form:has(#status-${policyId}) button[type=submit]`);
      await staff.waitForFunction(() => document.querySelector('main p[role=status]')?.textContent?.includes('Status kebijakan diperbarui'));
      expect(await staff.locator('[data-testid=staff-policy]', { hasText: title }).locator('[data-testid=policy-status]').textContent()).toContain('Konsultasi publik');
      await staff.screenshot({ path: join(SCREENSHOTS, 'asn-kebijakan.png'), fullPage: true });

      await page.goto(`${portal.url}/kebijakan`);
      expect(await page.textContent('[data-testid=policy-list]')).toContain(title);
      await page.click(`a[href="/kebijakan/${policyId}"]`);
      await page.waitForSelector('[data-testid=rating-form]');
      expect(await page.textContent('h1')).toBe(title);
      expect(await page.textContent('main')).toContain('Konsultasi publik');
      expect(await page.textContent('main')).toContain(submitted.code);
      await shot('kebijakan-dari-asn');
    } finally {
      await staff.close();
    }
  });

  it('lists published open reports on /laporan, not drafts, and downloads them through the portal', async () => {
    const admin = (await apiCall('POST', '/auth/login', undefined, { email: 'admin@madiunkota.go.id', password: 'admin-password-e2e' })).body.accessToken;
    const wib = new Date(Date.now() + 7 * 3600_000);
    const period = `${wib.getUTCFullYear()}-Q${Math.floor(wib.getUTCMonth() / 3) + 1}`;
    const generated = await apiCall('POST', '/reports', admin, { period });
    expect(generated.status).toBe(201);
    const file = (format: string) => generated.body.find((r: { format: string }) => r.format === format);
    await page.goto(`${portal.url}/laporan`);
    expect(await page.textContent('main')).toContain('Belum ada laporan yang dipublikasikan.');

    for (const format of ['pdf', 'csv']) expect((await apiCall('POST', `/reports/${file(format).id}/publish`, admin)).status).toBe(200);
    await page.goto(`${portal.url}/laporan`);
    expect(await page.textContent('[data-testid=report-list]')).toContain('Blueprint Open Governance Kota Madiun');
    expect(await page.locator('[data-testid=report-list] a[data-format]').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
    expect(download.suggestedFilename()).toBe(`partisipasi-kecamatan-${period}.csv`);
    const csv = await fetch(`${portal.url}${file('csv').downloadUrl}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^period,kecamatan_code,kecamatan_name,/);
    expect((await fetch(`${portal.url}${file('json').downloadUrl}`)).status).toBe(404);
    await shot('laporan');
  });

  it('switches the public pages to English and back, without JavaScript', async () => {
    // Its own context (own cookies), so the other tests keep the Indonesian default.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    try {
      await p.goto(`${portal.url}/`);
      expect(await p.getAttribute('html', 'lang')).toBe('id');
      expect(await p.textContent('h1')).toBe('Sampaikan aspirasi, ikuti tindak lanjutnya');
      await p.click('[data-testid=lang-switch]');
      await p.waitForSelector('html[lang=en]');
      expect(new URL(p.url()).pathname).toBe('/');
      expect(await p.textContent('h1')).toBe('Share your aspiration, follow what happens next');
      expect(await p.textContent('nav')).toContain('Send an aspiration');
      expect(await p.textContent('[data-testid=lang-switch]')).toBe('Bahasa Indonesia');
      await p.screenshot({ path: join(SCREENSHOTS, 'beranda-en.png'), fullPage: true });

      await p.goto(`${portal.url}/privasi`);
      expect(await p.textContent('h1')).toBe('Privacy and use of data');
      expect(await p.title()).toContain('Privacy');
      await p.goto(`${portal.url}/lacak`);
      expect(await p.textContent('label[for=kode]')).toBe('Tracking code');
      await p.goto(`${portal.url}/lacak/${submitted.code}`);
      expect(await p.textContent('main')).toContain('Replies from the city office');
      // What people wrote is never translated.
      expect(await p.textContent('[data-testid=replies]')).toContain('Petugas PJU sudah mengganti lampu');
      await p.goto(`${portal.url}/asn/masuk`);
      expect(await p.textContent('h1')).toBe('Sign in to the civil servant workspace');

      // Back to Indonesian, staying on the same page.
      await p.goto(`${portal.url}/statistik`);
      expect(await p.textContent('h1')).toBe('Participation statistics');
      await p.click('[data-testid=lang-switch]');
      await p.waitForSelector('html[lang=id]');
      expect(new URL(p.url()).pathname).toBe('/statistik');
      expect(await p.textContent('h1')).toBe('Statistik partisipasi');
      expect(await p.textContent('[data-testid=lang-switch]')).toBe('English');
    } finally {
      await context.close();
    }
  });

  it('shows a script typed into an aspiration as text, never runs it', async () => {
    const payload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> lampu mati';
    const res = await apiCall('POST', '/aspirations', undefined, { text: payload, kelurahanCode: '35.77.01.1001' });
    expect(res.status).toBe(201);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${portal.url}/lacak/${res.body.trackingCode}`);
    expect(await page.textContent('.aspiration-text')).toBe(payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await page.goto(`${portal.url}/aspirasi`);
    await shot('aspirasi-publik');
    await page.goto(`${portal.url}/privasi`);
    await shot('privasi');
    await page.goto(`${portal.url}/statistik`);
    expect(await page.locator('svg[role=img]').first().getAttribute('aria-labelledby')).toBe('kec-title kec-desc');
    expect(await page.locator('table').first().textContent()).toContain('Manguharjo');
    await shot('statistik');
  });

  it('a submission made while the API is down is sent once the API is back, exactly once', async () => {
    const text = `Sampah di TPS Jl. Tiron belum diangkut empat hari, bau menyengat (uji luring ${Date.now()}).`;
    await page.goto(`${portal.url}/aspirasi/baru`);
    await page.waitForLoadState('networkidle');
    await page.fill('#text', text);
    await page.selectOption('#kelurahan', '35.77.03.1001');
    await api.kill();
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=queued]');
    await shot('tersimpan-luring');
    expect(await count('SELECT count(*)::int AS n FROM aspiration WHERE text = $1', [text])).toBe(0);

    await api.start();
    // The page keeps trying every 10 s; it reports the tracking code once the aspiration went through.
    await page.waitForFunction(() => document.querySelector('[data-testid=pending-status]')?.textContent?.includes('telah terkirim'), undefined, { timeout: 40_000 });
    expect(await count('SELECT count(*)::int AS n FROM aspiration WHERE text = $1', [text])).toBe(1);
    // Reloading (which retries anything left) creates nothing more.
    await page.reload();
    await new Promise((r) => setTimeout(r, 2000));
    expect(await count('SELECT count(*)::int AS n FROM aspiration WHERE text = $1', [text])).toBe(1);
  }, 90_000);
});
