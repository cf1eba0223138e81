import type { ProvisionConfig } from './config';
import { layoutDashboard, Placement } from './dashboard-layout';
import { MetabaseApiError, MetabaseClient } from './metabase-client';
import type { Question } from './questions';

export const COLLECTION_NAME = 'Open Governance Hub';
export const COLLECTION_DESCRIPTION = 'Pertanyaan dan dasbor BI Diskominfo Kota Madiun atas skema analytics (tanpa data pribadi). Dikelola oleh `npm run metabase:provision`: ubah SQL di metabase/questions, bukan di sini.';
export const DASHBOARD_NAME = 'Dasbor BI Diskominfo';
export const DASHBOARD_DESCRIPTION = 'Partisipasi warga, kinerja respons dan SLA per OPD, kepuasan, kebijakan, Musrenbang, insight, OKR, Citizen Data Fellows, kolektor data dan indikator publik.';

/** Metabase hides stored database passwords behind this value in its answers. */
const REDACTED_PASSWORD = '**MetabasePass**';

export type ObjectKind = 'setup' | 'database' | 'collection' | 'card' | 'dashboard';
export type Outcome = 'created' | 'updated' | 'unchanged' | 'performed' | 'skipped';

export interface ProvisionAction {
  kind: ObjectKind;
  name: string;
  outcome: Outcome;
  id?: number;
  /** What differed, for updates. */
  changes?: string[];
}

export interface ProvisionResult {
  actions: ProvisionAction[];
  databaseId: number;
  collectionId: number;
  dashboardId: number;
  cardIds: Record<string, number>;
}

export interface ProvisionOptions {
  questions: Question[];
  log?: (line: string) => void;
  /**
   * Metabase never shows a stored password, so a changed BI_READER_PASSWORD
   * cannot be noticed: set this after rotating it to send the password again.
   */
  updateDatabasePassword?: boolean;
}

export class ProvisionError extends Error {}

// --- the parts of Metabase's answers this command reads -----------------------
interface SessionProperties {
  'setup-token'?: string | null;
  'has-user-setup'?: boolean;
}
interface MbDatabase {
  id: number;
  name: string;
  engine: string;
  details?: Record<string, unknown>;
}
interface MbCollection {
  id: number | string;
  name: string;
  description?: string | null;
  archived?: boolean;
  personal_owner_id?: number | null;
  location?: string;
}
interface MbItem {
  id: number;
  name: string;
  model: string;
}
interface MbCard {
  id: number;
  name: string;
  description?: string | null;
  display: string;
  collection_id?: number | null;
  dataset_query?: Record<string, any>;
  visualization_settings?: Record<string, unknown>;
}
interface MbDashcard {
  id: number;
  card_id: number | null;
  row: number;
  col: number;
  size_x: number;
  size_y: number;
  [key: string]: unknown;
}
interface MbDashboard {
  id: number;
  name: string;
  description?: string | null;
  dashcards?: MbDashcard[];
  ordered_cards?: MbDashcard[];
}

/**
 * Brings a Metabase instance to the state this repository describes: first-time
 * setup (or sign-in), the analytics database as the read-only BI role, the
 * "Open Governance Hub" collection, one native-SQL card per question file and a
 * dashboard with one card per question. Objects are found by name; an object
 * that already matches is left alone, so a second run makes no writes.
 */
