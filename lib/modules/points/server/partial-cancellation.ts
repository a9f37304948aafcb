import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { PointsPartialCancellationInput } from "../contracts/points.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { allocateRefund, pointsForTenderRefund, refundExpiry, validatePoints } from "../domain/points.ts";
import { appendEvents } from "../../audit/server/audit.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { cancellationView, findWithdrawalInReach, type PointsCancellationView } from "./views.ts";

type Withdrawal = { id: string; accountId: string; points: number; effectiveAt: Date };

/** Takes `points` off the withdrawal's cached cancelable total (a conditional update); more than is left → 409 OVER_REFUND. */
async function takeCancelable(tx: Tx, withdrawalId: string, points: number): Promise<void> {
  const taken = await tx.pointsTransaction.updateMany({
    where: { id: withdrawalId, pointsCancelable: { gte: points } },
    data: { pointsCanceled: { increment: points }, pointsCancelable: { decrement: points } },
  });
  if (taken.count !== 1) {
    const current = await tx.pointsTransaction.findUniqueOrThrow({ where: { id: withdrawalId }, select: { pointsCancelable: true } });
    throw new DomainError("OVER_REFUND", `Only ${current.pointsCancelable} points of this withdrawal can still be refunded; ${points} requested`, {
      errors: [{ path: "pointsToRefund", message: `at most ${current.pointsCancelable} points can still be refunded` }],
      pointsCancelable: current.pointsCancelable,
    });
  }
}

/**
 * Refunds the consumed deposits in reverse deduction order, each with a new deposit: same program,
 * expiry = cancellation day + the days the deposit had left at redemption.
 */
async function refundDeposits(
  tx: Tx,
  actor: Actor,
  withdrawal: Withdrawal,
  cancellationId: string,
  input: { sourceTransactionId: string; points: number; effectiveAt: Date },
): Promise<void> {
  const allocations = await tx.pointsAllocation.findMany({ where: { withdrawalId: withdrawal.id }, orderBy: { position: "asc" }, include: { deposit: true } });
  const plan = allocateRefund(allocations, input.points);
  // The withdrawal's total was taken above, so the per-deposit totals must cover it.
  if (!plan.ok) throw new WriteContention(`points withdrawal ${withdrawal.id}`);
  for (const r of plan.refunds) {
    const allocation = allocations.find((a) => a.depositId === r.depositId)!;
    const taken = await tx.pointsAllocation.updateMany({
      where: { id: allocation.id, pointsCancelable: { gte: r.points } },
      data: { pointsCanceled: { increment: r.points }, pointsCancelable: { decrement: r.points } },
    });
    if (taken.count !== 1) throw new WriteContention(`points allocation ${allocation.id}`);
    await tx.pointsTransaction.create({
      data: {
        accountId: withdrawal.accountId,
        type: "DEPOSIT",
        programId: allocation.deposit.programId,
        points: r.points,
        remaining: r.points,
        expiresAt: refundExpiry(allocation.deposit.expiresAt!, withdrawal.effectiveAt, input.effectiveAt),
        effectiveAt: input.effectiveAt,
        sourceTransactionId: input.sourceTransactionId,
        cancellationId,
        refundsDepositId: allocation.depositId,
        actorId: actor.userId,
      },
    });
  }
}

/**
 * Gives back `points` of a withdrawal (SPEC §8): the withdrawal's cached cancelable total is taken
 * first with a conditional update (the row lock that orders concurrent cancellations on
 * PostgreSQL), then the consumed deposits are refunded in reverse deduction order with a new
 * deposit each — same program, expiry = cancellation day + the days the deposit had left at
 * redemption. Existing transactions are never changed apart from the cached running totals.
 */
async function applyCancellation(
  tx: Tx,
  actor: Actor,
  withdrawal: Withdrawal,
  input: { sourceTransactionId: string; points: number; effectiveAt: Date; tenderId?: string; tenderAmount?: number; causeKey?: string },
): Promise<string> {
  if (input.points > 0) await takeCancelable(tx, withdrawal.id, input.points);
  const cancellation = await tx.pointsCancellation.create({
    data: {
      withdrawalId: withdrawal.id,
      sourceTransactionId: input.sourceTransactionId,
      pointsRefunded: input.points,
      effectiveAt: input.effectiveAt,
      tenderId: input.tenderId ?? null,
      tenderAmount: input.tenderAmount ?? null,
      causeKey: input.causeKey ?? null,
      actorId: actor.userId,
    },
  });
  if (input.points > 0) await refundDeposits(tx, actor, withdrawal, cancellation.id, input);
  await appendEvents(tx, actor, { type: "PointsCancellation", id: cancellation.id }, 1, [
    {
      type: "PointsRefunded",
      payload: { cancellationId: cancellation.id, withdrawTransactionId: withdrawal.id, sourceTransactionId: input.sourceTransactionId, points: input.points },
    },
  ]);
  return cancellation.id;
}

