import type { ActivityKind } from './entities/fellow-activity.entity';
import type { ParticipantKind } from './entities/fellow-participant.entity';
import type { CompletionResult } from './completion';

export interface ParticipantView {
  id: string;
  kind: ParticipantKind;
  fullName: string;
  publicName: string | null;
  opd: { code: string; name: string } | null;
  hasEmail: boolean;
  hasPhone: boolean;
  createdAt: string;
}

export interface ModuleView {
  id: string;
  code: string;
  title: string;
  description: string | null;
  position: number;
  isActive: boolean;
}

export interface CohortView {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  minAttendancePct: number;
  passingScore: number;
  modules: ModuleView[];
  participants: number;
  sessions: number;
  certified: number;
}

export interface SessionView {
  id: string;
  cohortId: string;
  moduleId: string;
  title: string;
  heldOn: string;
  present: number;
  absent: number;
}

export interface ParticipantProgress extends CompletionResult {
  participantId: string;
  fullName: string;
  kind: ParticipantKind;
  sessions: number;
  attended: number;
  certificateNumber: string | null;
}

export interface CertificateView {
  number: string;
  participantId: string;
  cohortId: string;
  fullName: string;
  issuedAt: string;
}

/** What anyone may see when checking a certificate number: nothing private. */
export interface PublicCertificateView {
  number: string;
  valid: true;
  title: string;
  /** The name the fellow agreed to publish, or null (then no name is shown). */
  name: string | null;
  cohort: string;
  modules: string[];
  issuedOn: string;
  issuer: string;
}

export interface ActivityView {
  id: string;
  participantId: string;
  kind: ActivityKind;
  kindLabel: string;
  occurredOn: string;
  description: string | null;
  createdAt: string;
}

export interface FellowsStats {
  asOf: string;
  participants: number;
  certified: number;
  certifiedSharePct: number | null;
  activeFellows: number;
  activeWithinDays: number;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  imported: number;
  enrolled: number;
  errors: { row: number; field: string; problem: string }[];
  participants: { row: number; id: string }[];
}
