import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN, sleep } from '../support/api-process';
import sampleSubmissions from '../support/sample-submissions.json';

/**
 * The clients of the load and fault tests: citizens submitting aspirations
 * (each with its own Idempotency-Key when asked, retrying on 503 and on lost
 * connections), readers of the public pages, and an ASN officer working the
 * inbox. Every answer is recorded so the tests can compare it with the rows.
 */
const { kelurahan: KELURAHAN, texts: TEXTS } = sampleSubmissions;

export interface Acknowledged {
  index: number;
  key?: string;
  id: string;
  trackingCode: string;
  /** Answers before the 201: 503s and lost connections that were retried. */
  retries: number;
}

export interface Answer {
  kind: string;
  status: number;
  ms: number;
  retryAfter: string | null;
  /** Set when the request failed without an HTTP answer (connection refused or reset). */
  networkError?: string;
}

export interface LoadOptions {
  baseUrl: string;
  submissions: number;
  clients: number;
  /** Fraction of submissions sent with an Idempotency-Key (1 = all). */
  keyed: number;
  /** Retry 503 and lost connections with the same key (only keyed submissions are retried). */
  retry: boolean;
  /** Every n-th action of a citizen is a public read (tracking, list, statistics); 0 = none. */
  readEvery: number;
  /** Run an ASN officer beside the citizens, verifying received aspirations. */
  asn: boolean;
  /** Upper bound of a wait between retries, whatever Retry-After says. */
  retryCapMs?: number;
  /** Submissions leave contact e-mails (for notification checks). */
  withEmail?: boolean;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  answers: Answer[];
  seconds: number;
  /** Submissions that ended without a 201 (not retried, or non-retryable answer). */
  failed: { index: number; status: number; body: string }[];
  asnActions: number;
}

export const runId = () => randomBytes(4).toString('hex');

export function submissionBody(index: number, run: string, withEmail = false): Record<string, unknown> {
  const body: Record<string, unknown> = {
    text: `${TEXTS[index % TEXTS.length]} (laporan ${run}-${index})`,
    kelurahanCode: KELURAHAN[index % KELURAHAN.length],
    channel: 'portal',
  };
  if (withEmail) body.contact = { email: `warga${index}@example.id`, consent: true };
  return body;
}

async function timed(kind: string, answers: Answer[], url: string, init: RequestInit): Promise<{ answer: Answer; body: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const body = await res.text();
    const answer = { kind, status: res.status, ms: performance.now() - t0, retryAfter: res.headers.get('retry-after') };
    answers.push(answer);
    return { answer, body };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const answer = { kind, status: 0, ms: performance.now() - t0, retryAfter: null, networkError: e.cause?.code ?? e.name };
    answers.push(answer);
    return { answer, body: '' };
  }
}

/** Runs the load to its end. */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return startLoad(o).finished;
}

/** Starts the load and returns at once: `live` fills while it runs, so a fault test can strike mid-load. */
export function startLoad(o: LoadOptions): { live: Pick<LoadResult, 'acknowledged' | 'answers'>; finished: Promise<LoadResult> } {
  const answers: Answer[] = [];
  const acknowledged: Acknowledged[] = [];
  return { live: { acknowledged, answers }, finished: load(o, acknowledged, answers) };
}

