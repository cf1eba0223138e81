import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addWorkingDays, SLA } from './working-days';

/**
 * Deadlines of the SLA clock, from the holiday table. The table is loaded at
 * boot and again right after each edit, so that callers inside a transaction
 * never need a second pooled connection (under load that would starve the pool).
 */
@Injectable()
export class SlaCalendarService implements OnApplicationBootstrap {
  private holidays?: Promise<Set<string>>;

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
    void this.load().catch(() => undefined);
  }

  async deadlinesFor(submittedAt: Date): Promise<{ dueVerifyAt: Date; duePlanAt: Date }> {
    const h = await this.load();
    return { dueVerifyAt: addWorkingDays(submittedAt, SLA.verifyDays, h), duePlanAt: addWorkingDays(submittedAt, SLA.planDays, h) };
  }

  async autoCloseAt(resolvedAt: Date): Promise<Date> {
    return addWorkingDays(resolvedAt, SLA.autoCloseDays, await this.load());
  }
}
