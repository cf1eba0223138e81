import { evaluateCompletion } from '../completion';
import { newCertificateNumber, normalizeCertificateNumber } from '../certificates.service';

const modules = [
  { id: 'm1', code: 'literasi-data-dasar', title: 'Dasar-dasar Literasi Data' },
  { id: 'm2', code: 'analisis-data-kebijakan', title: 'Analisis Data untuk Kebijakan' },
  { id: 'm3', code: 'etika-data-ai', title: 'Etika Data dan AI yang Bertanggung Jawab' },
];
const rules = { minAttendancePct: 80, passingScore: 70 };

describe('completion rules (pure)', () => {
  it('attendance >= 80% and every module passed: eligible', () => {
    const r = evaluateCompletion({ rules, modules, sessions: 10, attended: 8, bestScores: { m1: 70, m2: 85, m3: 100 } });
    expect(r).toMatchObject({ attendancePct: 80, meetsAttendance: true, eligible: true, reasons: [] });
    expect(r.modules.every((m) => m.passed)).toBe(true);
  });

  it('attendance below the minimum: the reason says by how much', () => {
    const r = evaluateCompletion({ rules, modules, sessions: 10, attended: 7, bestScores: { m1: 90, m2: 90, m3: 90 } });
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual([{ field: 'attendance', problem: 'attended 7 of 10 sessions (70%), below the required 80%' }]);
  });

  it('a module failed or not assessed', () => {
    const r = evaluateCompletion({ rules, modules, sessions: 5, attended: 5, bestScores: { m1: 69, m2: 90 } });
    expect(r.eligible).toBe(false);
    expect(r.reasons.map((x) => x.field)).toEqual(['modules.literasi-data-dasar', 'modules.etika-data-ai']);
    expect(r.reasons[0].problem).toContain('below the passing score 70');
    expect(r.reasons[1].problem).toContain('no assessment yet');
  });

  it('a cohort without sessions certifies no one', () => {
    expect(evaluateCompletion({ rules, modules, sessions: 0, attended: 0, bestScores: { m1: 90, m2: 90, m3: 90 } }).reasons[0]).toEqual({ field: 'attendance', problem: 'the cohort has no sessions yet' });
  });

  it('rules are per cohort', () => {
    const lenient = { minAttendancePct: 50, passingScore: 60 };
    expect(evaluateCompletion({ rules: lenient, modules, sessions: 4, attended: 2, bestScores: { m1: 60, m2: 60, m3: 60 } }).eligible).toBe(true);
  });

  it('certificate numbers are unambiguous and checked before any query', () => {
    const n = newCertificateNumber(new Date('2026-02-20T00:00:00Z'));
    expect(n).toMatch(/^CDF-2026-[2-9A-HJKMNP-Z]{8}$/);
    expect(normalizeCertificateNumber(` ${n.toLowerCase()} `)).toBe(n);
    expect(normalizeCertificateNumber('CDF-2026-0000OOOO')).toBeNull();
    expect(normalizeCertificateNumber("x' OR 1=1")).toBeNull();
  });
});