async function load(o: LoadOptions, acknowledged: Acknowledged[], answers: Answer[]): Promise<LoadResult> {
  const run = runId();
  const failed: LoadResult['failed'] = [];
  let next = 0;
  let done = false;
  let asnActions = 0;
  const keyEvery = o.keyed > 0 ? Math.max(1, Math.round(1 / o.keyed)) : 0;

  const read = async (n: number) => {
    const pick = n % 3;
    if (pick === 0 && acknowledged.length) {
      const a = acknowledged[(n * 7919) % acknowledged.length];
      await timed('track', answers, `${o.baseUrl}/api/aspirations/track/${a.trackingCode}`, {});
    } else if (pick === 1) {
      await timed('list', answers, `${o.baseUrl}/api/aspirations?limit=20&kelurahan=${KELURAHAN[n % KELURAHAN.length]}`, {});
    } else {
      await timed('stats', answers, `${o.baseUrl}/api/aspirations/stats`, {});
    }
  };

  const citizen = async (c: number) => {
    let actions = 0;
    while (next < o.submissions) {
      const index = next++;
      const key = keyEvery && index % keyEvery === 0 ? `load-${run}-${index}` : undefined;
      const body = JSON.stringify(submissionBody(index, run, o.withEmail));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers['idempotency-key'] = key;
      for (let attempt = 0; ; attempt++) {
        const { answer, body: text } = await timed('submit', answers, `${o.baseUrl}/api/aspirations`, { method: 'POST', headers, body });
        if (answer.status === 201) {
          const r = JSON.parse(text) as { id: string; trackingCode: string };
          acknowledged.push({ index, key, id: r.id, trackingCode: r.trackingCode, retries: attempt });
          break;
        }
        const retryable = answer.status === 0 || answer.status === 503;
        if (!(o.retry && key && retryable) || attempt > 2000) {
          failed.push({ index, status: answer.status, body: text.slice(0, 300) || answer.networkError || '' });
          break;
        }
        const hinted = answer.retryAfter ? Number(answer.retryAfter) * 1000 : 100;
        await sleep(Math.min(hinted, o.retryCapMs ?? 250) * (0.5 + Math.random()));
      }
      if (o.readEvery && ++actions % o.readEvery === 0) await read(actions + c);
    }
  };

  const officer = async () => {
    let token = '';
    while (!done) {
      if (!token) {
        const { answer, body } = await timed('login', answers, `${o.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        if (answer.status !== 200) {
          await sleep(200);
          continue;
        }
        token = (JSON.parse(body) as { accessToken: string }).accessToken;
      }
      const auth = { authorization: `Bearer ${token}` };
      const { answer, body } = await timed('asn-inbox', answers, `${o.baseUrl}/api/asn/aspirations?status=received&limit=10`, { headers: auth });
      if (answer.status === 401) token = '';
      if (answer.status !== 200) {
        await sleep(200);
        continue;
      }
      const items = (JSON.parse(body) as { items: { id: string }[] }).items;
      for (const item of items.slice(0, 3)) {
        const r = await timed('asn-status', answers, `${o.baseUrl}/api/asn/aspirations/${item.id}/status`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'verified' }),
        });
        if (r.answer.status === 200) asnActions++;
      }
      if (!items.length) await sleep(100);
    }
  };

  const started = performance.now();
  const asn = o.asn ? officer() : Promise.resolve();
  await Promise.all(Array.from({ length: o.clients }, (_, c) => citizen(c)));
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await asn;
  return { acknowledged, answers, seconds, failed, asnActions };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Answers that break the contract: any 5xx except a 503 that says when to retry. */
export function badServerAnswers(answers: Answer[]): Answer[] {
  return answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.retryAfter));
}

/** Rows per acknowledged id, and the ids of rows no client was told about. */
export async function rowsFor(databaseUrl: string, acknowledged: Acknowledged[]) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const ids = acknowledged.map((a) => a.id);
    const { rows: perId } = await c.query<{ id: string; tracking_code: string; n: number }>(
      'SELECT a.id, a.tracking_code, count(*)::int AS n FROM aspiration a WHERE a.id = ANY($1::uuid[]) GROUP BY a.id, a.tracking_code',
      [ids],
    );
    const { rows: [{ n: total }] } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM aspiration');
    const byId = new Map(perId.map((r) => [r.id, r]));
    const missing = acknowledged.filter((a) => !byId.has(a.id));
    const wrongCode = acknowledged.filter((a) => byId.has(a.id) && byId.get(a.id)!.tracking_code !== a.trackingCode);
    const distinctAcked = new Set(ids).size;
    return { total, missing, wrongCode, distinctAcked };
  } finally {
    await c.end();
  }
}

export async function query<T extends Record<string, unknown>>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
