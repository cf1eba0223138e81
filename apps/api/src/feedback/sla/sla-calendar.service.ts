import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addWorkingDays, SLA, wibDate } from './working-days';

/**
 * Deadlines of the SLA clock, from the holiday table. The table is loaded at
 * boot and again right after each edit, so that callers inside a transaction
 * never need a second pooled connection (under load that would starve the pool).
 */
@Injectable()
export class SlaCalendarService implements OnApplicationBootstrap {
  private holidays?: Promise<Set<string>>;
  private readonly byDay = new Map<string, { dueVerifyAt: Date; duePlanAt: Date }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private load(): Promise<Set<string>> {
    this.holidays ??= this.dataSource
      .query(`SELECT to_char(date, 'YYYY-MM-DD') AS d FROM holiday`)
      .then((rows: { d: string }[]) => new Set(rows.map((r) => r.d)))
      .catch((e) => {
        this.holidays = undefined;
        throw e;
      });
    return this.holidays;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The holiday table may not exist yet when the API boots on an empty database: prepareDatabase migrates later.
    await this.load().catch(() => undefined);
  }

  invalidate(): void {
    this.holidays = undefined;
    this.byDay.clear();
    void this.load().catch(() => undefined);
  }

  /** Deadlines depend only on the WIB day of submission: computed once per day, not per request. */
  async deadlinesFor(submittedAt: Date): Promise<{ dueVerifyAt: Date; duePlanAt: Date }> {
    const h = await this.load();
    const day = wibDate(submittedAt);
    let d = this.byDay.get(day);
    if (!d) {
      d = { dueVerifyAt: addWorkingDays(submittedAt, SLA.verifyDays, h), duePlanAt: addWorkingDays(submittedAt, SLA.planDays, h) };
      if (this.byDay.size > 1000) this.byDay.clear();
      this.byDay.set(day, d);
    }
    return d;
  }

  async autoCloseAt(resolvedAt: Date): Promise<Date> {
    return addWorkingDays(resolvedAt, SLA.autoCloseDays, await this.load());
  }
}
