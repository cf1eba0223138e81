'use client';

/**
 * Submissions that could not reach the server (offline, failing connection)
 * wait in localStorage and are sent again later with the SAME Idempotency-Key,
 * so the city receives each aspiration exactly once.
 */
export interface PendingSubmission {
  key: string;
  body: Record<string, unknown>;
  queuedAt: string;
}

export interface SubmissionReceipt {
  id: string;
  trackingCode: string;
  followUpKey: string;
  opd: { name: string };
  dueVerifyAt: string;
}

const QUEUE = 'ogh-pending-aspirasi';
const RECEIPTS = 'ogh-receipts';

export function pendingSubmissions(): PendingSubmission[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) ?? '[]') as PendingSubmission[];
  } catch {
    return [];
  }
}

function save(queue: PendingSubmission[]): void {
  localStorage.setItem(QUEUE, JSON.stringify(queue));
}

export function enqueueSubmission(p: PendingSubmission): void {
  save([...pendingSubmissions().filter((q) => q.key !== p.key), p]);
}

export function lastReceipts(): SubmissionReceipt[] {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS) ?? '[]') as SubmissionReceipt[];
  } catch {
    return [];
  }
}

export type SendResult =
  | { kind: 'sent'; receipt: SubmissionReceipt }
  | { kind: 'rejected'; status: number; message: string; details: { field: string; problem: string }[] }
  | { kind: 'unreachable' };

/** One attempt. 4xx (other than 408/429) is final; network errors and 5xx are worth retrying. */
export async function sendSubmission(p: PendingSubmission): Promise<SendResult> {
  try {
    const res = await fetch('/api/aspirations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.key },
      body: JSON.stringify(p.body),
    });
    const body = await res.json().catch(() => ({}));
    if (res.status === 201 || res.status === 200) {
      const receipt = body as SubmissionReceipt;
      localStorage.setItem(RECEIPTS, JSON.stringify([receipt, ...lastReceipts()].slice(0, 10)));
      return { kind: 'sent', receipt };
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      return { kind: 'rejected', status: res.status, message: body.message ?? 'Permintaan ditolak', details: body.details ?? [] };
    }
    return { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** Sends every waiting submission; returns the receipts of those that went through. */
export async function flushPending(): Promise<SubmissionReceipt[]> {
  const sent: SubmissionReceipt[] = [];
  for (const p of pendingSubmissions()) {
    const r = await sendSubmission(p);
    if (r.kind === 'sent') sent.push(r.receipt);
    if (r.kind !== 'unreachable') save(pendingSubmissions().filter((q) => q.key !== p.key));
  }
  return sent;
}
