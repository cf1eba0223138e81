import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_DUPLICATE_THRESHOLD, DuplicateIndex } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { AspirationService } from '../feedback/aspirations/aspiration.service';

/** How close two aspirations must be to count as the same problem. */
export const DUPLICATE_THRESHOLD = DEFAULT_DUPLICATE_THRESHOLD;
/** Looser: what the intake form suggests to support instead of repeating. */
export const SIMILAR_THRESHOLD = 0.25;
export const WINDOW_DAYS = 120;

export interface OpenAspirationDoc {
  id: string;
  text: string;
  kelurahan: string;
  at: Date;
  point?: { lat: number; lng: number };
}

/**
 * An in-memory BM25 index of the open aspirations of the last 120 days,
 * built at boot from the database and kept current as aspirations are
 * analysed. Serves near-duplicate detection and the intake suggestions.
 */
@Injectable()
export class DuplicateFinderService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Duplicates');
  private index = new DuplicateIndex();
  private ready = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aspirations: AspirationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.aspirations.useSimilarityFinder((text, kelurahan, limit) => (this.ready ? this.similar(text, kelurahan, limit) : null));
    await this.rebuild().catch((e) => this.logger.warn(`Duplicate index not built: ${(e as Error).message}`));
  }

  async rebuild(): Promise<number> {
    const rows: { id: string; public_text: string; kelurahan_code: string; submitted_at: Date; latitude: number | null; longitude: number | null }[] =
      await this.dataSource.query(
        `SELECT id, public_text, kelurahan_code, submitted_at, latitude, longitude FROM aspiration
         WHERE closed_at IS NULL AND status NOT IN ('rejected', 'adopted') AND submitted_at > now() - make_interval(days => $1)
         ORDER BY submitted_at`,
        [WINDOW_DAYS],
      );
    const index = new DuplicateIndex();
    for (const r of rows) index.add(this.doc(r));
    this.index = index;
    this.ready = true;
    return rows.length;
  }

  doc(r: { id: string; public_text: string; kelurahan_code: string; submitted_at: Date; latitude: number | null; longitude: number | null }): OpenAspirationDoc {
    return {
      id: r.id,
      text: r.public_text,
      kelurahan: r.kelurahan_code,
      at: r.submitted_at,
      point: r.latitude != null && r.longitude != null ? { lat: r.latitude, lng: r.longitude } : undefined,
    };
  }

  /** The best earlier duplicate of a document, then adds it to the index. */
  addAndFindDuplicate(doc: OpenAspirationDoc): { id: string; score: number } | null {
    const best = this.index.candidates(doc, { threshold: DUPLICATE_THRESHOLD, windowDays: WINDOW_DAYS, maxDistanceM: 500 }).find((c) => c.id !== doc.id) ?? null;
    this.index.remove(doc.id);
    this.index.add(doc);
    return best;
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  similar(text: string, kelurahan: string, limit: number): string[] {
    return this.index
      .candidates({ id: '__query__', text, kelurahan, at: new Date() }, { threshold: SIMILAR_THRESHOLD, windowDays: WINDOW_DAYS })
      .slice(0, limit)
      .map((c) => c.id);
  }
}
