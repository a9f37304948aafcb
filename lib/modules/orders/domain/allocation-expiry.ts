// Allocations that expire: units allocated while ALLOCATION_EXPIRY_MINUTES is set carry an expiry;
// the allocation-expiry job gives the expired ones back to OPEN.

const MINUTE = 60_000;

/** When units allocated at `now` expire (null: allocations never expire). */
export function allocationExpiresAt(now: Date, minutes: number | null | undefined): Date | null {
  return minutes && minutes > 0 ? new Date(now.getTime() + minutes * MINUTE) : null;
}

export type AllocationRecord = { quantity: number; allocatedAt: Date; expiresAt: Date };

/**
 * How many of a line's allocated units have expired. Units leave ALLOCATED oldest first (released,
 * cancelled…), so the `allocated` units still there are the newest allocations' units: walking the
 * records newest first, each covers up to its quantity of what is left; the units an expired
 * record covers are expired. Units no record covers (allocated while expiry was off) never expire.
 */
export function expiredAllocatedUnits(allocated: number, records: readonly AllocationRecord[], now: Date): number {
  const newestFirst = [...records].sort((a, b) => b.allocatedAt.getTime() - a.allocatedAt.getTime());
  let left = Math.max(0, allocated);
  let expired = 0;
  for (const r of newestFirst) {
    if (left <= 0) break;
    const covered = Math.min(left, r.quantity);
    if (r.expiresAt.getTime() <= now.getTime()) expired += covered;
    left -= covered;
  }
  return expired;
}
