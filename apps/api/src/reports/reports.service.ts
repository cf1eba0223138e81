import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import { AnalyticsRefreshService } from '../analytics/analytics-refresh.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { conflict, notFound } from '../common/errors/domain.exception';
import { ReportEntity, ReportFormat, ReportKind } from './entities/report.entity';
import { ReportData, REPORT_TITLE } from './report-data';
import { ReportDataService } from './report-data.service';
import { finalReportDocument, policySummaryDocument } from './report-document';
import { FINAL_REPORT_FIELDS, PARTICIPATION_FIELDS, PARTICIPATION_PRIMARY_KEY, POLICY_SUMMARY_FIELDS } from './report-fields';
import { parsePeriod, previousPeriod, ReportPeriod } from './report-period';
import { PARTICIPATION_TITLE, renderParticipationCsv, renderParticipationJson } from './renderers/dataset.renderer';
import { renderDocx } from './renderers/docx.renderer';
import { renderMarkdown } from './renderers/markdown.renderer';
import { renderPdf } from './renderers/pdf.renderer';
import { toReportView, ReportView } from './reports.views';

/** Roles that generate and publish reports, and may see drafts. */
export const REPORT_STAFF_ROLES = ['admin', 'bappeda'] as const;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

interface RenderedFile {
  kind: ReportKind;
  format: ReportFormat;
  title: string;
  fileName: string;
  content: Buffer;
  fields: ReportEntity['fields'];
}

export interface GenerateOptions {
  /** e.g. 2026-Q4; default the last complete quarter. */
  period?: string;
  publish?: boolean;
  actor?: Pick<AuthUser, 'id' | 'role'> | null;
  now?: Date;
}

const isStaff = (user?: Pick<AuthUser, 'role'> | null) => !!user && (REPORT_STAFF_ROLES as readonly string[]).includes(user.role);