export async function provision(config: ProvisionConfig, options: ProvisionOptions): Promise<ProvisionResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = new MetabaseClient(config.metabaseUrl);
  const actions: ProvisionAction[] = [];
  const record = (a: ProvisionAction) => {
    actions.push(a);
    const id = a.id === undefined ? '' : ` (id ${a.id})`;
    const changes = a.changes?.length ? `: ${a.changes.join(', ')}` : '';
    log(`${a.outcome.padEnd(9)} ${a.kind} "${a.name}"${id}${changes}`);
  };

  await signIn(client, config, record);
  const databaseId = await ensureDatabase(client, config, !!options.updateDatabasePassword, record);
  const collectionId = await ensureCollection(client, record);
  const items = await listItems(client, collectionId);

  const cardIds: Record<string, number> = {};
  for (const q of options.questions) cardIds[q.name] = await ensureCard(client, q, databaseId, collectionId, items, record);

  const dashboardId = await ensureDashboard(
    client,
    collectionId,
    items,
    options.questions.map((q) => ({ cardId: cardIds[q.name], display: q.display })),
    record,
  );
  const changed = actions.filter((a) => a.outcome === 'created' || a.outcome === 'updated').length;
  log(`Metabase is provisioned: ${changed} object(s) created or updated, ${actions.filter((a) => a.outcome === 'unchanged').length} unchanged.`);
  return { actions, databaseId, collectionId, dashboardId, cardIds };
}

async function signIn(client: MetabaseClient, config: ProvisionConfig, record: (a: ProvisionAction) => void): Promise<void> {
  const props = await client.get<SessionProperties>('/api/session/properties');
  // Versions before has-user-setup clear the setup token once set up.
  const needsSetup = props['has-user-setup'] === false || (props['has-user-setup'] === undefined && !!props['setup-token']);
  if (needsSetup) {
    if (!props['setup-token']) throw new ProvisionError('Metabase is not set up yet but gives no setup token (GET /api/session/properties)');
    const res = await client.post<{ id: string }>('/api/setup', {
      token: props['setup-token'],
      user: {
        email: config.admin.email,
        password: config.admin.password,
        first_name: config.admin.firstName,
        last_name: config.admin.lastName,
        site_name: config.siteName,
      },
      prefs: { site_name: config.siteName, site_locale: 'id', allow_tracking: false },
    });
    client.useSession(res.id);
    record({ kind: 'setup', name: config.admin.email, outcome: 'performed' });
    return;
  }
  try {
    const res = await client.post<{ id: string }>('/api/session', { username: config.admin.email, password: config.admin.password });
    client.useSession(res.id);
  } catch (err) {
    if (err instanceof MetabaseApiError && (err.status === 400 || err.status === 401)) {
      throw new ProvisionError(
        `Metabase is already set up and refused the sign-in of ${config.admin.email} (HTTP ${err.status}): check METABASE_ADMIN_EMAIL and METABASE_ADMIN_PASSWORD`,
      );
    }
    throw err;
  }
}

async function ensureDatabase(client: MetabaseClient, config: ProvisionConfig, updatePassword: boolean, record: (a: ProvisionAction) => void): Promise<number> {
  const db = config.database;
  const desired: Record<string, unknown> = {
    host: db.host,
    port: db.port,
    dbname: db.dbname,
    user: db.user,
    ssl: db.ssl,
    // Only the analytics schema: the BI role cannot read anything else anyway.
    'schema-filters-type': 'inclusion',
    'schema-filters-patterns': 'analytics',
  };
  const listed = await client.get<MbDatabase[] | { data: MbDatabase[] }>('/api/database');
  const found = (Array.isArray(listed) ? listed : listed.data).find((d) => d.name === db.displayName);
  const body = { name: db.displayName, engine: 'postgres', details: { ...desired, password: db.password } };
  if (!found) {
    const created = await client.post<MbDatabase>('/api/database', { ...body, is_full_sync: true });
    record({ kind: 'database', name: db.displayName, outcome: 'created', id: created.id });
    return created.id;
  }
  const changes: string[] = [];
  if (found.engine !== 'postgres') changes.push('engine');
  for (const [key, value] of Object.entries(desired)) {
    if (String(found.details?.[key] ?? '') !== String(value)) changes.push(key);
  }
  const storedPassword = found.details?.password;
  // A plain (unredacted) stored password can be compared; a redacted one only replaced on request.
  if (updatePassword || (typeof storedPassword === 'string' && storedPassword !== REDACTED_PASSWORD && storedPassword !== db.password)) changes.push('password');
  if (!changes.length) {
    record({ kind: 'database', name: db.displayName, outcome: 'unchanged', id: found.id });
    return found.id;
  }
  await client.put(`/api/database/${found.id}`, body);
  record({ kind: 'database', name: db.displayName, outcome: 'updated', id: found.id, changes });
  return found.id;
}

