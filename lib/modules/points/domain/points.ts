// Loyalty points rules (SPEC §8): which deposits a withdrawal consumes, how a partial cancellation
// gives points back (reverse deduction order, same program, expiry extended by the days the
// consumed deposit had left at redemption), the running totals, and how an order's POINTS tender
// turns money refunds into points. Pure: no I/O, dates are UTC calendar days.
import type { FieldError } from '../../../platform/errors.ts';
import { cumulativeShare } from '../../../platform/money/rounding.ts';

export { daysLeftAtRedemption, formatDay, parseDay, refundExpiry, utcDay } from './days.ts';

export const DEDUCTION_ORDERS = ['FIFO', 'EARLIEST_EXPIRY'] as const;
export type DeductionOrder = (typeof DEDUCTION_ORDERS)[number];

/** Upper bound for any points amount, far below 2^53 so sums stay exact. */
export const MAX_POINTS = 1_000_000_000;

export interface DepositBalance {
  id: string;
  programId: string;
  /** Points not yet withdrawn. */
  remaining: number;
  /** When the deposit becomes usable (its creation for FIFO). */
  effectiveAt: Date;
  /** First instant the points are no longer usable (a UTC midnight). */
  expiresAt: Date;
  /** Tie-breaker for deposits with the same effective time: creation order. */
  createdAt?: Date;
}

export interface Allocation {
  depositId: string;
  points: number;
}

/** Active at `at`: already effective, not yet expired, points left. */
export function isActive(d: DepositBalance, at: Date): boolean {
  return d.remaining > 0 && d.effectiveAt.getTime() <= at.getTime() && at.getTime() < d.expiresAt.getTime();
}

function byCreation(a: DepositBalance, b: DepositBalance): number {
  return (
    a.effectiveAt.getTime() - b.effectiveAt.getTime() ||
    (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Deposits in the order a withdrawal deducts from them. */
export function deductionSequence<T extends DepositBalance>(deposits: readonly T[], order: DeductionOrder): T[] {
  const sorted = [...deposits];
  if (order === 'FIFO') sorted.sort(byCreation);
  else sorted.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || byCreation(a, b));
  return sorted;
}

export function activeBalance(deposits: readonly DepositBalance[], at: Date): number {
  return deposits.filter((d) => isActive(d, at)).reduce((n, d) => n + d.remaining, 0);
}

export type WithdrawalPlan = { ok: true; allocations: Allocation[] } | { ok: false; available: number };

/** Takes `points` from the active deposits in deduction order; not enough active points → ok: false. */
export function allocateWithdrawal(deposits: readonly DepositBalance[], points: number, at: Date, order: DeductionOrder): WithdrawalPlan {
  assertPoints(points);
  const active = deductionSequence(
    deposits.filter((d) => isActive(d, at)),
    order,
  );
  const available = active.reduce((n, d) => n + d.remaining, 0);
  if (available < points) return { ok: false, available };
  const allocations: Allocation[] = [];
  let left = points;
  for (const d of active) {
    if (left === 0) break;
    const take = Math.min(d.remaining, left);
    allocations.push({ depositId: d.id, points: take });
    left -= take;
  }
  return { ok: true, allocations };
}

/** Running totals of one consumed deposit within a withdrawal (seed 003's canceled_order_transaction). */
export interface AllocationTotals {
  depositId: string;
  pointsWithdrawn: number;
  pointsCanceled: number;
  pointsCancelable: number;
}

/** Running totals of a withdrawal (seed 003's canceled_order). */
export interface WithdrawalTotals {
  pointsWithdrawn: number;
  pointsCanceled: number;
  pointsCancelable: number;
}

export function totalsOf(allocations: readonly AllocationTotals[]): WithdrawalTotals {
  return allocations.reduce(
    (t, a) => ({
      pointsWithdrawn: t.pointsWithdrawn + a.pointsWithdrawn,
      pointsCanceled: t.pointsCanceled + a.pointsCanceled,
      pointsCancelable: t.pointsCancelable + a.pointsCancelable,
    }),
    { pointsWithdrawn: 0, pointsCanceled: 0, pointsCancelable: 0 },
  );
}

export type RefundPlan = { ok: true; refunds: Allocation[] } | { ok: false; cancelable: number };

/**
 * Gives `points` back in the reverse of the deduction order: `allocations` are in deduction order
 * (position 1 first); the last consumed deposit is refunded first. More than cancelable → ok: false.
 */
export function allocateRefund(allocations: readonly AllocationTotals[], points: number): RefundPlan {
  assertPoints(points);
  const cancelable = allocations.reduce((n, a) => n + a.pointsCancelable, 0);
  if (points > cancelable) return { ok: false, cancelable };
  const refunds: Allocation[] = [];
  let left = points;
  for (let i = allocations.length - 1; i >= 0 && left > 0; i--) {
    const a = allocations[i]!;
    const take = Math.min(a.pointsCancelable, left);
    if (take > 0) refunds.push({ depositId: a.depositId, points: take });
    left -= take;
  }
  return { ok: true, refunds };
}

/** Totals after applying a refund plan; the input is not changed. */
export function applyRefund(allocations: readonly AllocationTotals[], refunds: readonly Allocation[]): AllocationTotals[] {
  const by = new Map(refunds.map((r) => [r.depositId, r.points]));
  return allocations.map((a) => {
    const n = by.get(a.depositId) ?? 0;
    if (n > a.pointsCancelable) throw new RangeError(`refund of ${n} exceeds cancelable ${a.pointsCancelable} of ${a.depositId}`);
    return { ...a, pointsCanceled: a.pointsCanceled + n, pointsCancelable: a.pointsCancelable - n };
  });
}

function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0 || points > MAX_POINTS) throw new RangeError(`points must be a positive whole number, got ${points}`);
}

