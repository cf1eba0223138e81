'use server';

import { redirect } from 'next/navigation';
import { login, logout, staffFetch } from '../../lib/session';

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

export async function loginAction(form: FormData): Promise<void> {
  const r = await login(text(form, 'email'), String(form.get('password') ?? ''));
  if (!r.ok) back('/asn/masuk', { err: r.message });
  redirect(r.mustChangePassword ? '/asn/masuk?ganti=1' : '/asn');
}

export async function changePasswordAction(form: FormData): Promise<void> {
  const r = await staffFetch('/auth/password', { method: 'POST', body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') } });
  if (!r.ok) back('/asn/masuk', { err: describe(r) });
  redirect('/asn?ok=Kata+sandi+diganti');
}

export async function logoutAction(): Promise<void> {
  await logout();
  redirect('/asn/masuk?ok=Anda+sudah+keluar');
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
