/**
 * Completion rules of a cohort (pure, tested on their own): a participant
 * completes when their attendance over the cohort's sessions reaches the
 * cohort's minimum (default 80%) and their best score in every module of the
 * cohort reaches the passing score (default 70).
 */
export interface CompletionRules {
  minAttendancePct: number;
  passingScore: number;
}

export interface CompletionInput {
  rules: CompletionRules;
  modules: { id: string; code: string; title: string }[];
  sessions: number;
  attended: number;
  /** Best score per module id. */
  bestScores: Record<string, number | undefined>;
}

export interface ModuleResult {
  moduleId: string;
  code: string;
  title: string;
  bestScore: number | null;
  passed: boolean;
}

export interface CompletionResult {
  attendancePct: number | null;
  meetsAttendance: boolean;
  modules: ModuleResult[];
  eligible: boolean;
  /** Why not (English, for the API's error details), empty when eligible. */
  reasons: { field: string; problem: string }[];
}

export function evaluateCompletion(input: CompletionInput): CompletionResult {
  const reasons: CompletionResult['reasons'] = [];
  const attendancePct = input.sessions > 0 ? Math.round((input.attended / input.sessions) * 1000) / 10 : null;
  const meetsAttendance = attendancePct !== null && attendancePct >= input.rules.minAttendancePct;
  if (attendancePct === null) reasons.push({ field: 'attendance', problem: 'the cohort has no sessions yet' });
  else if (!meetsAttendance) reasons.push({ field: 'attendance', problem: `attended ${input.attended} of ${input.sessions} sessions (${attendancePct}%), below the required ${input.rules.minAttendancePct}%` });
  if (!input.modules.length) reasons.push({ field: 'modules', problem: 'the cohort has no modules' });
  const modules = input.modules.map((m): ModuleResult => {
    const best = input.bestScores[m.id];
    const passed = best !== undefined && best >= input.rules.passingScore;
    if (best === undefined) reasons.push({ field: `modules.${m.code}`, problem: `no assessment yet for "${m.title}"` });
    else if (!passed) reasons.push({ field: `modules.${m.code}`, problem: `best score ${best} in "${m.title}" is below the passing score ${input.rules.passingScore}` });
    return { moduleId: m.id, code: m.code, title: m.title, bestScore: best ?? null, passed };
  });
  return { attendancePct, meetsAttendance, modules, eligible: reasons.length === 0, reasons };
}
