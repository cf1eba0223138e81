/** A Metabase REST call that did not succeed, with what Metabase said. */
export class MetabaseApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Metabase ${method} ${path} answered ${status}: ${describe(body)}`);
  }
}

function describe(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 300) || '(empty body)';
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; errors?: unknown };
    if (typeof b.message === 'string') return b.message;
    if (b.errors) return JSON.stringify(b.errors).slice(0, 300);
  }
  return JSON.stringify(body)?.slice(0, 300) ?? '(empty body)';
}

/**
 * The few Metabase REST calls provisioning needs, over Node's fetch. A session
 * id (from /api/setup or /api/session) goes in the X-Metabase-Session header.
 */
export class MetabaseClient {
  private session?: string;

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  useSession(id: string): void {
    this.session = id;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.session) headers['x-metabase-session'] = this.session;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Metabase answers some errors as plain text: keep it.
    }
    if (!res.ok) throw new MetabaseApiError(method, path, res.status, parsed);
    return parsed as T;
  }
}