/**
 * Partial cancellation of a withdrawal. sourceTransactionId is the caller's reference, carried by
 * the new deposits, not a de-duplication key: every call is a refund of its own (an HTTP retry is
 * answered from the Idempotency-Key record before it gets here). More than is still cancelable →
 * 409 OVER_REFUND; an effective time before the withdrawal → 422. Either way nothing is created.
 */
export async function cancelPointsWithdrawal(db: Db, actor: Actor, input: PointsPartialCancellationInput): Promise<PointsCancellationView> {
  authorize(actor, "points.write");
  const problems = validatePoints(input.pointsToRefund, "pointsToRefund");
  if (problems.length) throw validationFailed(problems, "The cancellation is not valid");
  const requestedAt = input.effectiveAt ? new Date(input.effectiveAt) : null;
  return inTransaction(db, async (tx) => {
    const withdrawal = await findWithdrawalInReach(tx, actor, input.withdrawTransactionId);
    // Take the withdrawal's row lock before looking for the order it pays, so on PostgreSQL an
    // intake using this withdrawal as a POINTS tender either commits first (seen below) or waits.
    await tx.pointsTransaction.updateMany({ where: { id: withdrawal.id }, data: { pointsCanceled: { increment: 0 } } });
    // Points that paid an order go back with the order's money (a cancellation of its items), so
    // the order's tender and the points ledger never tell different stories.
    const tender = await tx.paymentTender.findUnique({ where: { pointsWithdrawTransactionId: withdrawal.id }, select: { order: { select: { number: true } } } });
    if (tender) {
      throw new DomainError("CONFLICT", `This withdrawal pays order ${tender.order.number}; cancel the order's items to give its points back`, {
        errors: [{ path: "withdrawTransactionId", message: `pays order ${tender.order.number}: cancel items of that order instead` }],
      });
    }
    const effectiveAt = requestedAt ?? new Date();
    if (effectiveAt.getTime() < withdrawal.effectiveAt.getTime()) {
      throw validationFailed([{ path: "effectiveAt", message: `must not be before the withdrawal (${withdrawal.effectiveAt.toISOString()})` }], "The cancellation is not valid");
    }
    const id = await applyCancellation(tx, actor, withdrawal, { sourceTransactionId: input.sourceTransactionId, points: input.pointsToRefund, effectiveAt });
    return cancellationView(tx, id);
  });
}

/**
 * Gives back the points share of a money refund on an order's POINTS tender, as a partial
 * cancellation of the tender's withdrawal with sourceTransactionId = the cancellation request's id.
 * Points = cumulative round-half-up share of the points withdrawn for the money refunded on the
 * tender so far (see pointsForTenderRefund), computed under the withdrawal's row lock from the
 * tender's earlier points refunds, so partial refunds add up to exactly what one would give.
 * Exactly once per `causeKey` (the refund's, unique on points_cancellations): a retried refund
 * returns the first result.
 */
export async function refundPointsTender(
  db: Db,
  actor: Actor,
  input: { tenderId: string; withdrawalId: string; tenderAmount: number; amount: number; sourceTransactionId: string; causeKey: string; effectiveAt?: Date },
): Promise<PointsCancellationView> {
  return inTransaction(db, async (tx) => {
    // Touch the withdrawal first: its row lock serialises refunds of this tender on PostgreSQL.
    const locked = await tx.pointsTransaction.updateMany({ where: { id: input.withdrawalId, type: "WITHDRAWAL" }, data: { pointsCanceled: { increment: 0 } } });
    if (locked.count !== 1) throw notFound("Points withdrawal");
    const existing = await tx.pointsCancellation.findUnique({ where: { causeKey: input.causeKey }, select: { id: true } });
    if (existing) return cancellationView(tx, existing.id);
    const withdrawal = await tx.pointsTransaction.findUniqueOrThrow({ where: { id: input.withdrawalId } });
    const prior = await tx.pointsCancellation.aggregate({ where: { tenderId: input.tenderId }, _sum: { tenderAmount: true, pointsRefunded: true } });
    const points = Math.min(
      withdrawal.pointsCancelable,
      pointsForTenderRefund({
        pointsWithdrawn: withdrawal.points,
        tenderAmount: input.tenderAmount,
        moneyRefundedBefore: prior._sum.tenderAmount ?? 0,
        amountNow: input.amount,
        pointsRefundedBefore: prior._sum.pointsRefunded ?? 0,
      }),
    );
    const now = input.effectiveAt ?? new Date();
    const effectiveAt = now.getTime() < withdrawal.effectiveAt.getTime() ? withdrawal.effectiveAt : now;
    const id = await applyCancellation(tx, actor, withdrawal, {
      sourceTransactionId: input.sourceTransactionId,
      points,
      effectiveAt,
      tenderId: input.tenderId,
      tenderAmount: input.amount,
      causeKey: input.causeKey,
    });
    return cancellationView(tx, id);
  });
}