async function ensureCollection(client: MetabaseClient, record: (a: ProvisionAction) => void): Promise<number> {
  const all = await client.get<MbCollection[] | { data: MbCollection[] }>('/api/collection');
  const found = (Array.isArray(all) ? all : all.data).find(
    (c) => c.name === COLLECTION_NAME && typeof c.id === 'number' && !c.archived && !c.personal_owner_id,
  );
  if (!found) {
    const created = await client.post<MbCollection>('/api/collection', { name: COLLECTION_NAME, description: COLLECTION_DESCRIPTION, parent_id: null });
    record({ kind: 'collection', name: COLLECTION_NAME, outcome: 'created', id: Number(created.id) });
    return Number(created.id);
  }
  const id = Number(found.id);
  if ((found.description ?? '') !== COLLECTION_DESCRIPTION) {
    await client.put(`/api/collection/${id}`, { description: COLLECTION_DESCRIPTION });
    record({ kind: 'collection', name: COLLECTION_NAME, outcome: 'updated', id, changes: ['description'] });
  } else {
    record({ kind: 'collection', name: COLLECTION_NAME, outcome: 'unchanged', id });
  }
  return id;
}

async function listItems(client: MetabaseClient, collectionId: number): Promise<MbItem[]> {
  const res = await client.get<MbItem[] | { data: MbItem[] }>(`/api/collection/${collectionId}/items?models=card&models=dashboard`);
  return Array.isArray(res) ? res : res.data;
}

/** The chart settings a question file controls; other settings made in Metabase are kept. */
function managedVisualization(q: Question): Record<string, unknown> {
  if (q.display === 'pie') return { 'pie.dimension': q.dimensions[0], 'pie.metric': q.metrics[0] };
  if (q.dimensions.length || q.metrics.length) return { 'graph.dimensions': q.dimensions, 'graph.metrics': q.metrics };
  return {};
}

