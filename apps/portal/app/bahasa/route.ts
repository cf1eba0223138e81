import { isLocale, LOCALE_COOKIE } from '../../lib/i18n';

/**
 * The language switch (`/bahasa?lang=en`, a plain link, so it works without
 * JavaScript; a form POST with `lang` works too): sets the `lang` cookie and
 * sends the visitor back to the page they came from, on this site only.
 */
function switchTo(request: Request, lang: unknown, from: unknown): Response {
  const url = new URL(request.url);
  // The host the browser used (request.url may carry the server's own bind address).
  const hosts = new Set([url.host, request.headers.get('host'), request.headers.get('x-forwarded-host')].filter((h): h is string => !!h));
  let back = '/';
  const source = typeof from === 'string' && from ? from : request.headers.get('referer');
  if (source) {
    try {
      const target = new URL(source, url);
      // Only the path and query are kept: never a redirect to another site.
      if (hosts.has(target.host) || (source.startsWith('/') && !source.startsWith('//'))) back = `${target.pathname}${target.search}`;
    } catch {
      // keep '/'
    }
  }
  if (!back.startsWith('/') || back.startsWith('//') || back.startsWith('/bahasa')) back = '/';
  const headers = new Headers({ location: back, 'cache-control': 'no-store' });
  if (isLocale(lang)) {
    const secure = process.env.PORTAL_SECURE_COOKIES === 'true' ? '; Secure' : '';
    headers.append('set-cookie', `${LOCALE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`);
  }
  return new Response(null, { status: 303, headers });
}

export function GET(request: Request): Response {
  const q = new URL(request.url).searchParams;
  return switchTo(request, q.get('lang'), q.get('from'));
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  return switchTo(request, form?.get('lang'), form?.get('from'));
}

export const dynamic = 'force-dynamic';
