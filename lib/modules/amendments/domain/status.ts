// Lifecycle of an amendment request (SPEC §6), as data: REQUESTED → (REQUIRES_APPROVAL →
// APPROVED) → APPLYING → APPLIED, or REJECTED, FAILED, WITHDRAWN. Commands check
// `canTransition` before writing a new status, so no interleaving can make an illegal jump.

export const AMENDMENT_STATUSES = [
  'REQUESTED',
  'REQUIRES_APPROVAL',
  'APPROVED',
  'APPLYING',
  'APPLIED',
  'REJECTED',
  'FAILED',
  'WITHDRAWN',
] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const AMENDMENT_TRANSITIONS: Readonly<Record<AmendmentStatus, readonly AmendmentStatus[]>> = Object.freeze({
  // Assessed: needs sign-off, or applies (at once, or later when created with applyNow: false).
  // FAILED straight away when the re-assessment at apply no longer matches the fingerprint.
  REQUESTED: Object.freeze(['REQUIRES_APPROVAL', 'APPLYING', 'FAILED', 'WITHDRAWN'] as const),
  REQUIRES_APPROVAL: Object.freeze(['APPROVED', 'REJECTED', 'WITHDRAWN'] as const),
  APPROVED: Object.freeze(['APPLYING', 'FAILED'] as const),
  // FAILED: a declined charge, a changed assessment, or a step that failed (its charge refunded).
  APPLYING: Object.freeze(['APPLIED', 'FAILED'] as const),
  APPLIED: Object.freeze([] as const),
  REJECTED: Object.freeze([] as const),
  FAILED: Object.freeze([] as const),
  WITHDRAWN: Object.freeze([] as const),
});

export function isAmendmentStatus(s: unknown): s is AmendmentStatus {
  return typeof s === 'string' && (AMENDMENT_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: AmendmentStatus, to: AmendmentStatus): boolean {
  // Guard runtime strings (e.g. '__proto__' from a corrupt row) as well as types.
  if (!isAmendmentStatus(from) || !isAmendmentStatus(to)) return false;
  return AMENDMENT_TRANSITIONS[from].includes(to);
}

/** No further transition is possible. */
export function isFinal(s: AmendmentStatus): boolean {
  return AMENDMENT_TRANSITIONS[s].length === 0;
}

/** The request still holds its lines (one active change request per line, SPEC §6). */
export function isActive(s: AmendmentStatus): boolean {
  return !isFinal(s);
}

/** The requester (or OPS) may still withdraw it. */
export function canWithdraw(s: AmendmentStatus): boolean {
  return canTransition(s, 'WITHDRAWN');
}
