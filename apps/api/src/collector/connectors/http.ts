import { RunFailure } from '../pipeline';

export interface HttpOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Values never to show (API keys). */
  secrets: string[];
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
}

const SECRET_PARAMS = /([?&](?:key|api_key|apikey|token|access_token)=)[^&#\s"]*/gi;

/** The URL as it may appear in logs and run history. */
export function redact(text: string, secrets: string[]): string {
  let out = text.replace(SECRET_PARAMS, '$1***');
  for (const s of secrets) if (s) out = out.split(s).join('***').split(encodeURIComponent(s)).join('***');
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** fetch with a per-request timeout; timeouts, 429 and 5xx are retried with exponential backoff. */
export class HttpClient {
  constructor(private readonly opts: HttpOptions) {}

  redact(text: string): string {
    return redact(text, this.opts.secrets);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<HttpResult> {
    const shown = this.redact(url);
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt > 0) await sleep(this.opts.backoffMs * 2 ** (attempt - 1));
      let res: Response;
      try {
        res = await fetch(url, { headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.5', ...headers }, signal: AbortSignal.timeout(this.opts.timeoutMs) });
      } catch (err) {
        const e = err as Error;
        lastProblem = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.opts.timeoutMs} ms` : `request failed (${this.redact(e.message)})`;
        continue;
      }
      if (res.status === 304) return { status: 304, headers: res.headers, text: '' };
      if (res.status >= 200 && res.status < 300) {
        return { status: res.status, headers: res.headers, text: await res.text() };
      }
      await res.body?.cancel();
      lastProblem = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) throw new RunFailure(`${lastProblem} from ${shown}`);
    }
    throw new RunFailure(`${lastProblem} from ${shown} after ${this.opts.retries + 1} attempts`);
  }

  async getJson<T = unknown>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: T | null }> {
    const r = await this.get(url, headers);
    if (r.status === 304) return { status: 304, headers: r.headers, body: null };
    try {
      return { status: r.status, headers: r.headers, body: JSON.parse(r.text) as T };
    } catch {
      throw new RunFailure(`The answer from ${this.redact(url)} is not JSON`);
    }
  }
}
