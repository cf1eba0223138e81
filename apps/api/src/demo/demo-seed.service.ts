import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { redactPii } from '@ogh/nlp-id';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AnalyticsRefreshService } from '../analytics/analytics-refresh.service';
import { SlaCalendarService } from '../feedback/sla/sla-calendar.service';
import { isWorkingDay } from '../feedback/sla/working-days';
import { DEFAULT_MODULES } from '../fellows/cohorts.service';
import { readLabelledCsv, shippedCorpusPath } from '../insight/corpus';
import { InsightModelService, REVIEW_THRESHOLD } from '../insight/insight-model.service';
import { TrendsService, wibWeekStart } from '../insight/trends.service';
import { DefaultCycleSeed } from '../okr/default-cycle.seed';
import { OkrProgressService } from '../okr/okr-progress.service';
import { BLUEPRINT_CYCLE } from '../okr/okr.service';
import { DemoAspirationRow, DemoCalendarDay, DemoTemplate, GeneratorContext, generateAspirations, planDays, wibDay } from './aspiration-generator';
import { cumulative, Rng } from './demo-random';
import { addDays, daysBetween } from './demo-shape';
import { DEMO_EXTERNAL_PREFIX, DEMO_WHERE, demoLabel } from './demo-marker';
import {
  ASN_SURVEY_COMMENTS,
  FELLOW_ACTIVITIES,
  FIRST_NAMES,
  FORUM_TOPICS,
  LAST_NAMES,
  MUSRENBANG_PROPOSALS,
  OKR_CHECK_IN_NOTES,
  POLICIES,
  POLICY_RATING_COMMENTS,
} from './demo-texts';

export const DEFAULT_DEMO_ASPIRATIONS = 5_000;
export const MAX_DEMO_ASPIRATIONS = 5_000_000;
/** Two years of history, ending yesterday (WIB). */
export const DEMO_DAYS = 730;

export interface DemoSeedOptions {
  aspirations?: number;
  seed?: number;
  /** The instant the demo city is seen from (tests pin it). */
  now?: Date;
  /** Aspirations per COPY + set-based insert transaction. */
  chunkSize?: number;
  /** Connections writing chunks in parallel. */
  workers?: number;
  onProgress?(done: number, total: number): void;
}

export interface DemoCounts {
  aspirations: number;
  events: number;
  analyses: number;
  policies: number;
  ratings: number;
  surveys: number;
  forums: number;
  musrenbangProposals: number;
  fellowCohorts: number;
  fellowParticipants: number;
  okrCheckIns: number;
}

export interface DemoSeedResult {
  status: 'seeded' | 'present';
  counts: DemoCounts;
  seconds: number;
  /** Seconds per phase (preparation, aspirations, the rest, derived tables). */
  phases: Record<string, number>;
}

