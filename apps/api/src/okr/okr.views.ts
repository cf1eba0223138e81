import type { KrDirection, KrMode, KrStatus } from './entities/okr-key-result.entity';
import type { OkrPhase } from './entities/okr-cycle.entity';

export interface CycleView {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  baselineStart: string;
  baselineEnd: string;
  phases: OkrPhase[];
  /** Share of the cycle elapsed now, 0–1. */
  elapsed: number;
  currentWeek: number | null;
  currentPhase: string | null;
}

export interface KeyResultView {
  id: string;
  objectiveId: string;
  code: string;
  title: string;
  mode: KrMode;
  metricKey: string | null;
  metricLabel: string | null;
  metricParams: Record<string, unknown>;
  unit: string;
  direction: KrDirection;
  baseline: number;
  target: number;
  currentValue: number | null;
  progress: number | null;
  status: KrStatus;
  statusLabel: string;
  statusReason: string | null;
  computedAt: string | null;
}

export interface ObjectiveView {
  id: string;
  cycleId: string;
  code: string;
  title: string;
  description: string | null;
  ownerOpd: { code: string; name: string };
  /** Average progress of the key results that have a value. */
  progress: number | null;
  keyResults: KeyResultView[];
}

export interface CycleDetail extends CycleView {
  objectives: ObjectiveView[];
}

export interface CheckInView {
  id: string;
  note: string;
  confidence: number;
  authorName: string;
  createdAt: string;
}

export interface ValueView {
  value: number | null;
  progress: number | null;
  status: string;
  source: 'auto' | 'manual';
  note: string | null;
  recordedAt: string;
}

export interface KeyResultDetail extends KeyResultView {
  cycleId: string;
  history: ValueView[];
  checkIns: CheckInView[];
}
