import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Metabase REST endpoints the provisioning command
 * calls, with in-memory state and Metabase's observable behaviour: a setup
 * token until the first user exists, session ids in X-Metabase-Session,
 * redacted database passwords, collection items by model, cards returned as
 * MBQL 5 unless ?legacy-mbql=true (v0.57+), and PUT /api/dashboard/:id taking
 * the complete dashcard list (negative ids for new ones, omitted ones removed).
 * Every request is recorded; a route it does not know answers 404.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
}

export interface StandinCard {
  id: number;
  name: string;
  description: string | null;
  display: string;
  collection_id: number | null;
  database: number;
  sql: string;
  visualization_settings: Record<string, unknown>;
  archived: boolean;
}

export interface StandinDashcard {
  id: number;
  card_id: number | null;
  row: number;
  col: number;
  size_x: number;
  size_y: number;
  parameter_mappings: unknown[];
  visualization_settings: Record<string, unknown>;
}

export interface StandinState {
  setupToken: string;
  users: { id: number; email: string; password: string }[];
  sessions: Set<string>;
  databases: { id: number; name: string; engine: string; details: Record<string, unknown> }[];
  collections: { id: number | 'root'; name: string; description: string | null; archived: boolean; personal_owner_id: number | null }[];
  cards: StandinCard[];
  dashboards: { id: number; name: string; description: string | null; collection_id: number | null; archived: boolean; dashcards: StandinDashcard[] }[];
}

