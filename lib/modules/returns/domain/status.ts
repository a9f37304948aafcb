// Lifecycle of a return (SPEC §7): REQUESTED → (PENDING_APPROVAL → APPROVED) → AWAITING_RECEIPT →
// RECEIVED → COMPLETED, or REJECTED, CANCELLED. Commands check `canTransition` before writing.

export const RETURN_STATUSES = ['REQUESTED', 'PENDING_APPROVAL', 'AWAITING_RECEIPT', 'RECEIVED', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = Object.freeze({
  REQUESTED: Object.freeze(['PENDING_APPROVAL', 'AWAITING_RECEIPT', 'CANCELLED'] as const),
  PENDING_APPROVAL: Object.freeze(['AWAITING_RECEIPT', 'REJECTED', 'CANCELLED'] as const),
  // Received in parts: still awaiting the rest; RECEIVED once every unit is in.
  AWAITING_RECEIPT: Object.freeze(['RECEIVED', 'CANCELLED'] as const),
  // COMPLETED once every receipt's refund is paid.
  RECEIVED: Object.freeze(['COMPLETED'] as const),
  COMPLETED: Object.freeze([] as const),
  REJECTED: Object.freeze([] as const),
  CANCELLED: Object.freeze([] as const),
});

export function isReturnStatus(s: unknown): s is ReturnStatus {
  return typeof s === 'string' && (RETURN_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: string, to: ReturnStatus): boolean {
  return isReturnStatus(from) && RETURN_TRANSITIONS[from].includes(to);
}

/** A return still holding its units: not yet fully received, ended or refused. */
export function isOpen(s: string): boolean {
  return s === 'REQUESTED' || s === 'PENDING_APPROVAL' || s === 'AWAITING_RECEIPT';
}

export const DISPOSITIONS = ['RESTOCK', 'DAMAGED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** A receipt of `quantity` more units of a return line that expects `expected` and has `received`: 'OK' or why not. */
export function checkReceipt(expected: number, received: number, quantity: number): 'OK' | 'INVALID_QUANTITY' | 'MORE_THAN_EXPECTED' {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return 'INVALID_QUANTITY';
  return received + quantity > expected ? 'MORE_THAN_EXPECTED' : 'OK';
}

/** A return may be called off until its first unit arrives: while it waits for approval or for the units. */
export function canCancelReturn(r: { status: string; lines: readonly { received: number }[] }): boolean {
  return canTransition(r.status, 'CANCELLED') && r.lines.every((l) => l.received === 0);
}
