import type { Actor } from "../../../platform/auth/actor.ts";
import { isOps } from "../../../platform/auth/actor.ts";
import type { Tx } from "../../../platform/db/client.ts";
import { notFound } from "../../../platform/errors.ts";
import { formatDay } from "../domain/points.ts";

type DepositRow = {
  id: string;
  accountId: string;
  programId: string | null;
  points: number;
  remaining: number;
  expiresAt: Date | null;
  effectiveAt: Date;
  sourceTransactionId: string | null;
  refundsDepositId: string | null;
};

export function depositView(d: DepositRow) {
  return {
    transactionId: d.id,
    accountId: d.accountId,
    programId: d.programId ?? "",
    points: d.points,
    remaining: d.remaining,
    expiresAt: d.expiresAt ? formatDay(d.expiresAt) : "",
    effectiveAt: d.effectiveAt.toISOString(),
    sourceTransactionId: d.sourceTransactionId,
    refundsDepositTransactionId: d.refundsDepositId,
  };
}

/** A partial cancellation with the withdrawal's running totals and the deposits it created. */
export async function cancellationView(tx: Tx, cancellationId: string) {
  const c = await tx.pointsCancellation.findUniqueOrThrow({ where: { id: cancellationId }, include: { withdrawal: true } });
  const deposits = await tx.pointsTransaction.findMany({ where: { cancellationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  // Deposits are created in refund order (last consumed first); keep that order for the reader.
  const order = new Map<string, number>();
  const allocations = await tx.pointsAllocation.findMany({ where: { withdrawalId: c.withdrawalId }, select: { depositId: true, position: true } });
  for (const a of allocations) order.set(a.depositId, a.position);
  deposits.sort((a, b) => (order.get(b.refundsDepositId ?? "") ?? 0) - (order.get(a.refundsDepositId ?? "") ?? 0));
  return {
    id: c.id,
    withdrawTransactionId: c.withdrawalId,
    sourceTransactionId: c.sourceTransactionId,
    pointsRefunded: c.pointsRefunded,
    effectiveAt: c.effectiveAt.toISOString(),
    pointsWithdrawn: c.withdrawal.points,
    pointsCanceled: c.withdrawal.pointsCanceled,
    pointsCancelable: c.withdrawal.pointsCancelable,
    deposits: deposits.map((d) => ({
      transactionId: d.id,
      programId: d.programId ?? "",
      points: d.points,
      expiresAt: d.expiresAt ? formatDay(d.expiresAt) : "",
      sourceTransactionId: d.sourceTransactionId ?? c.sourceTransactionId,
      refundsDepositTransactionId: d.refundsDepositId ?? "",
    })),
  };
}
export type PointsCancellationView = Awaited<ReturnType<typeof cancellationView>>;

/** Accounts the actor reaches: OPS all, anyone else only their own (by email). Out of reach = 404. */
export function accountReachWhere(actor: Actor): { ownerEmail?: string } {
  return isOps(actor) ? {} : { ownerEmail: actor.email.toLowerCase() };
}

export async function findWithdrawalInReach(tx: Tx, actor: Actor, withdrawalId: string) {
  const w = await tx.pointsTransaction.findFirst({
    where: { id: withdrawalId, type: "WITHDRAWAL", account: accountReachWhere(actor) },
  });
  if (!w) throw notFound("Points withdrawal", { errors: [{ path: "withdrawTransactionId", message: `no withdrawal ${withdrawalId}` }] });
  return w;
}
