import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MATERIALIZED_VIEWS, MaterializedView } from './analytics-views';

/** Any number: only needs to differ from the other advisory locks of the hub. */
const REFRESH_LOCK = 7_310_042;

export interface RefreshResult {
  refreshed: { view: MaterializedView; durationMs: number }[];
  /** Why nothing was refreshed. */
  skipped?: 'recent' | 'busy';
}

export interface RefreshState {
  view: string;
  refreshedAt: string | null;
  durationMs: number | null;
}

/**
 * Keeps the materialized analytics views current. Concurrent refreshes keep
 * the dashboards readable while they run; an advisory lock lets one process
 * at a time refresh; and unless forced (after a bulk import) a refresh
 * within the minimum interval of the last one is skipped.
 */
@Injectable()
export class AnalyticsRefreshService {
  private readonly logger = new Logger('Analytics');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async refresh(opts: { force?: boolean; now?: Date } = {}): Promise<RefreshResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [REFRESH_LOCK]);
      if (!locked) return { refreshed: [], skipped: 'busy' };
      try {
        if (!opts.force && (await this.refreshedWithin(runner.query.bind(runner), opts.now ?? new Date()))) return { refreshed: [], skipped: 'recent' };
        const refreshed: RefreshResult['refreshed'] = [];
        for (const view of MATERIALIZED_VIEWS) {
          const started = Date.now();
          await runner.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.${view}`);
          const durationMs = Date.now() - started;
          await runner.query(
            `INSERT INTO analytics.refresh_state (view_name, refreshed_at, duration_ms) VALUES ($1, now(), $2)
             ON CONFLICT (view_name) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms`,
            [view, durationMs],
          );
          refreshed.push({ view, durationMs });
        }
        const total = refreshed.reduce((s, r) => s + r.durationMs, 0);
        this.logger.log(`Refreshed ${refreshed.length} analytics views in ${total} ms`);
        return { refreshed };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [REFRESH_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  async state(): Promise<RefreshState[]> {
    const rows: { view_name: string; refreshed_at: Date; duration_ms: number }[] = await this.dataSource.query(
      `SELECT view_name, refreshed_at, duration_ms FROM analytics.refresh_state`,
    );
    const byView = new Map(rows.map((r) => [r.view_name, r]));
    return MATERIALIZED_VIEWS.map((view) => {
      const r = byView.get(view);
      return { view, refreshedAt: r ? r.refreshed_at.toISOString() : null, durationMs: r ? r.duration_ms : null };
    });
  }

  private async refreshedWithin(query: (sql: string, params?: unknown[]) => Promise<any>, now: Date): Promise<boolean> {
    const [row] = await query(`SELECT min(refreshed_at) AS oldest, count(*)::int AS n FROM analytics.refresh_state WHERE view_name = ANY($1)`, [[...MATERIALIZED_VIEWS]]);
    if (row.n < MATERIALIZED_VIEWS.length) return false;
    return now.getTime() - new Date(row.oldest).getTime() < this.config.analytics.refreshMinIntervalSeconds * 1000;
  }
}