export interface MetabaseStandin {
  url: string;
  state: StandinState;
  requests: RecordedRequest[];
  /** Requests that change state, leaving out the sign-in (POST /api/session). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const REDACTED = '**MetabasePass**';

export function emptyState(): StandinState {
  return {
    setupToken: 'f1c3d2e4-setup-token',
    users: [],
    sessions: new Set(),
    databases: [],
    collections: [{ id: 'root', name: 'Our analytics', description: null, archived: false, personal_owner_id: null }],
    cards: [],
    dashboards: [],
  };
}

/** A Metabase that went through setup with this administrator (and its sample database). */
export function setUpState(email: string, password: string): StandinState {
  const s = emptyState();
  addAdmin(s, email, password);
  return s;
}

function addAdmin(s: StandinState, email: string, password: string): void {
  const id = s.users.length + 1;
  s.users.push({ id, email, password });
  s.collections.push({ id: nextId(s.collections), name: `${email}'s Personal Collection`, description: null, archived: false, personal_owner_id: id });
  s.databases.push({ id: nextId(s.databases), name: 'Sample Database', engine: 'h2', details: { db: 'file:sample-database.db' } });
}

function nextId(list: { id: number | 'root' }[]): number {
  return list.reduce((m, x) => (typeof x.id === 'number' && x.id > m ? x.id : m), 0) + 1;
}

export async function startMetabaseStandin(state: StandinState = emptyState()): Promise<MetabaseStandin> {
  const requests: RecordedRequest[] = [];
  let sessionCounter = 0;

  const newSession = () => {
    const id = `session-${++sessionCounter}`;
    state.sessions.add(id);
    return id;
  };

  const cardJson = (c: StandinCard, legacy: boolean) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    display: c.display,
    collection_id: c.collection_id,
    archived: c.archived,
    visualization_settings: c.visualization_settings,
    dataset_query: legacy
      ? { type: 'native', native: { query: c.sql, 'template-tags': {} }, database: c.database }
      : { 'lib/type': 'mbql/query', database: c.database, stages: [{ 'lib/type': 'mbql.stage/native', native: c.sql, 'template-tags': {} }] },
  });

  const dashboardJson = (d: StandinState['dashboards'][number]) => ({ ...d, dashcards: d.dashcards.map((dc) => ({ ...dc, dashboard_id: d.id })) });

  function route(method: string, path: string, query: URLSearchParams, body: any, session: string | undefined): unknown {
    if (method === 'GET' && path === '/api/health') return { status: 'ok' };
    if (method === 'GET' && path === '/api/session/properties') {
      return { 'setup-token': state.setupToken, 'has-user-setup': state.users.length > 0, 'site-locale': 'en', version: { tag: 'v0.58.1' } };
    }
    if (method === 'POST' && path === '/api/setup') {
      if (state.users.length) throw new HttpError(403, 'The /api/setup route can only be used to create the first user, however a user currently exists.');
      if (body?.token !== state.setupToken) throw new HttpError(400, { errors: { token: 'Token does not match the setup token.' } });
      const u = body?.user ?? {};
      if (!u.email || !u.password) throw new HttpError(400, { errors: { email: 'value must be a valid email address.' } });
      if (!body?.prefs?.site_name) throw new HttpError(400, { errors: { site_name: 'value must be a non-blank string.' } });
      addAdmin(state, u.email, u.password);
      return { id: newSession() };
    }
    if (method === 'POST' && path === '/api/session') {
      const user = state.users.find((u) => u.email === body?.username);
      if (!user || user.password !== body?.password) throw new HttpError(401, { errors: { password: 'did not match stored password' } });
      return { id: newSession() };
    }

    if (!session || !state.sessions.has(session)) throw new HttpError(401, 'Unauthenticated');

    let m: RegExpExecArray | null;
    if (path === '/api/database') {
      if (method === 'GET') {
        const data = state.databases.map((d) => ({ ...d, details: { ...d.details, ...(d.details.password ? { password: REDACTED } : {}) } }));
        return { data, total: data.length };
      }
      if (method === 'POST') {
        const d = body?.details ?? {};
        if (body?.engine !== 'postgres' || !body?.name) throw new HttpError(400, { errors: { engine: 'value must be a valid database engine.' } });
        for (const k of ['host', 'port', 'dbname', 'user', 'password']) if (d[k] === undefined || d[k] === '') throw new HttpError(400, { message: `Connection details lack ${k}` });
        const db = { id: nextId(state.databases), name: body.name, engine: body.engine, details: { ...d } };
        state.databases.push(db);
        return { ...db, details: { ...db.details, password: REDACTED } };
      }
    }
    if ((m = /^\/api\/database\/(\d+)$/.exec(path)) && method === 'PUT') {
      const db = state.databases.find((d) => d.id === Number(m![1]));
      if (!db) throw new HttpError(404, 'Not found.');
      if (body?.name) db.name = body.name;
      if (body?.engine) db.engine = body.engine;
      // Sending the redacted placeholder keeps the stored password, as Metabase does.
      if (body?.details) db.details = { ...body.details, password: body.details.password === REDACTED ? db.details.password : body.details.password };
      return { ...db, details: { ...db.details, password: REDACTED } };
    }

    if (path === '/api/collection') {
      if (method === 'GET') return state.collections.filter((c) => !c.archived);
      if (method === 'POST') {
        if (!body?.name) throw new HttpError(400, { errors: { name: 'value must be a non-blank string.' } });
        const c = { id: nextId(state.collections), name: body.name, description: body.description ?? null, archived: false, personal_owner_id: null };
        state.collections.push(c);
        return c;
      }
    }
    if ((m = /^\/api\/collection\/(\d+)$/.exec(path)) && method === 'PUT') {
      const c = state.collections.find((x) => x.id === Number(m![1]));
      if (!c) throw new HttpError(404, 'Not found.');
      if (body?.description !== undefined) c.description = body.description;
      if (body?.name !== undefined) c.name = body.name;
      return c;
    }
    if ((m = /^\/api\/collection\/(\d+)\/items$/.exec(path)) && method === 'GET') {
      const id = Number(m[1]);
      if (!state.collections.some((c) => c.id === id)) throw new HttpError(404, 'Not found.');
      const models = query.getAll('models');
      const want = (model: string) => !models.length || models.includes(model);
      const data = [
        ...(want('card') ? state.cards.filter((c) => c.collection_id === id && !c.archived).map((c) => ({ id: c.id, name: c.name, model: 'card', display: c.display })) : []),
        ...(want('dashboard') ? state.dashboards.filter((d) => d.collection_id === id && !d.archived).map((d) => ({ id: d.id, name: d.name, model: 'dashboard' })) : []),
      ];
      return { data, total: data.length, models };
    }

    if (path === '/api/card' && method === 'POST') {
      const q = body?.dataset_query;
      if (q?.type !== 'native' || typeof q?.native?.query !== 'string') throw new HttpError(400, { errors: { dataset_query: 'expected a native query' } });
      if (!state.databases.some((d) => d.id === q.database)) throw new HttpError(400, { message: `No database ${q.database}` });
      if (!body?.name || !body?.display || body?.visualization_settings === undefined) throw new HttpError(400, { errors: { name: 'required', display: 'required', visualization_settings: 'required' } });
      const card: StandinCard = {
        id: nextId(state.cards),
        name: body.name,
        description: body.description ?? null,
        display: body.display,
        collection_id: body.collection_id ?? null,
        database: q.database,
        sql: q.native.query,
        visualization_settings: body.visualization_settings,
        archived: false,
      };
      state.cards.push(card);
      return cardJson(card, true);
    }
    if ((m = /^\/api\/card\/(\d+)$/.exec(path))) {
      const card = state.cards.find((c) => c.id === Number(m![1]));
      if (!card) throw new HttpError(404, 'Not found.');
      if (method === 'GET') return cardJson(card, query.get('legacy-mbql') === 'true');
      if (method === 'PUT') {
        if (body?.dataset_query) {
          const q = body.dataset_query;
          if (q.type !== 'native' || typeof q.native?.query !== 'string') throw new HttpError(400, { errors: { dataset_query: 'expected a native query' } });
          card.sql = q.native.query;
          card.database = q.database;
        }
        for (const k of ['name', 'description', 'display', 'collection_id', 'visualization_settings', 'archived'] as const) {
          if (body?.[k] !== undefined) (card as any)[k] = body[k];
        }
        return cardJson(card, true);
      }
    }

    if (path === '/api/dashboard' && method === 'POST') {
      if (!body?.name) throw new HttpError(400, { errors: { name: 'value must be a non-blank string.' } });
      const d = { id: nextId(state.dashboards), name: body.name, description: body.description ?? null, collection_id: body.collection_id ?? null, archived: false, dashcards: [] };
      state.dashboards.push(d);
      return dashboardJson(d);
    }
    if ((m = /^\/api\/dashboard\/(\d+)$/.exec(path))) {
      const d = state.dashboards.find((x) => x.id === Number(m![1]));
      if (!d) throw new HttpError(404, 'Not found.');
      if (method === 'GET') return dashboardJson(d);
      if (method === 'PUT') {
        if (body?.description !== undefined) d.description = body.description;
        if (body?.name !== undefined) d.name = body.name;
        if (Array.isArray(body?.dashcards)) {
          let next = state.dashboards.flatMap((x) => x.dashcards).reduce((mx, dc) => Math.max(mx, dc.id), 0) + 1;
          const updated: StandinDashcard[] = [];
          for (const dc of body.dashcards) {
            for (const k of ['row', 'col', 'size_x', 'size_y']) if (!Number.isInteger(dc[k])) throw new HttpError(400, { message: `dashcard ${k} must be an integer` });
            if (dc.card_id !== null && !state.cards.some((c) => c.id === dc.card_id)) throw new HttpError(400, { message: `No card ${dc.card_id}` });
            if (dc.id < 0) updated.push({ id: next++, card_id: dc.card_id, row: dc.row, col: dc.col, size_x: dc.size_x, size_y: dc.size_y, parameter_mappings: dc.parameter_mappings ?? [], visualization_settings: dc.visualization_settings ?? {} });
            else {
              const prior = d.dashcards.find((x) => x.id === dc.id);
              if (!prior) throw new HttpError(400, { message: `Dashcard ${dc.id} is not on dashboard ${d.id}` });
              updated.push({ ...prior, card_id: dc.card_id, row: dc.row, col: dc.col, size_x: dc.size_x, size_y: dc.size_y });
            }
          }
          d.dashcards = updated;
        }
        return dashboardJson(d);
      }
    }
    throw new HttpError(404, `The stand-in has no route ${method} ${path}`);
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('Malformed JSON');
        return;
      }
      const method = req.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: url.searchParams, body });
      const header = req.headers['x-metabase-session'];
      try {
        const out = route(method, url.pathname, url.searchParams, body, Array.isArray(header) ? header[0] : header);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        const isText = typeof err.body === 'string';
        res.writeHead(err.status, { 'content-type': isText ? 'text/plain' : 'application/json' }).end(isText ? err.body : JSON.stringify(err.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    writes: () => requests.filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.path !== '/api/session'),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
