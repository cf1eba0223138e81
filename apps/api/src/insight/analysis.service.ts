import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTBOX_TOPICS } from '../feedback/aspirations/aspiration.service';
import { OutboxService } from '../outbox/outbox.service';
import { DuplicateFinderService } from './duplicate-finder.service';
import { bestMusrenbangMatch } from './musrenbang-match';
import { InsightModelService, REVIEW_THRESHOLD } from './insight-model.service';

export interface AnalysisView {
  aspirationId: string;
  modelVersion: string;
  predictedCategory: string;
  confidence: number;
  reasons: string[];
  alternatives: { category: string; confidence: number }[];
  sentiment: string;
  sentimentScore: number;
  keywords: string[];
  needsReview: boolean;
  duplicateOf: { id: string; trackingCode: string; score: number } | null;
  /** Already in the planning pipeline: a Musrenbang proposal of the same kelurahan asking for the same. */
  musrenbangMatch: { id: string; year: number; stage: string; proposal: string; status: string; score: number } | null;
  analyzedAt: string;
}

/**
 * Analyses every new aspiration (through the outbox, within seconds): topic
 * with confidence and reasons, sentiment, keywords, near-duplicates. Always
 * on the redacted text: personal data never enters the analysis.
 */
@Injectable()
export class AnalysisService implements OnModuleInit {
  private readonly logger = new Logger('Analysis');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: InsightModelService,
    private readonly duplicates: DuplicateFinderService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.outbox.handle<{ aspirationId: string }>(OUTBOX_TOPICS.submitted, async ({ payload }) => {
      await this.analyze(payload.aspirationId);
    });
    this.outbox.handle<{ aspirationId: string; categoryCode: string; by: string }>(OUTBOX_TOPICS.categoryCorrected, async ({ payload }) => {
      await this.dataSource.query(
        `INSERT INTO insight_label (aspiration_id, category_code, labelled_by) VALUES ($1, $2, $3)
         ON CONFLICT (aspiration_id) DO UPDATE SET category_code = EXCLUDED.category_code, labelled_by = EXCLUDED.labelled_by, created_at = now()`,
        [payload.aspirationId, payload.categoryCode, payload.by],
      );
    });
  }

  /** Idempotent: analysing twice overwrites the same row. */
  async analyze(aspirationId: string): Promise<AnalysisView | null> {
    const [a] = await this.dataSource.query(
      `SELECT id, public_title, public_text, kelurahan_code, submitted_at, latitude, longitude, closed_at FROM aspiration WHERE id = $1`,
      [aspirationId],
    );
    if (!a) return null;
    if (!this.models.version) await this.models.refresh();
    const text = [a.public_title, a.public_text].filter(Boolean).join('. ');
    const result = this.models.analyze(text);
    if (!result || !this.models.version) throw new Error('No topic model is loaded');
    const { topic: prediction, sentiment, analysis } = result;
    const keywords = [...new Set(analysis.tokens.filter((t) => t.length > 3 && !t.startsWith('NOT_')))].slice(0, 8);
    // A score in -1..1 from the sentiment model's probabilities.
    const sentimentScore = (sentiment.probabilities.positif ?? 0) - (sentiment.probabilities.negatif ?? 0);
    const duplicate = a.closed_at ? null : this.duplicates.addAndFindDuplicate(this.duplicates.doc(a));
    const proposals: { id: string; text: string }[] = await this.dataSource.query(
      `SELECT id, concat_ws('. ', problem, proposal) AS text FROM musrenbang_proposal
       WHERE kelurahan_code = $1 AND year >= extract(year FROM $2::timestamptz)::int - 2`,
      [a.kelurahan_code, a.submitted_at],
    );
    const musrenbang = bestMusrenbangMatch(text, proposals);
    await this.dataSource.query(
      `INSERT INTO aspiration_analysis (aspiration_id, model_version, predicted_category, confidence, reasons, alternatives, sentiment,
         sentiment_score, keywords, needs_review, duplicate_of, duplicate_score, musrenbang_proposal_id, musrenbang_score, analyzed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
       ON CONFLICT (aspiration_id) DO UPDATE SET model_version = EXCLUDED.model_version, predicted_category = EXCLUDED.predicted_category,
         confidence = EXCLUDED.confidence, reasons = EXCLUDED.reasons, alternatives = EXCLUDED.alternatives, sentiment = EXCLUDED.sentiment,
         sentiment_score = EXCLUDED.sentiment_score, keywords = EXCLUDED.keywords, needs_review = EXCLUDED.needs_review,
         duplicate_of = EXCLUDED.duplicate_of, duplicate_score = EXCLUDED.duplicate_score,
         musrenbang_proposal_id = EXCLUDED.musrenbang_proposal_id, musrenbang_score = EXCLUDED.musrenbang_score, analyzed_at = now()`,
      [
        aspirationId,
        this.models.version,
        prediction.category,
        prediction.confidence,
        JSON.stringify(prediction.reasons),
        JSON.stringify(prediction.alternatives),
        sentiment.label,
        sentimentScore,
        JSON.stringify(keywords),
        prediction.confidence < REVIEW_THRESHOLD,
        duplicate?.id ?? null,
        duplicate?.score ?? null,
        musrenbang?.id ?? null,
        musrenbang?.score ?? null,
      ],
    );
    return this.get(aspirationId);
  }

  async get(aspirationId: string): Promise<AnalysisView | null> {
    const [r] = await this.dataSource.query(
      `SELECT x.*, d.tracking_code AS duplicate_code, m.year AS m_year, m.stage AS m_stage, m.proposal AS m_proposal, m.status AS m_status
       FROM aspiration_analysis x LEFT JOIN aspiration d ON d.id = x.duplicate_of LEFT JOIN musrenbang_proposal m ON m.id = x.musrenbang_proposal_id
       WHERE x.aspiration_id = $1`,
      [aspirationId],
    );
    if (!r) return null;
    return {
      aspirationId: r.aspiration_id,
      modelVersion: r.model_version,
      predictedCategory: r.predicted_category,
      confidence: r.confidence,
      reasons: r.reasons,
      alternatives: r.alternatives,
      sentiment: r.sentiment,
      sentimentScore: r.sentiment_score,
      keywords: r.keywords,
      needsReview: r.needs_review,
      duplicateOf: r.duplicate_of ? { id: r.duplicate_of, trackingCode: r.duplicate_code, score: r.duplicate_score } : null,
      musrenbangMatch: r.musrenbang_proposal_id
        ? { id: r.musrenbang_proposal_id, year: r.m_year, stage: r.m_stage, proposal: r.m_proposal, status: r.m_status, score: r.musrenbang_score }
        : null,
      analyzedAt: r.analyzed_at.toISOString(),
    };
  }

  /** Re-analyses every aspiration (after a model change), oldest first, in batches. */
  async backfill(onProgress?: (done: number, total: number) => void): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM aspiration');
    await this.duplicates.rebuild();
    let done = 0;
    let after = new Date(0);
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; submitted_at: Date }[] = await this.dataSource.query(
        `SELECT id, submitted_at FROM aspiration WHERE (submitted_at, id) > ($1, $2) ORDER BY submitted_at, id LIMIT 500`,
        [after, afterId],
      );
      if (!rows.length) return done;
      for (const r of rows) {
        await this.analyze(r.id);
        done++;
      }
      after = rows[rows.length - 1].submitted_at;
      afterId = rows[rows.length - 1].id;
      onProgress?.(done, n);
      this.logger.log(`Backfill ${done}/${n}`);
    }
  }
}
