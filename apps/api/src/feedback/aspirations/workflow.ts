import type { AspirationStatus } from '@ogh/domain';
import { ASPIRATION_STATUS_LABELS_ID } from '@ogh/domain';
import { conflict } from '../../common/errors/domain.exception';

/** The workflow of BLUEPRINT "Contracts"; resolved → in_progress is a reopening. */
export const TRANSITIONS: Record<AspirationStatus, AspirationStatus[]> = {
  received: ['verified', 'rejected'],
  verified: ['in_progress', 'rejected', 'adopted'],
  in_progress: ['resolved', 'rejected', 'adopted'],
  resolved: ['in_progress', 'adopted'],
  rejected: [],
  adopted: [],
};

export function allowedNext(from: AspirationStatus): AspirationStatus[] {
  return TRANSITIONS[from];
}

/** 409 naming the allowed next states when the workflow does not allow the move. */
export function assertTransition(from: AspirationStatus, to: AspirationStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from];
  throw conflict(
    `Cannot move from ${from} (${ASPIRATION_STATUS_LABELS_ID[from]}) to ${to}. Allowed next: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
    [{ field: 'status', problem: `allowed next states: ${allowed.join(', ') || 'none'}` }],
  );
}

/** Final for the workflow: nothing more happens unless an ASN reopens. */
export const FINAL_STATUSES: AspirationStatus[] = ['rejected', 'adopted'];
