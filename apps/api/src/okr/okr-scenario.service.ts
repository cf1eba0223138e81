import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cycleBounds, nearestScenario, SCENARIOS, ScenarioKey } from './grading';
import { portalParticipation } from './metrics/feedback.metrics';
import { round } from './metrics/metric';
import { OkrService } from './okr.service';

const DAY_MS = 86_400_000;

export interface ScenarioWeek {
  week: number;
  from: string;
  to: string;
  /** null for weeks that have not started. */
  actual: number | null;
  optimistic: number;
  moderate: number;
  pessimistic: number;
}

export interface ScenarioView {
  cycleId: string;
  asOf: string;
  baseline: { from: string; to: string; participation: number; perWeek: number };
  scenarios: { key: ScenarioKey; label: string; growthPct: number }[];
  weeks: ScenarioWeek[];
  /** Cumulative to date: actual and what each scenario expects for the same days. */
  toDate: { days: number; actual: number; optimistic: number; moderate: number; pessimistic: number };
  /** Participation per day against the baseline period, in percent. */
  actualGrowthPct: number | null;
  tracking: ScenarioKey | null;
  summary: string;
}

/**
 * Actual portal participation over the cycle against the blueprint's three
 * scenarios (section 4): optimistic +40%, moderate +15%, pessimistic flat,
 * each applied to the baseline period's participation per day.
 */
@Injectable()
export class OkrScenarioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly okr: OkrService,
  ) {}

  async scenarios(cycleId: string, asOf: Date = new Date()): Promise<ScenarioView> {
    const cycle = await this.okr.cycleRow(cycleId);
    const query = (sql: string, params?: unknown[]) => this.dataSource.query(sql, params);
    const base = cycleBounds(cycle.baseline_start, cycle.baseline_end);
    const baseDays = (base.end.getTime() - base.start.getTime()) / DAY_MS;
    const baseCount = await portalParticipation(query, { from: base.start, to: base.end, days: baseDays });
    const perDay = baseCount / baseDays;
    const { start, end } = cycleBounds(cycle.start_date, cycle.end_date);
    const expect = (days: number, growthPct: number) => round((perDay * days * (100 + growthPct)) / 100, 1);
    const weeks: ScenarioWeek[] = [];
    let actualToDate = 0;
    let daysToDate = 0;
    for (let w = 0; start.getTime() + w * 7 * DAY_MS < end.getTime(); w++) {
      const from = new Date(start.getTime() + w * 7 * DAY_MS);
      const to = new Date(Math.min(from.getTime() + 7 * DAY_MS, end.getTime()));
      const days = (to.getTime() - from.getTime()) / DAY_MS;
      let actual: number | null = null;
      if (asOf > from) {
        const upTo = new Date(Math.min(to.getTime(), asOf.getTime()));
        actual = await portalParticipation(query, { from, to: upTo, days: 0 });
        actualToDate += actual;
        daysToDate += (upTo.getTime() - from.getTime()) / DAY_MS;
      }
      weeks.push({
        week: w + 1,
        from: from.toISOString(),
        to: to.toISOString(),
        actual,
        optimistic: expect(days, 40),
        moderate: expect(days, 15),
        pessimistic: expect(days, 0),
      });
    }
    const actualGrowthPct = baseCount > 0 && daysToDate > 0 ? round(((actualToDate / daysToDate) / perDay - 1) * 100, 1) : null;
    const tracking = nearestScenario(actualGrowthPct);
    const scenario = SCENARIOS.find((s) => s.key === tracking);
    const summary =
      daysToDate === 0
        ? 'Siklus belum dimulai: belum ada partisipasi untuk dibandingkan.'
        : baseCount === 0
          ? 'Belum ada partisipasi pada periode dasar: skenario belum dapat dibandingkan.'
          : `Partisipasi ${actualGrowthPct! >= 0 ? '+' : ''}${actualGrowthPct}% dibanding periode dasar: Kota Madiun mengikuti skenario ${scenario!.label} (${scenario!.growthPct > 0 ? `+${scenario!.growthPct}%` : 'stagnan'}).`;
    return {
      cycleId,
      asOf: asOf.toISOString(),
      baseline: { from: cycle.baseline_start, to: cycle.baseline_end, participation: baseCount, perWeek: round(perDay * 7, 2) },
      scenarios: SCENARIOS.map((s) => ({ key: s.key, label: s.label, growthPct: s.growthPct })),
      weeks,
      toDate: { days: round(daysToDate, 2), actual: actualToDate, optimistic: expect(daysToDate, 40), moderate: expect(daysToDate, 15), pessimistic: expect(daysToDate, 0) },
      actualGrowthPct,
      tracking,
      summary,
    };
  }
}