/** The SQL of a stored native card, from legacy MBQL ({native: {query}}) or MBQL 5 ({stages: [{native}]}). */
export function nativeSqlOf(datasetQuery: Record<string, any> | undefined): string | undefined {
  if (!datasetQuery) return undefined;
  if (typeof datasetQuery.native?.query === 'string') return datasetQuery.native.query;
  const stage = Array.isArray(datasetQuery.stages) ? datasetQuery.stages[0] : undefined;
  return typeof stage?.native === 'string' ? stage.native : undefined;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function ensureCard(
  client: MetabaseClient,
  q: Question,
  databaseId: number,
  collectionId: number,
  items: MbItem[],
  record: (a: ProvisionAction) => void,
): Promise<number> {
  const datasetQuery = { type: 'native', native: { query: q.sql, 'template-tags': {} }, database: databaseId };
  const managed = managedVisualization(q);
  const item = items.find((i) => i.model === 'card' && i.name === q.name);
  if (!item) {
    const created = await client.post<MbCard>('/api/card', {
      name: q.name,
      description: q.description,
      display: q.display,
      collection_id: collectionId,
      dataset_query: datasetQuery,
      visualization_settings: managed,
    });
    record({ kind: 'card', name: q.name, outcome: 'created', id: created.id });
    return created.id;
  }
  // Since v0.57 cards come back as MBQL 5 unless legacy-mbql=true; nativeSqlOf reads both.
  const card = await client.get<MbCard>(`/api/card/${item.id}?legacy-mbql=true`);
  const changes: string[] = [];
  if ((card.description ?? '') !== q.description) changes.push('description');
  if (card.display !== q.display) changes.push('display');
  if (nativeSqlOf(card.dataset_query)?.trim() !== q.sql.trim()) changes.push('sql');
  if (card.dataset_query?.database !== databaseId) changes.push('database');
  const settings = card.visualization_settings ?? {};
  if (Object.entries(managed).some(([k, v]) => !sameJson(settings[k], v))) changes.push('visualization');
  if (!changes.length) {
    record({ kind: 'card', name: q.name, outcome: 'unchanged', id: card.id });
    return card.id;
  }
  await client.put(`/api/card/${card.id}`, {
    description: q.description,
    display: q.display,
    dataset_query: datasetQuery,
    visualization_settings: { ...settings, ...managed },
  });
  record({ kind: 'card', name: q.name, outcome: 'updated', id: card.id, changes });
  return card.id;
}

async function ensureDashboard(
  client: MetabaseClient,
  collectionId: number,
  items: MbItem[],
  cards: { cardId: number; display: Question['display'] }[],
  record: (a: ProvisionAction) => void,
): Promise<number> {
  const placements = layoutDashboard(cards.map((c) => c.display));
  const item = items.find((i) => i.model === 'dashboard' && i.name === DASHBOARD_NAME);
  let dashboard: MbDashboard;
  let created = false;
  if (!item) {
    dashboard = await client.post<MbDashboard>('/api/dashboard', { name: DASHBOARD_NAME, description: DASHBOARD_DESCRIPTION, collection_id: collectionId });
    dashboard.dashcards = [];
    created = true;
  } else {
    dashboard = await client.get<MbDashboard>(`/api/dashboard/${item.id}`);
  }
  const existing = dashboard.dashcards ?? dashboard.ordered_cards ?? [];
  const ours = new Set(cards.map((c) => c.cardId));
  const byCard = new Map<number, MbDashcard>();
  const duplicates: MbDashcard[] = [];
  for (const dc of existing) {
    if (dc.card_id === null || !ours.has(dc.card_id)) continue;
    if (byCard.has(dc.card_id)) duplicates.push(dc);
    else byCard.set(dc.card_id, dc);
  }

  const changes: string[] = [];
  if (!created && (dashboard.description ?? '') !== DASHBOARD_DESCRIPTION) changes.push('description');
  const samePlace = (dc: MbDashcard, p: Placement) => dc.row === p.row && dc.col === p.col && dc.size_x === p.size_x && dc.size_y === p.size_y;
  const missing = cards.filter((c) => !byCard.has(c.cardId)).length;
  const moved = cards.filter((c, i) => {
    const dc = byCard.get(c.cardId);
    return dc !== undefined && !samePlace(dc, placements[i]);
  }).length;
  if (missing) changes.push(`${missing} card(s) added`);
  if (moved) changes.push(`${moved} card(s) placed`);
  if (duplicates.length) changes.push(`${duplicates.length} duplicate card(s) removed`);

  if (!changes.length) {
    record({ kind: 'dashboard', name: DASHBOARD_NAME, outcome: created ? 'created' : 'unchanged', id: dashboard.id });
    return dashboard.id;
  }
  // PUT takes the complete list: existing dashcards keep their id, new ones
  // get negative ids, and anything left out is removed. Cards someone added by
  // hand stay where they are.
  let nextNew = -1;
  const dashcards = [
    ...existing.filter((dc) => dc.card_id === null || !ours.has(dc.card_id)),
    ...cards.map((c, i) => {
      const prior = byCard.get(c.cardId);
      return prior ? { ...prior, ...placements[i] } : { id: nextNew--, card_id: c.cardId, ...placements[i], parameter_mappings: [], visualization_settings: {}, series: [] };
    }),
  ];
  await client.put(`/api/dashboard/${dashboard.id}`, {
    ...(changes.includes('description') ? { description: DASHBOARD_DESCRIPTION } : {}),
    dashcards,
  });
  record({ kind: 'dashboard', name: DASHBOARD_NAME, outcome: created ? 'created' : 'updated', id: dashboard.id, changes: created ? [] : changes });
  return dashboard.id;
}
