import { cookies } from 'next/headers';
import { API_URL } from './api';

/**
 * The ASN session lives in httpOnly cookies set by the portal's server: the
 * browser never holds the tokens in script-readable storage.
 */
const ACCESS = 'ogh_at';
const REFRESH = 'ogh_rt';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
  opdId: number | null;
  mustChangePassword: boolean;
}

interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  mustChangePassword: boolean;
}

async function storeTokens(t: TokenPair): Promise<void> {
  const jar = await cookies();
  const secure = process.env.PORTAL_SECURE_COOKIES === 'true';
  jar.set(ACCESS, t.accessToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: t.expiresIn });
  jar.set(REFRESH, t.refreshToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(t.refreshExpiresAt) });
}

export type LoginFailure = 'bad_credentials' | 'locked' | 'disabled' | 'unreachable' | 'other';

export async function login(email: string, password: string): Promise<{ ok: true; mustChangePassword: boolean } | { ok: false; reason: LoginFailure; message: string }> {
  const res = await fetch(`${API_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    cache: 'no-store',
  }).catch(() => null);
  if (!res) return { ok: false, reason: 'unreachable', message: 'Layanan sedang tidak dapat dihubungi.' };
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message =
      res.status === 401 ? 'E-mail atau kata sandi salah.' : res.status === 423 ? 'Akun dikunci sementara karena terlalu banyak percobaan gagal.' : res.status === 403 ? 'Akun ini sudah dinonaktifkan.' : (body.message ?? 'Gagal masuk.');
    const reason: LoginFailure = res.status === 401 ? 'bad_credentials' : res.status === 423 ? 'locked' : res.status === 403 ? 'disabled' : 'other';
    return { ok: false, reason, message };
  }
  await storeTokens(body as TokenPair);
  return { ok: true, mustChangePassword: (body as TokenPair).mustChangePassword };
}

export async function logout(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(ACCESS)?.value;
  if (token) await fetch(`${API_URL}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
  jar.delete(ACCESS);
  jar.delete(REFRESH);
}

/** Uses the refresh token when the access token has expired (cookies can only be written in actions and route handlers). */
async function refreshed(): Promise<string | null> {
  const jar = await cookies();
  const refresh = jar.get(REFRESH)?.value;
  if (!refresh) return null;
  const res = await fetch(`${API_URL}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }), cache: 'no-store' }).catch(() => null);
  if (!res?.ok) return null;
  const pair = (await res.json()) as TokenPair;
  try {
    await storeTokens(pair);
  } catch {
    // In a server component cookies are read-only: the new token is used for this request only.
  }
  return pair.accessToken;
}

export type StaffResult<T> = { ok: true; data: T; status: number } | { ok: false; status: number; message: string; details?: { field: string; problem: string }[] };

/** An API call as the signed-in ASN; 401 means the session is over (the caller redirects to sign-in). */
export async function staffFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<StaffResult<T>> {
  const jar = await cookies();
  let token = jar.get(ACCESS)?.value ?? (await refreshed());
  if (!token) return { ok: false, status: 401, message: 'Silakan masuk.' };
  const call = (t: string) =>
    fetch(`${API_URL}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${t}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      cache: 'no-store',
    });
  let res = await call(token).catch(() => null);
  if (res?.status === 401) {
    token = await refreshed();
    if (token) res = await call(token).catch(() => null);
  }
  if (!res) return { ok: false, status: 503, message: 'Layanan sedang tidak dapat dihubungi.' };
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) return { ok: false, status: res.status, message: body?.message ?? res.statusText, details: body?.details };
  return { ok: true, data: body as T, status: res.status };
}

export async function currentStaff(): Promise<StaffUser | null> {
  const me = await staffFetch<StaffUser>('/auth/me');
  return me.ok && (me.data.role === 'asn' || me.data.role === 'admin') ? me.data : null;
}