/** Field errors for a points amount (zero, negative, fractional or too large). */
export function validatePoints(points: number, path = 'points'): FieldError[] {
  if (typeof points !== 'number' || !Number.isFinite(points) || !Number.isInteger(points)) return [{ path, message: 'must be a whole number of points' }];
  if (points <= 0) return [{ path, message: 'must be at least 1 point' }];
  if (points > MAX_POINTS) return [{ path, message: `must be at most ${MAX_POINTS}` }];
  return [];
}

/** A deposit must carry points and expire after it becomes effective. */
export function validateDeposit(input: { points: number; expiresAt: Date; effectiveAt: Date }): FieldError[] {
  const problems = validatePoints(input.points);
  if (input.expiresAt.getTime() <= input.effectiveAt.getTime())
    problems.push({ path: 'expiresAt', message: 'must be after the deposit becomes effective (effectiveAt)' });
  return problems;
}

/**
 * Points to give back for a money refund of an order's POINTS tender. The tender paid `tenderAmount`
 * (minor units) with `pointsWithdrawn` points; after this refund the tender has refunded
 * `moneyRefundedBefore + amountNow` in total, which is worth round_half_up(points × money / amount)
 * points cumulatively. The refund is that minus the points already given back for the tender, so
 * several partial refunds give back exactly what one refund of the sum would, and never more than
 * was withdrawn.
 */
export function pointsForTenderRefund(input: {
  pointsWithdrawn: number;
  tenderAmount: number;
  moneyRefundedBefore: number;
  amountNow: number;
  pointsRefundedBefore: number;
}): number {
  const { pointsWithdrawn, tenderAmount, moneyRefundedBefore, amountNow, pointsRefundedBefore } = input;
  if (tenderAmount <= 0) throw new RangeError('tenderAmount must be positive');
  const money = Math.min(tenderAmount, moneyRefundedBefore + amountNow);
  const cumulative = cumulativeShare(pointsWithdrawn, money, tenderAmount);
  return Math.max(0, Math.min(pointsWithdrawn, cumulative) - pointsRefundedBefore);
}
