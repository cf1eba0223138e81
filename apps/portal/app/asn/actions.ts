'use server';

import { redirect } from 'next/navigation';
import type { MessageKey } from '../../lib/i18n';
import { getT } from '../../lib/locale';
import { login, logout, staffFetch, type LoginFailure } from '../../lib/session';

/**
 * The ASN workspace's forms post to these server actions: they work with or
 * without JavaScript, and the tokens never leave the portal's server.
 * Outcomes come back as a message in the URL (`?ok=` / `?galat=`).
 */
function back(path: string, outcome: { ok?: string; err?: string }): never {
  const q = new URLSearchParams();
  if (outcome.ok) q.set('ok', outcome.ok);
  if (outcome.err) q.set('galat', outcome.err);
  redirect(`${path}?${q}`);
}

function describe(r: { message: string; details?: { field: string; problem: string }[] }): string {
  return r.details?.length ? r.details.map((d) => `${d.field}: ${d.problem}`).join('; ') : r.message;
}

const text = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

const LOGIN_FAILURE: Record<LoginFailure, MessageKey | null> = {
  bad_credentials: 'login.badCredentials',
  locked: 'login.locked',
  disabled: 'login.disabled',
  unreachable: 'login.unreachable',
  other: null,
};

export async function loginAction(form: FormData): Promise<void> {
  const r = await login(text(form, 'email'), String(form.get('password') ?? ''));
  if (!r.ok) {
    const { t } = await getT();
    const key = LOGIN_FAILURE[r.reason];
    back('/asn/masuk', { err: key ? t(key) : r.message || t('login.failed') });
  }
  redirect(r.mustChangePassword ? '/asn/masuk?ganti=1' : '/asn');
}

export async function changePasswordAction(form: FormData): Promise<void> {
  const r = await staffFetch('/auth/password', { method: 'POST', body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') } });
  if (!r.ok) back('/asn/masuk', { err: describe(r) });
  redirect('/asn?ok=Kata+sandi+diganti');
}

export async function logoutAction(): Promise<void> {
  await logout();
  back('/asn/masuk', { ok: (await getT()).t('login.loggedOut') });
}

async function act(id: string, path: string, body: unknown, ok: string): Promise<never> {
  const r = await staffFetch(`/asn/aspirations/${id}${path}`, { method: 'POST', body });
  if (!r.ok && r.status === 401) redirect('/asn/masuk');
  return back(`/asn/aspirasi/${id}`, r.ok ? { ok } : { err: describe(r) });
}

export async function replyAction(form: FormData): Promise<void> {
  await act(text(form, 'id'), '/replies', { body: text(form, 'body') }, 'Tanggapan terkirim dan tampil di halaman lacak');
}

export async function noteAction(form: FormData): Promise<void> {
  await act(text(form, 'id'), '/notes', { body: text(form, 'body') }, 'Catatan internal tersimpan');
}

export async function statusAction(form: FormData): Promise<void> {
  const body: Record<string, string> = { status: text(form, 'status') };
  if (text(form, 'reason')) body.reason = text(form, 'reason');
  if (text(form, 'policyId')) body.policyId = text(form, 'policyId');
  await act(text(form, 'id'), '/status', body, 'Status diperbarui');
}

export async function rerouteAction(form: FormData): Promise<void> {
  const id = text(form, 'id');
  const r = await staffFetch(`/asn/aspirations/${id}/reroute`, { method: 'POST', body: { opdCode: text(form, 'opdCode'), reason: text(form, 'reason') } });
  if (!r.ok) back(`/asn/aspirasi/${id}`, { err: describe(r) });
  back('/asn', { ok: 'Aspirasi dialihkan ke OPD lain' });
}

export async function categoryAction(form: FormData): Promise<void> {
  await act(text(form, 'id'), '/category', { categoryCode: text(form, 'categoryCode') }, 'Kategori dikoreksi (dipakai untuk melatih ulang model)');
}

export async function bulkAction(form: FormData): Promise<void> {
  const ids = form.getAll('ids').map(String);
  if (!ids.length) back('/asn', { err: 'Pilih setidaknya satu aspirasi' });
  const r = await staffFetch<{ results: { id: string; ok: boolean; error?: string }[] }>('/asn/aspirations/bulk', {
    method: 'POST',
    body: { ids, action: 'status', status: text(form, 'status'), ...(text(form, 'reason') ? { reason: text(form, 'reason') } : {}) },
  });
  if (!r.ok) back('/asn', { err: describe(r) });
  const failed = r.data.results.filter((x) => !x.ok);
  back('/asn', failed.length ? { err: `${r.data.results.length - failed.length} berhasil, ${failed.length} gagal: ${failed.map((f) => f.error).join('; ')}` } : { ok: `${ids.length} aspirasi diperbarui` });
}

/* ---- Policies (/asn/kebijakan) ---- */

const POLICIES = '/asn/kebijakan';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Aspirations named by tracking code (MDN-XXXX-XXXX) or id, separated by spaces, commas or new lines. */
async function aspirationIds(raw: string): Promise<{ ids: string[] } | { err: string }> {
  const refs = [...new Set(raw.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean))];
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    if (UUID.test(ref)) {
      ids.push(ref.toLowerCase());
      continue;
    }
    const found = await staffFetch<{ id: string }>(`/aspirations/track/${encodeURIComponent(ref.toUpperCase())}`);
    if (found.ok) ids.push(found.data.id);
    else unknown.push(ref);
  }
  if (unknown.length) return { err: `Kode lacak tidak ditemukan: ${unknown.join(', ')}` };
  return { ids: [...new Set(ids)] };
}

