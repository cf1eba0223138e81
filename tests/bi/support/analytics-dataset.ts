import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AnalyticsRefreshService } from '../../../apps/api/src/analytics/analytics-refresh.service';
import { DemoCounts, DemoSeedService } from '../../../apps/api/src/demo/demo-seed.service';
import { connectAsBiReader } from '../../../apps/api/src/testing/bi-reader';
import { startTestApp, TestApp } from '../../../apps/api/src/testing/test-app';

/** Populations, data sources with sync runs and indicators: what the demo city lacks for the dashboards. */
export const ANALYTICS_EXTRAS_SQL = join(__dirname, 'analytics-extras.sql');

export interface AnalyticsDataset {
  t: TestApp;
  /** The application's connection (owner of the tables). */
  ds: DataSource;
  /** A connection as the read-only BI role, as Grafana and Metabase connect. */
  bi: Client;
  /** The instant the demo city was seeded from. */
  now: Date;
  counts: DemoCounts;
  close(): Promise<void>;
}

export interface AnalyticsDatasetOptions {
  /** Demo aspirations over two years (default 3,000). */
  aspirations?: number;
  seed?: number;
}

/**
 * A realistic data set for BI tests on a fresh migrated database: the demo
 * city (two years of aspirations over the 27 kelurahan with replies,
 * analyses, ratings, surveys, Musrenbang, fellows and OKR), the extras above,
 * then a forced refresh of the materialized analytics views. Shared by the
 * Grafana and Metabase tests.
 */
export async function loadAnalyticsDataset(opts: AnalyticsDatasetOptions = {}): Promise<AnalyticsDataset> {
  const t = await startTestApp();
  try {
    const ds = t.app.get(DataSource);
    const now = new Date();
    const seeded = await t.app.get(DemoSeedService).seed({ aspirations: opts.aspirations ?? 3000, seed: opts.seed ?? 1, now });
    if (seeded.status !== 'seeded') throw new Error(`the demo seed did not run on the fresh test database (${seeded.status})`);
    await ds.query(readFileSync(ANALYTICS_EXTRAS_SQL, 'utf8'));
    await t.app.get(AnalyticsRefreshService).refresh({ force: true });
    const bi = await connectAsBiReader(ds, t.db.url);
    return {
      t,
      ds,
      bi,
      now,
      counts: seeded.counts,
      async close() {
        await bi.end();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}
