// Lifecycle of a cancellation request and of its approval tasks, as data
// (SPEC §4.1, §4.4, §5). Commands check `canTransition` before writing a new
// status, so an illegal jump (e.g. REJECTED → EXECUTING) is impossible even
// under concurrent commands that read a stale status.

export const CANCELLATION_REQUEST_STATUSES = [
  'PENDING_APPROVAL',
  'APPROVED',
  'EXECUTING',
  'COMPLETED',
  'PARTIALLY_COMPLETED',
  'FAILED',
  'REJECTED',
  'EXPIRED',
  'WITHDRAWN',
] as const;
export type CancellationRequestStatus = (typeof CANCELLATION_REQUEST_STATUSES)[number];

export const REQUEST_TRANSITIONS: Readonly<Record<CancellationRequestStatus, readonly CancellationRequestStatus[]>> =
  Object.freeze({
    PENDING_APPROVAL: Object.freeze(['APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'] as const),
    APPROVED: Object.freeze(['EXECUTING'] as const),
    EXECUTING: Object.freeze(['COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED'] as const),
    // Fallout: once OPS repairs the failed task the request resumes or finishes.
    FAILED: Object.freeze(['EXECUTING', 'COMPLETED', 'PARTIALLY_COMPLETED'] as const),
    // Blocked units (e.g. shipped) may later be repaired/settled by OPS.
    PARTIALLY_COMPLETED: Object.freeze(['COMPLETED'] as const),
    COMPLETED: Object.freeze([] as const),
    REJECTED: Object.freeze([] as const),
    EXPIRED: Object.freeze([] as const),
    WITHDRAWN: Object.freeze([] as const),
  });

function isRequestStatus(s: unknown): s is CancellationRequestStatus {
  return typeof s === 'string' && (CANCELLATION_REQUEST_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: CancellationRequestStatus, to: CancellationRequestStatus): boolean {
  // Guard runtime strings (e.g. '__proto__' from a corrupt row) as well as types.
  if (!isRequestStatus(from) || !isRequestStatus(to)) return false;
  return REQUEST_TRANSITIONS[from].includes(to);
}

/** No further transition is possible. */
export function isFinal(s: CancellationRequestStatus): boolean {
  return REQUEST_TRANSITIONS[s].length === 0;
}

/**
 * The request still holds units of its lines (SPEC §4.1: at most one active
 * request per line). Everything that is not final is active — including
 * FAILED and PARTIALLY_COMPLETED, which may still be repaired.
 */
export function isActive(s: CancellationRequestStatus): boolean {
  return !isFinal(s);
}

// ── Approval tasks (SPEC §5) ────────────────────────────────────────────────

export const APPROVAL_TASK_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'ESCALATED', 'EXPIRED'] as const;
export type ApprovalTaskStatus = (typeof APPROVAL_TASK_STATUSES)[number];

// Only a PENDING task can be decided. ESCALATED is final for *this* task: the
// escalation creates a new PENDING task one level up, so the record of who
// was asked first is never rewritten. Expiry with AUTO_APPROVE goes straight
// PENDING → APPROVED (by the system actor).
export const APPROVAL_TASK_TRANSITIONS: Readonly<Record<ApprovalTaskStatus, readonly ApprovalTaskStatus[]>> =
  Object.freeze({
    PENDING: Object.freeze(['APPROVED', 'REJECTED', 'ESCALATED', 'EXPIRED'] as const),
    APPROVED: Object.freeze([] as const),
    REJECTED: Object.freeze([] as const),
    ESCALATED: Object.freeze([] as const),
    EXPIRED: Object.freeze([] as const),
  });

function isApprovalTaskStatus(s: unknown): s is ApprovalTaskStatus {
  return typeof s === 'string' && (APPROVAL_TASK_STATUSES as readonly string[]).includes(s);
}

export function canTransitionApprovalTask(from: ApprovalTaskStatus, to: ApprovalTaskStatus): boolean {
  if (!isApprovalTaskStatus(from) || !isApprovalTaskStatus(to)) return false;
  return APPROVAL_TASK_TRANSITIONS[from].includes(to);
}

export function isApprovalTaskFinal(s: ApprovalTaskStatus): boolean {
  return APPROVAL_TASK_TRANSITIONS[s].length === 0;
}
