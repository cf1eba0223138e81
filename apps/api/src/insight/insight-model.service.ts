import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { crossValidate, InsightEngine, InsightResult, SentimentModel, TopicModel, trainTopicModel } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { withMigrationLock } from '../database/migration-runner';
import { CategoryAssigner, CategoryGuess } from '../feedback/aspirations/category-assigner';
import { LabelledText, readLabelledCsv, shippedCorpusPath } from './corpus';
import { InsightModelEntity } from './entities/insight-model.entity';
import { seedInitialTopicModel, StoredModels, trainModels } from './initial-model';
import { TurnBatchedClassifier } from './turn-batched-classifier';

export interface ModelVersionView {
  version: string;
  trainedAt: string;
  corpusExamples: number;
  correctionExamples: number;
  metrics: Record<string, unknown>;
  isActive: boolean;
  notes: string | null;
}

export interface RetrainResult {
  candidate: ModelVersionView;
  promoted: boolean;
  reason: string;
}

/** Below this confidence a prediction goes to the ASN "needs review" list. */
export const REVIEW_THRESHOLD = 0.5;
const CV_FOLDS = 5;

/**
 * Topic model versions: the first is trained from the shipped corpus at
 * first boot; later ones add ASN corrections and are promoted only when
 * their k-fold macro-F1 is not worse than the active model's. Every replica
 * follows the active version (checked each minute).
 */
@Injectable()
export class InsightModelService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InsightModel');
  private active?: { version: string; engine: InsightEngine };
  private timer?: NodeJS.Timeout;
  /** Intake's classifications, batched per event-loop turn, with the model active at the end of the turn. */
  private readonly intake = new TurnBatchedClassifier((text) => this.active?.engine.topic.classify(text) ?? null);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assigner: CategoryAssigner,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.assigner.useClassifier((text) => this.assignCategory(text));
    await this.refresh().catch((e) => this.logger.warn(`No topic model loaded yet: ${(e as Error).message}`));
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  get version(): string | undefined {
    return this.active?.version;
  }

  /** The category for a submission without one, when the model is confident enough. */
  async assignCategory(text: string): Promise<CategoryGuess | null> {
    const guess = await this.intake.classify(text);
    return guess && guess.confidence >= REVIEW_THRESHOLD ? { code: guess.category as never, confidence: guess.confidence } : null;
  }

  /** Topic, sentiment and the token analysis of a text, with the active models. */
  analyze(text: string): InsightResult | null {
    return this.active ? this.active.engine.analyze(text) : null;
  }

  /** Loads the active version, training the first one from the shipped corpus when there is none. */
  async refresh(): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT version FROM insight_model WHERE kind = 'topic' AND is_active`);
    if (!row) {
      await this.ensureInitialModel();
      return this.refresh();
    }
    if (row.version === this.active?.version) return;
    const [full] = await this.dataSource.query(`SELECT version, model FROM insight_model WHERE version = $1`, [row.version]);
    const stored = full.model as StoredModels;
    this.active = {
      version: full.version,
      engine: new InsightEngine(TopicModel.fromJSON(stored.topic), stored.sentiment ? SentimentModel.fromJSON(stored.sentiment) : undefined),
    };
    this.logger.log(`Topic model ${full.version} active`);
  }

  /** Under the migration lock, so replicas booting together train it once. */
  private async ensureInitialModel(): Promise<void> {
    await withMigrationLock(this.dataSource, () => seedInitialTopicModel(this.dataSource));
  }

  async corrections(): Promise<LabelledText[]> {
    const rows: { text: string; category: string }[] = await this.dataSource.query(
      `SELECT a.public_text AS text, l.category_code AS category FROM insight_label l JOIN aspiration a ON a.id = l.aspiration_id`,
    );
    return rows;
  }

  /**
   * Trains a candidate on the corpus plus ASN corrections, evaluates it by
   * k-fold cross-validation (unknown predictions count as errors), and
   * promotes it only if its macro-F1 is not worse than the active model's.
   */
  async retrain(actor: AuthUser | null): Promise<RetrainResult> {
    const corpus = readLabelledCsv(shippedCorpusPath());
    const corrections = await this.corrections();
    const examples = [...corpus, ...corrections];
    const cv = crossValidate(examples, CV_FOLDS, (train) => trainTopicModel(train));
    const { topic: model, stored } = trainModels(examples, corpus);
    const [current] = await this.dataSource.query(`SELECT version, metrics FROM insight_model WHERE kind = 'topic' AND is_active`);
    const currentF1 = typeof current?.metrics?.macroF1 === 'number' ? (current.metrics.macroF1 as number) : null;
    const promoted = currentF1 === null || cv.macroF1 >= currentF1;
    const reason = currentF1 === null ? 'no cross-validated active model to compare with' : `macro-F1 ${cv.macroF1.toFixed(3)} vs active ${currentF1.toFixed(3)}`;

    await this.dataSource.transaction(async (m) => {
      if (promoted) await m.query(`UPDATE insight_model SET is_active = false WHERE kind = 'topic' AND is_active`);
      await m.getRepository(InsightModelEntity).insert({
        kind: 'topic',
        version: model.version,
        corpusExamples: corpus.length,
        correctionExamples: corrections.length,
        metrics: { folds: CV_FOLDS, macroF1: cv.macroF1, accuracy: cv.accuracy, perClass: cv.perClass } as never,
        model: stored as never,
        isActive: promoted,
        notes: promoted ? `promoted: ${reason}` : `kept ${current?.version}: ${reason}`,
      });
      await this.audit.record({ actor, action: promoted ? 'insight.model_promoted' : 'insight.model_rejected', entityType: 'insight_model', entityId: model.version, details: { macroF1: cv.macroF1, reason } }, m);
    });
    if (promoted) await this.refresh();
    const [row] = await this.list(model.version);
    return { candidate: row, promoted, reason };
  }

  async list(version?: string): Promise<ModelVersionView[]> {
    const rows = await this.dataSource.getRepository(InsightModelEntity).find({
      where: version ? { version } : {},
      select: { version: true, trainedAt: true, corpusExamples: true, correctionExamples: true, metrics: true, isActive: true, notes: true },
      order: { trainedAt: 'DESC' },
    });
    return rows.map((r) => ({
      version: r.version,
      trainedAt: r.trainedAt.toISOString(),
      corpusExamples: r.corpusExamples,
      correctionExamples: r.correctionExamples,
      metrics: r.metrics,
      isActive: r.isActive,
      notes: r.notes,
    }));
  }
}