/** Columns of the per-chunk staging table, in COPY order, with how a generated row fills them. */
const STAGE: [string, string, (r: DemoAspirationRow) => unknown][] = [
  ['id', 'uuid', (r) => r.id],
  ['tracking_code', 'text', (r) => r.trackingCode],
  ['template_no', 'integer', (r) => r.templateNo],
  ['text', 'text', (r) => r.text],
  ['public_text', 'text', (r) => r.publicText],
  ['category_code', 'text', (r) => r.categoryCode],
  ['category_source', 'text', (r) => r.categorySource],
  ['kelurahan_code', 'text', (r) => r.kelurahanCode],
  ['kecamatan_code', 'text', (r) => r.kecamatanCode],
  ['latitude', 'double precision', (r) => r.latitude],
  ['longitude', 'double precision', (r) => r.longitude],
  ['channel', 'text', (r) => r.channel],
  ['status', 'text', (r) => r.status],
  ['opd_id', 'integer', (r) => r.opdId],
  ['policy_id', 'uuid', (r) => r.policyId],
  ['submitted_at', 'timestamptz', (r) => r.submittedAt],
  ['verified_at', 'timestamptz', (r) => r.verifiedAt],
  ['first_reply_at', 'timestamptz', (r) => r.firstReplyAt],
  ['planned_at', 'timestamptz', (r) => r.plannedAt],
  ['resolved_at', 'timestamptz', (r) => r.resolvedAt],
  ['closed_at', 'timestamptz', (r) => r.closedAt],
  ['close_reason', 'text', (r) => r.closeReason],
  ['due_verify_at', 'timestamptz', (r) => r.dueVerifyAt],
  ['due_plan_at', 'timestamptz', (r) => r.duePlanAt],
  ['due_close_at', 'timestamptz', (r) => r.dueCloseAt],
  ['due_at', 'timestamptz', (r) => r.dueAt],
  ['breached_verify', 'boolean', (r) => r.breachedVerify],
  ['breached_plan', 'boolean', (r) => r.breachedPlan],
  ['satisfaction', 'smallint', (r) => r.satisfaction],
  ['rejection_reason', 'text', (r) => r.rejectionReason],
  ['reply_text', 'text', (r) => r.replyText],
  ['updated_at', 'timestamptz', (r) => r.updatedAt],
];

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** ~256 KB CopyData messages instead of one per row. */
function* copyChunks(rows: Iterable<DemoAspirationRow>): Generator<string> {
  let buf = '';
  for (const r of rows) {
    buf += STAGE.map(([, , get]) => copyField(get(r))).join('\t') + '\n';
    if (buf.length >= 262_144) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

const DEMO = `(SELECT id FROM aspiration WHERE ${DEMO_WHERE.aspiration})`;

/** Set-based writes of one staged chunk: the aspirations and everything the workflow would have written with them. */
const CHUNK_SQL: [string, string][] = [
  ['insert_aspiration', `INSERT INTO aspiration (id, tracking_code, follow_up_key_hash, text, public_text, category_code, category_source, kelurahan_code, kecamatan_code,
     latitude, longitude, channel, status, opd_id, policy_id, is_anonymous, submitted_at, verified_at, first_reply_at, planned_at, resolved_at,
     closed_at, close_reason, due_verify_at, due_plan_at, due_close_at, due_at, breached_verify, breached_plan, satisfaction, rejection_reason,
     created_at, updated_at)
   SELECT id, tracking_code,
     -- Lower-case input can never be a normalised follow-up key: no key opens a demo aspiration.
     encode(sha256(convert_to('demo-no-follow-up:' || id::text, 'UTF8')), 'hex'),
     text, public_text, category_code, category_source, kelurahan_code, kecamatan_code, latitude, longitude, channel, status, opd_id, policy_id, true,
     submitted_at, verified_at, first_reply_at, planned_at, resolved_at, closed_at, close_reason, due_verify_at, due_plan_at, due_close_at, due_at,
     breached_verify, breached_plan, satisfaction, rejection_reason, submitted_at, updated_at
   FROM demo_stage`],
  ['insert_events', `INSERT INTO aspiration_event (aspiration_id, kind, from_status, to_status, body, public_body, is_public, actor_role, actor_opd_id, meta, created_at)
   SELECT id, 'submitted', NULL::text, 'received', NULL::text, NULL::text, true, 'citizen', NULL::int, jsonb_build_object('channel', channel), submitted_at FROM demo_stage
   UNION ALL SELECT id, 'sla_breached', NULL, NULL, NULL, NULL, false, 'system', NULL, '{"deadline":"verify"}'::jsonb, due_verify_at + interval '7 minutes'
     FROM demo_stage WHERE breached_verify
   UNION ALL SELECT id, 'sla_breached', NULL, NULL, NULL, NULL, false, 'system', NULL, '{"deadline":"plan"}'::jsonb, due_plan_at + interval '7 minutes'
     FROM demo_stage WHERE breached_plan
   UNION ALL SELECT id, 'status_changed', 'received', 'verified', NULL, NULL, true, 'asn', opd_id, NULL, verified_at FROM demo_stage WHERE verified_at IS NOT NULL
   UNION ALL SELECT id, 'reply', NULL, NULL, reply_text, reply_text, true, 'asn', opd_id, NULL, first_reply_at FROM demo_stage WHERE first_reply_at IS NOT NULL
   UNION ALL SELECT id, 'status_changed', 'verified', 'in_progress', NULL, NULL, true, 'asn', opd_id, NULL, planned_at FROM demo_stage WHERE planned_at IS NOT NULL
   UNION ALL SELECT id, 'status_changed', 'in_progress', 'resolved', NULL, NULL, true, 'asn', opd_id, NULL, resolved_at FROM demo_stage WHERE resolved_at IS NOT NULL
   UNION ALL SELECT id, 'status_changed', CASE WHEN planned_at IS NOT NULL THEN 'in_progress' WHEN verified_at IS NOT NULL THEN 'verified' ELSE 'received' END,
     'rejected', rejection_reason, rejection_reason, true, 'asn', opd_id, NULL, closed_at FROM demo_stage WHERE close_reason = 'rejected'
   UNION ALL SELECT id, 'status_changed', CASE WHEN planned_at IS NOT NULL THEN 'in_progress' ELSE 'verified' END, 'adopted', NULL, NULL, true, 'asn', opd_id,
     jsonb_build_object('policyId', policy_id), closed_at FROM demo_stage WHERE close_reason = 'adopted'
   UNION ALL SELECT id, 'confirmed', NULL, NULL, NULL, NULL, true, 'citizen', NULL, jsonb_build_object('satisfaction', satisfaction), closed_at
     FROM demo_stage WHERE close_reason = 'confirmed'
   UNION ALL SELECT id, 'auto_closed', NULL, NULL, NULL, NULL, true, 'system', NULL, NULL, closed_at FROM demo_stage WHERE close_reason = 'auto'`],
  ['insert_analyses', `INSERT INTO aspiration_analysis (aspiration_id, model_version, predicted_category, confidence, reasons, alternatives, sentiment, sentiment_score,
     keywords, needs_review, analyzed_at)
   SELECT s.id, t.model_version, t.predicted_category, t.confidence, t.reasons, t.alternatives, t.sentiment, t.sentiment_score, t.keywords, t.needs_review,
     s.submitted_at + interval '3 seconds'
   FROM demo_stage s JOIN demo_template t ON t.no = s.template_no`],
  ['insert_surveys', `INSERT INTO survey_response (kind, score, aspiration_id, opd_id, created_at)
   SELECT 'citizen_satisfaction', satisfaction, id, opd_id, closed_at FROM demo_stage WHERE close_reason = 'confirmed'`],
  ['insert_links', `INSERT INTO policy_aspiration (policy_id, aspiration_id, created_at) SELECT policy_id, id, closed_at FROM demo_stage WHERE close_reason = 'adopted'`],
];

const CERT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;
/** Noon WIB of a calendar day. */
const noonWib = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - WIB_MS);

/**
 * The demo city (`npm run demo:seed`): two years of aspirations over the 27
 * kelurahan with their replies, deadlines and outcomes, policies and
 * ratings, surveys, forums, Musrenbang proposals, fellows and OKR check-ins,
 * so that every dashboard has something to show. Aspirations are generated
 * in Node (deterministic per seed) and COPYed in chunks into a staging table,
 * from which the events, analyses and survey answers are written set-based.
 * Every demo row is marked (see demo-marker.ts) and `remove()` deletes
 * exactly those.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: InsightModelService,
    private readonly sla: SlaCalendarService,
    private readonly trends: TrendsService,
    private readonly okrSeed: DefaultCycleSeed,
    private readonly okrProgress: OkrProgressService,
    private readonly analytics: AnalyticsRefreshService,
  ) {}

  /** How many demo rows each marked table holds. */
  async counts(): Promise<DemoCounts> {
    const [r] = await this.dataSource.query(`
      SELECT (SELECT count(*) FROM aspiration WHERE ${DEMO_WHERE.aspiration})::int AS aspirations,
             (SELECT count(*) FROM aspiration_event WHERE aspiration_id IN ${DEMO})::int AS events,
             (SELECT count(*) FROM aspiration_analysis WHERE aspiration_id IN ${DEMO})::int AS analyses,
             (SELECT count(*) FROM policy WHERE ${DEMO_WHERE.policy})::int AS policies,
             (SELECT count(*) FROM policy_rating WHERE policy_id IN (SELECT id FROM policy WHERE ${DEMO_WHERE.policy}))::int AS ratings,
             (SELECT count(*) FROM survey_response WHERE ${DEMO_WHERE.surveyResponse})::int AS surveys,
             (SELECT count(*) FROM forum_event WHERE ${DEMO_WHERE.forumEvent})::int AS forums,
             (SELECT count(*) FROM musrenbang_proposal WHERE ${DEMO_WHERE.musrenbangProposal})::int AS "musrenbangProposals",
             (SELECT count(*) FROM fellow_cohort WHERE ${DEMO_WHERE.fellowCohort})::int AS "fellowCohorts",
             (SELECT count(*) FROM fellow_participant WHERE ${DEMO_WHERE.fellowParticipant})::int AS "fellowParticipants",
             (SELECT count(*) FROM okr_check_in WHERE ${DEMO_WHERE.okrCheckIn})::int AS "okrCheckIns"`);
    return r;
  }

  /**
   * Seeds the demo city once. When demo rows are already present nothing is
   * written and the status is 'present' (use remove() first to rebuild).
   */
  async seed(opts: DemoSeedOptions = {}): Promise<DemoSeedResult> {
    const started = performance.now();
    const total = opts.aspirations ?? DEFAULT_DEMO_ASPIRATIONS;
    if (!Number.isInteger(total) || total < 1 || total > MAX_DEMO_ASPIRATIONS) throw new Error(`aspirations must be an integer from 1 to ${MAX_DEMO_ASPIRATIONS}`);
    const seed = opts.seed ?? 1;
    const now = opts.now ?? new Date();
    const phases: Record<string, number> = {};
    let mark = started;
    const lap = (name: string) => {
      const t = performance.now();
      phases[name] = Math.round(t - mark) / 1000;
      mark = t;
    };
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
    try {
      // One seeding at a time; the presence check happens under the lock.
      await client.query(`SELECT pg_advisory_lock(hashtext('demo.seed'))`);
      const existing = await this.counts();
      if (Object.values(existing).some((n) => n > 0)) return { status: 'present', counts: existing, seconds: (performance.now() - started) / 1000, phases };

      const ref = await this.reference();
      const endDay = wibDay(now.getTime() - DAY_MS);
      const startDay = addDays(endDay, -(DEMO_DAYS - 1));
      const holidays = new Set<string>((await this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS d FROM holiday`)).map((r: { d: string }) => r.d));
      const calendar = await this.calendar(startDay, addDays(wibDay(now.getTime()), 1));
      const policiesByCategory = await this.seedPolicies(client, ref.categories, startDay, now, seed);
      const { byCategory: templates, createTable } = await this.templates();

      const lastWeek = addDays(wibWeekStart(now), -7);
      const spikeKel = ref.kelurahan.filter((k) => k.kecamatanCode === ref.kelurahan[ref.kelurahan.length - 1].kecamatanCode).slice(0, 3).map((k) => k.code);
      const ctx: GeneratorContext = {
        seed,
        now,
        days: planDays(seed, startDay, endDay, total, holidays, BLUEPRINT_CYCLE.startDate),
        kelurahan: ref.kelurahan,
        categories: ref.categories.map((c) => ({ code: c.code, opdId: c.opdId })),
        templates,
        policiesByCategory,
        calendar: (d) => {
          const c = calendar.get(d);
          if (!c) throw new Error(`No SLA calendar for ${d}`);
          return c;
        },
        isWorkingDay: (d) => isWorkingDay(d, holidays),
        boostFrom: BLUEPRINT_CYCLE.startDate,
        spike: ref.categories.some((c) => c.code === 'drainase_banjir') ? { fromDate: lastWeek, toDate: addDays(lastWeek, 6), categoryCode: 'drainase_banjir', kelurahanCodes: spikeKel } : undefined,
      };
      lap('prepare');
      await this.seedAspirations(ctx, createTable, total, opts.chunkSize ?? 50_000, opts.workers ?? 2, phases, opts.onProgress);
      lap('aspirations');

      const rng = new Rng(seed, 0x7fffffff);
      await client.query('BEGIN');
      await this.seedRatings(client, rng, now, Math.min(20_000, Math.max(60, Math.round(total / 20))));
      await this.seedAsnSurveys(client, rng, ref.categories, startDay, endDay, holidays, Math.min(10_000, Math.max(40, Math.round(total / 40))));
      await this.seedForums(client, rng, ref.kecamatan, startDay, endDay, holidays);
      await this.seedMusrenbang(client, rng, ref, policiesByCategory, now);
      await this.seedFellows(client, rng, ref.opdIds, now);
      await client.query('COMMIT');
      await this.okrSeed.load();
      await this.seedOkrCheckIns(client, rng, now);
      lap('others');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('demo.seed'))`).catch(() => undefined);
      await qr.release();
    }
    await this.refreshDerived(now);
    lap('derived');
    return { status: 'seeded', counts: await this.counts(), seconds: (performance.now() - started) / 1000, phases };
  }

  /** Deletes every demo row (and what hangs off them), then recomputes trends and OKR values from the real data. */
  async remove(now: Date = new Date()): Promise<DemoCounts> {
    const before = await this.counts();
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('demo.seed'))`);
      // Survey answers only lose their aspiration on delete (SET NULL): remove them first, while they can still be recognised.
      await m.query(`DELETE FROM survey_response WHERE ${DEMO_WHERE.surveyResponse}`);
      // The big children set-based, not row by row through the cascade.
      await m.query(`DELETE FROM aspiration_event WHERE aspiration_id IN ${DEMO}`);
      await m.query(`DELETE FROM aspiration_analysis WHERE aspiration_id IN ${DEMO}`);
      await m.query(`DELETE FROM aspiration WHERE ${DEMO_WHERE.aspiration}`);
      await m.query(`DELETE FROM musrenbang_proposal WHERE ${DEMO_WHERE.musrenbangProposal}`);
      await m.query(`DELETE FROM policy WHERE ${DEMO_WHERE.policy}`);
      await m.query(`DELETE FROM forum_event WHERE ${DEMO_WHERE.forumEvent}`);
      await m.query(
        `DELETE FROM fellow_certificate WHERE cohort_id IN (SELECT id FROM fellow_cohort WHERE ${DEMO_WHERE.fellowCohort})
           OR participant_id IN (SELECT id FROM fellow_participant WHERE ${DEMO_WHERE.fellowParticipant})`,
      );
      await m.query(`DELETE FROM fellow_cohort WHERE ${DEMO_WHERE.fellowCohort}`);
      await m.query(`DELETE FROM fellow_participant WHERE ${DEMO_WHERE.fellowParticipant}`);
      await m.query(`DELETE FROM okr_check_in WHERE ${DEMO_WHERE.okrCheckIn}`);
    });
    await this.refreshDerived(now);
    return before;
  }

  /** Trends, forecasts, OKR values and the dashboards' materialized views are computed from the tables, as the scheduled jobs do. */
  private async refreshDerived(now: Date): Promise<void> {
    const trends = await this.trends.recompute(now);
    // Finished cycles are skipped by a plain recompute: their data just changed, so each is recomputed by id.
    const cycles: { id: string }[] = await this.dataSource.query(`SELECT id FROM okr_cycle`);
    const okr = { keyResults: 0, withValue: 0 };
    for (const c of cycles) {
      const r = await this.okrProgress.recompute(now, c.id);
      okr.keyResults += r.keyResults;
      okr.withValue += r.withValue;
    }
    await this.analytics.refresh({ force: true, now });
    this.logger.log(`Trends recomputed (${trends.emerging} emerging, ${trends.forecasts} forecasts); OKR: ${okr.withValue}/${okr.keyResults} key results with a value`);
  }

  private async reference() {
    const kelurahan: { code: string; name: string; kecamatanCode: string }[] = await this.dataSource.query(
      `SELECT code, name, kecamatan_code AS "kecamatanCode" FROM kelurahan ORDER BY code`,
    );
    const categories: { code: string; opdId: number; opdName: string }[] = await this.dataSource.query(
      `SELECT c.code, c.default_opd_id AS "opdId", o.name AS "opdName" FROM category c JOIN opd o ON o.id = c.default_opd_id ORDER BY c.sort_order, c.code`,
    );
    const kecamatan: string[] = (await this.dataSource.query(`SELECT code FROM kecamatan ORDER BY code`)).map((r: { code: string }) => r.code);
    const opdIds: number[] = (await this.dataSource.query(`SELECT id FROM opd ORDER BY id`)).map((r: { id: number }) => r.id);
    if (!kelurahan.length || !categories.length) throw new Error('The reference data is missing: start the API once or run `npm run cli -- reference:load`');
    return { kelurahan, categories, kecamatan, opdIds };
  }

  /** SLA deadlines per WIB day, from the feedback module's calendar (they depend only on the day). */
  private async calendar(from: string, to: string): Promise<Map<string, DemoCalendarDay>> {
    const out = new Map<string, DemoCalendarDay>();
    for (const d of daysBetween(from, to)) {
      const at = noonWib(d);
      const { dueVerifyAt, duePlanAt } = await this.sla.deadlinesFor(at);
      out.set(d, { dueVerifyAt, duePlanAt, dueCloseAt: await this.sla.autoCloseAt(at) });
    }
    return out;
  }

  /**
   * The labelled corpus shipped with the insight engine, as text templates,
   * each analysed once by the active topic model; the analysis of a demo
   * aspiration is its template's (the variations around it are neutral).
   */
  private async templates(): Promise<{ byCategory: Record<string, DemoTemplate[]>; createTable: (client: PoolClient) => Promise<void> }> {
    if (!this.models.version) await this.models.refresh();
    const version = this.models.version;
    if (!version) throw new Error('No topic model is loaded');
    const rows = readLabelledCsv(shippedCorpusPath());
    const byCategory: Record<string, DemoTemplate[]> = {};
    const cols: Record<string, unknown[]> = { no: [], category: [], confidence: [], reasons: [], alternatives: [], sentiment: [], score: [], keywords: [], review: [] };
    rows.forEach((r, no) => {
      const publicText = redactPii(r.text);
      (byCategory[r.category] ??= []).push({ no, text: r.text, publicText });
      const result = this.models.analyze(publicText);
      if (!result) throw new Error('No topic model is loaded');
      const { topic, sentiment, analysis } = result;
      cols.no.push(no);
      cols.category.push(topic.category);
      cols.confidence.push(topic.confidence);
      cols.reasons.push(JSON.stringify(topic.reasons));
      cols.alternatives.push(JSON.stringify(topic.alternatives));
      cols.sentiment.push(sentiment.label);
      cols.score.push((sentiment.probabilities.positif ?? 0) - (sentiment.probabilities.negatif ?? 0));
      cols.keywords.push(JSON.stringify([...new Set(analysis.tokens.filter((t) => t.length > 3 && !t.startsWith('NOT_')))].slice(0, 8)));
      cols.review.push(topic.confidence < REVIEW_THRESHOLD);
    });
    const createTable = async (client: PoolClient) => {
      await client.query(
        `CREATE TEMP TABLE demo_template AS
       SELECT no, $1::text AS model_version, category AS predicted_category, confidence, reasons, alternatives, sentiment, score AS sentiment_score, keywords, review AS needs_review
       FROM unnest($2::int[], $3::text[], $4::real[], $5::jsonb[], $6::jsonb[], $7::text[], $8::real[], $9::jsonb[], $10::boolean[])
         AS t(no, category, confidence, reasons, alternatives, sentiment, score, keywords, review)`,
      [version, cols.no, cols.category, cols.confidence, cols.reasons, cols.alternatives, cols.sentiment, cols.score, cols.keywords, cols.review],
    );
      await client.query('CREATE UNIQUE INDEX ON demo_template (no)');
    };
    return { byCategory, createTable };
  }

  /**
   * Chunks of aspirations, each in its own transaction: generated rows are
   * COPYed into a staging table, then written set-based. Several workers
   * (one connection each) take chunks in turn, so that generating rows in
   * Node and writing them in PostgreSQL overlap.
   */
  private async seedAspirations(
    ctx: GeneratorContext,
    createTemplateTable: (client: PoolClient) => Promise<void>,
    total: number,
    chunkSize: number,
    workers: number,
    phases: Record<string, number>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const time = async (name: string, work: () => Promise<unknown>) => {
      const t = performance.now();
      await work();
      phases[name] = Math.round((phases[name] ?? 0) * 1000 + performance.now() - t) / 1000;
    };
    let next = 0;
    let done = 0;
    const worker = async () => {
      const qr = this.dataSource.createQueryRunner();
      await qr.connect();
      const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
      try {
        await createTemplateTable(client);
        for (let from = next; from < total; from = next) {
          next += chunkSize;
          const to = Math.min(total, from + chunkSize);
          await client.query('BEGIN');
          try {
            await client.query(`CREATE TEMP TABLE demo_stage (${STAGE.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP`);
            await time('generate_copy', () =>
              pipeline(Readable.from(copyChunks(generateAspirations(ctx, from, to))), client.query(copyFrom(`COPY demo_stage (${STAGE.map(([c]) => c).join(', ')}) FROM STDIN`))),
            );
            await client.query('ANALYZE demo_stage');
            for (const [name, sql] of CHUNK_SQL) await time(name, () => client.query(sql));
            await client.query('COMMIT');
          } catch (err) {
            next = total; // the other workers stop after their current chunk
            await client.query('ROLLBACK').catch(() => undefined);
            throw err;
          }
          done += to - from;
          onProgress?.(done, total);
        }
      } finally {
        await client.query('DROP TABLE IF EXISTS demo_template').catch(() => undefined);
        await qr.release();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(total / chunkSize))) }, worker));
  }

  /** Two policies per category, most of them published; adopted and implemented ones can take aspirations. */
  private async seedPolicies(client: PoolClient, categories: { code: string; opdId: number }[], startDay: string, now: Date, seed: number): Promise<Record<string, string[]>> {
    const rng = new Rng(seed, 0x7ffffff0);
    const today = wibDay(now.getTime());
    const adoptable: Record<string, string[]> = {};
    for (const [ci, c] of categories.entries()) {
      for (const [pi, [title, summary]] of (POLICIES[c.code] ?? []).entries()) {
        const status = pi === 0 ? 'implemented' : (['adopted', 'consultation', 'draft'] as const)[ci % 3];
        const created = new Date(noonWib(addDays(startDay, -30 + rng.int(120))).getTime());
        // Adopted policies are published during the default OKR cycle, whose "open reports per quarter" counts them.
        const inCycle = noonWib(addDays(BLUEPRINT_CYCLE.startDate, rng.int(80)));
        const published = status === 'draft' ? null : status === 'adopted' && inCycle < now ? inCycle : new Date(created.getTime() + (5 + rng.int(40)) * DAY_MS);
        const consultation = status === 'consultation' ? [addDays(today, -10), addDays(today, 20)] : [addDays(startDay, 10), addDays(startDay, 40)];
        const [{ id }] = (
          await client.query(
            `INSERT INTO policy (title, summary, opd_id, status, consultation_start, consultation_end, published_at, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
            [demoLabel(title), summary, c.opdId, status, consultation[0], consultation[1], published, created],
          )
        ).rows;
        if (status === 'adopted' || status === 'implemented') (adoptable[c.code] ??= []).push(id);
      }
    }
    return adoptable;
  }

  private async seedRatings(client: PoolClient, rng: Rng, now: Date, total: number): Promise<void> {
    const policies: { id: string; published_at: Date }[] = (await client.query(`SELECT id, published_at FROM policy WHERE ${DEMO_WHERE.policy} AND published_at IS NOT NULL`)).rows;
    if (!policies.length) return;
    const cols: Record<string, unknown[]> = { policy: [], rater: [], score: [], comment: [], at: [] };
    const scores = cumulative([0.05, 0.08, 0.2, 0.37, 0.3]);
    for (let i = 0; i < total; i++) {
      const p = policies[i % policies.length];
      const from = p.published_at.getTime();
      cols.policy.push(p.id);
      cols.rater.push(`demo-rater-${i}`);
      cols.score.push(1 + rng.weighted(scores));
      cols.comment.push(rng.chance(0.2) ? rng.pick(POLICY_RATING_COMMENTS) : null);
      cols.at.push(new Date(from + rng.next() * Math.max(0, now.getTime() - from - DAY_MS)));
    }
    await client.query(
      `INSERT INTO policy_rating (policy_id, rater_hash, score, comment, public_comment, created_at, updated_at)
       SELECT policy, encode(sha256(convert_to(rater || ':' || policy::text, 'UTF8')), 'hex'), score, comment, comment, at, at
       FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::text[], $5::timestamptz[]) AS t(policy, rater, score, comment, at)`,
      [cols.policy, cols.rater, cols.score, cols.comment, cols.at],
    );
  }

  /** ASN answers about the system, slowly more satisfied over the two years. The comment carries the demo mark. */
  private async seedAsnSurveys(client: PoolClient, rng: Rng, categories: { opdId: number }[], startDay: string, endDay: string, holidays: Set<string>, total: number): Promise<void> {
    const days = daysBetween(startDay, endDay).filter((d) => isWorkingDay(d, holidays));
    const opds = [...new Set(categories.map((c) => c.opdId))];
    const cols: Record<string, unknown[]> = { score: [], comment: [], opd: [], at: [] };
    for (let i = 0; i < total; i++) {
      const di = rng.int(days.length);
      const t = di / days.length;
      cols.score.push(1 + rng.weighted(cumulative([0.04, 0.08, 0.3 - 0.15 * t, 0.4, 0.18 + 0.15 * t])));
      cols.comment.push(demoLabel(rng.pick(ASN_SURVEY_COMMENTS)));
      cols.opd.push(rng.pick(opds));
      cols.at.push(new Date(noonWib(days[di]).getTime() + (rng.next() - 0.5) * 6 * 3_600_000));
    }
    await client.query(
      `INSERT INTO survey_response (kind, score, comment, public_comment, opd_id, created_at)
       SELECT 'asn_system', score, comment, comment, opd, at FROM unnest($1::smallint[], $2::text[], $3::int[], $4::timestamptz[]) AS t(score, comment, opd, at)`,
      [cols.score, cols.comment, cols.opd, cols.at],
    );
  }

  /** About one forum per kecamatan a month; attendance falls a little, then recovers in the last months. */
  private async seedForums(client: PoolClient, rng: Rng, kecamatan: string[], startDay: string, endDay: string, holidays: Set<string>): Promise<void> {
    const days = daysBetween(startDay, endDay);
    for (const kc of kecamatan) {
      for (let m = 0; m * 30 < days.length; m++) {
        let day = days[Math.min(days.length - 1, m * 30 + rng.int(28))];
        while (!isWorkingDay(day, holidays) && day < endDay) day = addDays(day, 1);
        const t = (m * 30) / days.length;
        const trend = t < 0.75 ? 1 - 0.16 * t : 0.88 + 0.5 * (t - 0.75);
        const attendance = Math.round((60 + rng.int(80)) * trend);
        await client.query(`INSERT INTO forum_event (kecamatan_code, held_on, topic, attendance, created_at) VALUES ($1, $2, $3, $4, $5)`, [
          kc,
          day,
          demoLabel(rng.pick(FORUM_TOPICS)),
          attendance,
          noonWib(day),
        ]);
      }
    }
  }

  /** Kelurahan-stage proposals for the plan years in range; accommodated ones are linked to a matching policy (the funnel). */
  private async seedMusrenbang(
    client: PoolClient,
    rng: Rng,
    ref: { kelurahan: { code: string; name: string }[]; categories: { code: string; opdName: string }[] },
    policiesByCategory: Record<string, string[]>,
    now: Date,
  ): Promise<void> {
    const thisYear = Number(wibDay(now.getTime()).slice(0, 4));
    const opdByCategory = new Map(ref.categories.map((c) => [c.code, c.opdName]));
    for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
      for (const k of ref.kelurahan) {
        const n = 3 + rng.int(4);
        for (let j = 1; j <= n; j++) {
          const [bidang, problem, proposal, unit, category] = rng.pick(MUSRENBANG_PROPOSALS);
          const planned = year <= thisYear;
          const s = rng.next();
          const status = planned ? (s < 0.45 ? 'diakomodir' : s < 0.85 ? 'tidak diakomodir' : 'menunggu') : s < 0.6 ? 'diusulkan' : 'menunggu';
          const proposedOn = `${year - 1}-0${1 + rng.int(2)}-${String(5 + rng.int(20)).padStart(2, '0')}`;
          const opd = opdByCategory.get(category) ?? null;
          const [{ id }] = (
            await client.query(
              `INSERT INTO musrenbang_proposal (year, stage, external_id, proposed_on, proposer, kelurahan_code, bidang, problem, proposal, volume, unit,
                 estimated_budget, opd_initial, opd_final, status, note)
               VALUES ($1, 'kelurahan', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
              [
                year,
                `${DEMO_EXTERNAL_PREFIX}${year}-${k.code}-${j}`,
                proposedOn,
                `LPMK Kel. ${k.name}`,
                k.code,
                bidang,
                problem,
                proposal,
                10 + rng.int(400),
                unit,
                (15 + rng.int(235)) * 1_000_000,
                opd,
                status === 'diakomodir' ? opd : null,
                status,
                status === 'tidak diakomodir' ? 'Belum menjadi prioritas anggaran tahun ini' : null,
              ],
            )
          ).rows;
          const policies = policiesByCategory[category] ?? [];
          if (status === 'diakomodir' && policies.length && rng.chance(0.6)) {
            await client.query(`INSERT INTO musrenbang_proposal_link (proposal_id, policy_id) VALUES ($1, $2)`, [id, rng.pick(policies)]);
          }
        }
      }
    }
  }

  /**
   * Two cohorts of Citizen Data Fellows with sessions, attendance and
   * assessments; certificates only where the cohort's completion rules are
   * met; recent activities so that "active fellows" has a value.
   */
  private async seedFellows(client: PoolClient, rng: Rng, opdIds: number[], now: Date): Promise<void> {
    for (const [i, d] of DEFAULT_MODULES.entries()) {
      await client.query(`INSERT INTO fellow_module (code, title, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [d.code, d.title, d.description, i]);
    }
    const modules: { id: string }[] = (await client.query(`SELECT id FROM fellow_module WHERE code = ANY($1)`, [DEFAULT_MODULES.map((m) => m.code)])).rows;
    const today = wibDay(now.getTime());
    let person = 0;
    for (const [ci, [startOffset, size]] of [[-420, 28], [-120, 32]].entries()) {
      const startsOn = addDays(today, startOffset);
      const endsOn = addDays(startsOn, 90);
      const [{ id: cohortId }] = (
        await client.query(`INSERT INTO fellow_cohort (name, starts_on, ends_on, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
          demoLabel(`Citizen Data Fellows Angkatan ${ci + 1} (${startsOn.slice(0, 4)})`),
          startsOn,
          endsOn,
          noonWib(addDays(startsOn, -30)),
        ])
      ).rows;
      const sessions: { id: string; moduleId: string }[] = [];
      for (const [mi, m] of modules.entries()) {
        await client.query(`INSERT INTO fellow_cohort_module (cohort_id, module_id) VALUES ($1, $2)`, [cohortId, m.id]);
        for (let k = 0; k < 2; k++) {
          const [{ id }] = (
            await client.query(`INSERT INTO fellow_session (cohort_id, module_id, title, held_on) VALUES ($1, $2, $3, $4) RETURNING id`, [
              cohortId,
              m.id,
              `Sesi ${mi * 2 + k + 1}`,
              addDays(startsOn, 7 + mi * 28 + k * 10),
            ])
          ).rows;
          sessions.push({ id, moduleId: m.id });
        }
      }
      for (let p = 0; p < size; p++) {
        const first = FIRST_NAMES[person % FIRST_NAMES.length];
        const last = LAST_NAMES[(person * 7 + ci) % LAST_NAMES.length];
        person++;
        const asn = rng.chance(0.4);
        const [{ id: participantId }] = (
          await client.query(`INSERT INTO fellow_participant (kind, full_name, public_name, opd_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
            asn ? 'asn' : 'warga',
            demoLabel(`${first} ${last}`),
            rng.chance(0.7) ? `${first} ${last[0]}.` : null,
            asn ? rng.pick(opdIds) : null,
          ])
        ).rows;
        await client.query(`INSERT INTO fellow_enrolment (cohort_id, participant_id, enrolled_at) VALUES ($1, $2, $3)`, [cohortId, participantId, noonWib(addDays(startsOn, -7))]);
        const diligence = rng.chance(0.8) ? 0.95 : 0.6;
        let attended = 0;
        for (const s of sessions) {
          const present = rng.chance(diligence);
          attended += present ? 1 : 0;
          await client.query(`INSERT INTO fellow_attendance (session_id, participant_id, present) VALUES ($1, $2, $3)`, [s.id, participantId, present]);
        }
        let passedAll = true;
        for (const [mi, m] of modules.entries()) {
          let score = 55 + rng.int(44);
          await client.query(`INSERT INTO fellow_assessment (cohort_id, participant_id, module_id, score, assessed_on) VALUES ($1, $2, $3, $4, $5)`, [
            cohortId, participantId, m.id, score, addDays(startsOn, 30 + mi * 28),
          ]);
          if (score < 70 && rng.chance(0.6)) {
            score = 70 + rng.int(20);
            await client.query(`INSERT INTO fellow_assessment (cohort_id, participant_id, module_id, score, assessed_on) VALUES ($1, $2, $3, $4, $5)`, [
              cohortId, participantId, m.id, score, addDays(startsOn, 40 + mi * 28),
            ]);
          }
          passedAll &&= score >= 70;
        }
        // The cohort's default rules (80% attendance, 70 in every module), as the certificates service checks them.
        if (!passedAll || attended / sessions.length < 0.8) continue;
        const issuedOn = addDays(endsOn, 3);
        let body = '';
        for (let c = 0; c < 8; c++) body += CERT_ALPHABET[rng.int(CERT_ALPHABET.length)];
        await client.query(`INSERT INTO fellow_certificate (number, participant_id, cohort_id, issued_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          `CDF-${issuedOn.slice(0, 4)}-${body}`, participantId, cohortId, noonWib(issuedOn),
        ]);
        // Most fellows stay engaged: an activity every month or so from their certificate on.
        const kinds = Object.keys(FELLOW_ACTIVITIES) as (keyof typeof FELLOW_ACTIVITIES)[];
        const engaged = rng.chance(0.8);
        for (let on = addDays(issuedOn, 5 + rng.int(20)); on <= today; on = addDays(on, engaged ? 20 + rng.int(25) : 90 + rng.int(90))) {
          const kind = rng.pick(kinds);
          await client.query(`INSERT INTO fellow_activity (participant_id, kind, occurred_on, description) VALUES ($1, $2, $3, $4)`, [participantId, kind, on, rng.pick(FELLOW_ACTIVITIES[kind])]);
        }
      }
    }
  }

  /** Check-ins of the owners on the default cycle's key results, at the end of each phase that has passed. */
  private async seedOkrCheckIns(client: PoolClient, rng: Rng, now: Date): Promise<void> {
    const krs: { id: string; start_date: string }[] = (
      await client.query(
        `SELECT k.id, to_char(c.start_date, 'YYYY-MM-DD') AS start_date FROM okr_key_result k JOIN okr_objective o ON o.id = k.objective_id
         JOIN okr_cycle c ON c.id = o.cycle_id WHERE c.code = $1 ORDER BY k.position, k.code`,
        [BLUEPRINT_CYCLE.code],
      )
    ).rows;
    for (const kr of krs) {
      for (const week of [4, 8, 12]) {
        const at = noonWib(addDays(kr.start_date, week * 7 - 3));
        if (at > now) continue;
        await client.query(`INSERT INTO okr_check_in (key_result_id, note, confidence, author_name, created_at) VALUES ($1, $2, $3, $4, $5)`, [
          kr.id,
          rng.pick(OKR_CHECK_IN_NOTES),
          4 + rng.int(6),
          demoLabel('Koordinator OKR'),
          at,
        ]);
      }
    }
  }
}
