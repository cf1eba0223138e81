import { API_URL } from '../../../lib/api';

/**
 * The browser talks to the API through the portal's own origin: no CORS, and
 * the API's address stays a server setting (API_URL) read at run time.
 */
// x-forwarded-for: the API rate-limits per citizen, not per portal. Next sets it
// to the socket address when no proxy in front did; in production a reverse
// proxy in front of the portal must set it (overwriting what the client sent).
const FORWARDED = ['content-type', 'idempotency-key', 'authorization', 'x-request-id', 'accept', 'x-forwarded-for'];

async function proxy(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const url = new URL(request.url);
  const target = `${API_URL}/api/${path.map(encodeURIComponent).join('/')}${url.search}`;
  const headers = new Headers();
  for (const h of FORWARDED) {
    const v = request.headers.get(h);
    if (v) headers.set(h, v);
  }
  try {
    const res = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer(),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
    const out = new Headers();
    for (const h of ['content-type', 'content-disposition', 'link', 'retry-after', 'x-request-id', 'idempotent-replayed']) {
      const v = res.headers.get(h);
      if (v) out.set(h, v);
    }
    return new Response(await res.arrayBuffer(), { status: res.status, headers: out });
  } catch {
    return Response.json(
      { statusCode: 503, error: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE', message: 'Layanan sedang tidak dapat dihubungi. Coba lagi sebentar lagi.' },
      { status: 503, headers: { 'retry-after': '5' } },
    );
  }
}

export const GET = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const dynamic = 'force-dynamic';
