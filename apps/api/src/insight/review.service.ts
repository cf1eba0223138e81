import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain.exception';
import { AnalysisService, AnalysisView } from './analysis.service';

/** What ASN see of the engine: the low-confidence list and the reasons behind a prediction. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
  ) {}

  async needsReview(user: AuthUser, limit = 50) {
    const scope = user.role === 'admin' ? null : user.opdId;
    const rows = await this.dataSource.query(
      `SELECT a.id, a.tracking_code, a.public_text, a.category_code, x.predicted_category, x.confidence, x.reasons, x.analyzed_at
       FROM aspiration_analysis x JOIN aspiration a ON a.id = x.aspiration_id
       WHERE x.needs_review AND a.category_source <> 'asn' AND a.closed_at IS NULL AND ($1::int IS NULL OR a.opd_id = $1)
       ORDER BY x.confidence ASC, x.analyzed_at DESC LIMIT $2`,
      [scope, limit],
    );
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      text: r.public_text,
      currentCategory: r.category_code,
      predictedCategory: r.predicted_category,
      confidence: r.confidence,
      reasons: r.reasons,
      analyzedAt: r.analyzed_at.toISOString(),
    }));
  }

  async forAspiration(user: AuthUser, id: string): Promise<AnalysisView> {
    const [a] = await this.dataSource.query('SELECT opd_id FROM aspiration WHERE id = $1', [id]);
    if (!a || (user.role !== 'admin' && a.opd_id !== user.opdId)) throw notFound('Aspiration');
    const view = await this.analysis.get(id);
    if (!view) throw notFound('Analysis (the aspiration has not been analysed yet)');
    return view;
  }
}