/**
 * The open reports: renders a quarter's set (Markdown policy summary,
 * participation per kecamatan as JSON and CSV, the final report as DOCX and
 * PDF) from the analytics schema, keeps the files, and publishes them.
 * Anyone may list and download published files; drafts are for staff.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger('Reports');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly data: ReportDataService,
    private readonly analytics: AnalyticsRefreshService,
    private readonly audit: AuditService,
  ) {}

  async generate(opts: GenerateOptions = {}): Promise<ReportView[]> {
    const now = opts.now ?? new Date();
    const period = opts.period ? parsePeriod(opts.period) : previousPeriod(now);
    // Bring the views up to date unless they were refreshed moments ago.
    await this.analytics.refresh();
    const data = await this.data.collect(period, now);
    const files = await this.render(data);
    const generationId = randomUUID();
    const actorId = opts.actor?.id ?? null;
    const saved = await this.ds.transaction(async (m) => {
      const rows = files.map((f) =>
        m.create(ReportEntity, {
          generationId,
          period: period.code,
          kind: f.kind,
          format: f.format,
          title: f.title,
          fileName: f.fileName,
          contentType: CONTENT_TYPES[f.format],
          content: f.content,
          sha256: createHash('sha256').update(f.content).digest('hex'),
          size: f.content.length,
          fields: f.fields,
          dataAsOf: data.dataAsOf,
          generatedAt: now,
          generatedBy: actorId,
          publishedAt: opts.publish ? now : null,
          publishedBy: opts.publish ? actorId : null,
        }),
      );
      await m.insert(ReportEntity, rows);
      await this.audit.record(
        { actor: opts.actor ?? null, action: opts.publish ? 'reports.generated_published' : 'reports.generated', entityType: 'report_generation', entityId: generationId, details: { period: period.code, files: rows.length } },
        m,
      );
      return rows;
    });
    this.logger.log(`Generated ${saved.length} report files for ${period.code}${opts.publish ? ' (published)' : ' (draft)'}`);
    return saved.map(toReportView);
  }

  /** Published files for everyone; with `all`, staff also see drafts. Newest period first. */
  async list(user: AuthUser | undefined, opts: { all?: boolean; period?: string } = {}): Promise<ReportView[]> {
    const rows = await this.ds.getRepository(ReportEntity).find({
      where: { ...(opts.all && isStaff(user) ? {} : { publishedAt: Not(IsNull()) }), ...(opts.period ? { period: opts.period } : {}) },
      order: { period: 'DESC', generatedAt: 'DESC', kind: 'ASC', format: 'ASC' },
      take: 500,
    });
    return rows.map(toReportView);
  }

  /** A file the caller may see: published, or any for staff. Anything else is "not found", so drafts stay unseen. */
  async get(user: AuthUser | undefined, id: string): Promise<ReportView> {
    return toReportView(await this.visible(user, id));
  }

  async download(user: AuthUser | undefined, id: string): Promise<{ report: ReportView; content: Buffer }> {
    const r = await this.visible(user, id);
    return { report: toReportView(r), content: await this.content(id) };
  }

  /** The bytes of a file, without access checks (CLI and download). */
  async content(id: string): Promise<Buffer> {
    const row = await this.ds.getRepository(ReportEntity).createQueryBuilder('r').select('r.content', 'content').where('r.id = :id', { id }).getRawOne<{ content: Buffer }>();
    if (!row) throw notFound('Report');
    return row.content;
  }

  async publish(user: AuthUser, id: string): Promise<ReportView> {
    const repo = this.ds.getRepository(ReportEntity);
    const r = await repo.findOneBy({ id });
    if (!r) throw notFound('Report');
    if (r.publishedAt) throw conflict('Report is already published');
    return this.ds.transaction(async (m) => {
      const now = new Date();
      await m.update(ReportEntity, { id, publishedAt: IsNull() }, { publishedAt: now, publishedBy: user.id });
      await this.audit.record({ actor: user, action: 'reports.published', entityType: 'report', entityId: id, details: { period: r.period, kind: r.kind, format: r.format } }, m);
      return toReportView({ ...r, publishedAt: now, publishedBy: user.id });
    });
  }

  private async visible(user: AuthUser | undefined, id: string): Promise<ReportEntity> {
    const r = await this.ds.getRepository(ReportEntity).findOneBy({ id });
    if (!r || (!r.publishedAt && !isStaff(user))) throw notFound('Report');
    return r;
  }

  private async render(data: ReportData): Promise<RenderedFile[]> {
    const p: ReportPeriod = data.period;
    const summary = policySummaryDocument(data);
    const final = finalReportDocument(data);
    const participationTitle = `${PARTICIPATION_TITLE} — ${p.label}`;
    const dataset = { fields: PARTICIPATION_FIELDS, primaryKey: PARTICIPATION_PRIMARY_KEY };
    return [
      { kind: 'policy_summary', format: 'md', title: summary.title, fileName: `ringkasan-kebijakan-${p.code}.md`, content: renderMarkdown(summary), fields: { fields: POLICY_SUMMARY_FIELDS } },
      { kind: 'participation', format: 'json', title: participationTitle, fileName: `partisipasi-kecamatan-${p.code}.json`, content: renderParticipationJson(data), fields: dataset },
      { kind: 'participation', format: 'csv', title: participationTitle, fileName: `partisipasi-kecamatan-${p.code}.csv`, content: renderParticipationCsv(data), fields: dataset },
      { kind: 'final_report', format: 'docx', title: `${REPORT_TITLE} — ${p.label}`, fileName: `laporan-open-governance-madiun-${p.code}.docx`, content: await renderDocx(final), fields: { fields: FINAL_REPORT_FIELDS } },
      { kind: 'final_report', format: 'pdf', title: `${REPORT_TITLE} — ${p.label}`, fileName: `laporan-open-governance-madiun-${p.code}.pdf`, content: await renderPdf(final), fields: { fields: FINAL_REPORT_FIELDS } },
    ];
  }
}