/** Dates from the form, only those filled in. */
function consultationWindow(form: FormData): { consultationStart?: string; consultationEnd?: string } {
  return { ...(text(form, 'consultationStart') ? { consultationStart: text(form, 'consultationStart') } : {}), ...(text(form, 'consultationEnd') ? { consultationEnd: text(form, 'consultationEnd') } : {}) };
}

async function policyCall(path: string, method: string, body: unknown, ok: string): Promise<never> {
  const r = await staffFetch(`/policies${path}`, { method, body });
  if (!r.ok && r.status === 401) redirect('/asn/masuk');
  return back(POLICIES, r.ok ? { ok } : { err: describe(r) });
}

export async function createPolicyAction(form: FormData): Promise<void> {
  const linked = text(form, 'aspirations') ? await aspirationIds(text(form, 'aspirations')) : { ids: [] };
  if ('err' in linked) back(POLICIES, { err: linked.err });
  await policyCall('', 'POST', { title: text(form, 'title'), summary: text(form, 'summary'), ...consultationWindow(form), ...(linked.ids.length ? { aspirationIds: linked.ids } : {}) }, 'Kebijakan disimpan sebagai rancangan');
}

export async function updatePolicyAction(form: FormData): Promise<void> {
  await policyCall(`/${encodeURIComponent(text(form, 'id'))}`, 'PATCH', { title: text(form, 'title'), summary: text(form, 'summary'), ...consultationWindow(form) }, 'Perubahan kebijakan tersimpan');
}

export async function publishPolicyAction(form: FormData): Promise<void> {
  await policyCall(`/${encodeURIComponent(text(form, 'id'))}/publish`, 'POST', {}, 'Kebijakan diterbitkan dan tampil di halaman publik');
}

export async function policyStatusAction(form: FormData): Promise<void> {
  await policyCall(`/${encodeURIComponent(text(form, 'id'))}/status`, 'POST', { status: text(form, 'status'), ...consultationWindow(form) }, 'Status kebijakan diperbarui');
}

export async function linkPolicyAspirationsAction(form: FormData): Promise<void> {
  const linked = await aspirationIds(text(form, 'aspirations'));
  if ('err' in linked) back(POLICIES, { err: linked.err });
  if (!linked.ids.length) back(POLICIES, { err: 'Isi setidaknya satu kode lacak atau ID aspirasi' });
  await policyCall(`/${encodeURIComponent(text(form, 'id'))}/aspirations`, 'POST', { aspirationIds: linked.ids }, `${linked.ids.length} aspirasi ditautkan`);
}
