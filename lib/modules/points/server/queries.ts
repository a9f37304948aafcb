import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { formatDay, isActive } from "../domain/points.ts";
import { findWithdrawalInReach } from "./views.ts";

/** A withdrawal's running totals and its consumed deposits in deduction order. */
export async function getPointsWithdrawal(db: Db, actor: Actor, withdrawalId: string) {
  authorize(actor, "points.read");
  const w = await findWithdrawalInReach(db, actor, withdrawalId);
  const allocations = await db.pointsAllocation.findMany({ where: { withdrawalId: w.id }, orderBy: { position: "asc" }, include: { deposit: true } });
  return {
    withdrawTransactionId: w.id,
    accountId: w.accountId,
    effectiveAt: w.effectiveAt.toISOString(),
    pointsWithdrawn: w.points,
    pointsCanceled: w.pointsCanceled,
    pointsCancelable: w.pointsCancelable,
    allocations: allocations.map((a) => ({
      depositTransactionId: a.depositId,
      programId: a.deposit.programId ?? "",
      expiresAt: a.deposit.expiresAt ? formatDay(a.deposit.expiresAt) : "",
      pointsWithdrawn: a.pointsWithdrawn,
      pointsCanceled: a.pointsCanceled,
      pointsCancelable: a.pointsCancelable,
    })),
  };
}

export interface PointsHistoryEntry {
  id: string;
  kind: "EARNED" | "REDEEMED" | "REFUNDED";
  programId: string | null;
  points: number;
  remaining: number;
  expiresAt: string | null;
  effectiveAt: string;
  sourceTransactionId: string | null;
}

/**
 * The signed-in person's own points: balance by program and upcoming expiries (active deposits
 * only), and the history newest first. No account → null.
 */
export async function getMyPoints(db: Db, actor: Actor, now: Date = new Date(), historyLimit = 50) {
  authorize(actor, "points.read");
  const account = await db.pointsAccount.findUnique({ where: { ownerEmail: actor.email.toLowerCase() } });
  if (!account) return null;
  const deposits = await db.pointsTransaction.findMany({ where: { accountId: account.id, type: "DEPOSIT", remaining: { gt: 0 } } });
  const active = deposits.filter((d) =>
    isActive({ id: d.id, programId: d.programId ?? "", remaining: d.remaining, effectiveAt: d.effectiveAt, expiresAt: d.expiresAt! }, now),
  );
  const byProgram = new Map<string, number>();
  for (const d of active) byProgram.set(d.programId ?? "", (byProgram.get(d.programId ?? "") ?? 0) + d.remaining);
  const expiries = new Map<string, { expiresAt: string; programId: string; points: number }>();
  for (const d of active) {
    const key = `${formatDay(d.expiresAt!)}|${d.programId}`;
    const e = expiries.get(key) ?? { expiresAt: formatDay(d.expiresAt!), programId: d.programId ?? "", points: 0 };
    e.points += d.remaining;
    expiries.set(key, e);
  }
  const history = await db.pointsTransaction.findMany({
    where: { accountId: account.id },
    orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: historyLimit,
  });
  return {
    accountId: account.id,
    deductionOrder: account.deductionOrder,
    balance: active.reduce((n, d) => n + d.remaining, 0),
    programs: [...byProgram.entries()].map(([programId, points]) => ({ programId, points })).sort((a, b) => a.programId.localeCompare(b.programId)),
    upcomingExpiries: [...expiries.values()].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.programId.localeCompare(b.programId)),
    history: history.map(
      (t): PointsHistoryEntry => ({
        id: t.id,
        kind: t.type === "WITHDRAWAL" ? "REDEEMED" : t.cancellationId ? "REFUNDED" : "EARNED",
        programId: t.programId,
        points: t.points,
        remaining: t.remaining,
        expiresAt: t.expiresAt ? formatDay(t.expiresAt) : null,
        effectiveAt: t.effectiveAt.toISOString(),
        sourceTransactionId: t.sourceTransactionId,
      }),
    ),
  };
}

/**
 * Points given back for an order's POINTS tenders, newest first, with the new deposits and their
 * expiry dates. The caller must already have read the order within the actor's reach.
 */
export async function pointsRefundsForTenders(db: Db, tenderIds: readonly string[]) {
  if (!tenderIds.length) return [];
  const cancellations = await db.pointsCancellation.findMany({
    where: { tenderId: { in: [...tenderIds] }, pointsRefunded: { gt: 0 } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const deposits = await db.pointsTransaction.findMany({ where: { cancellationId: { in: cancellations.map((c) => c.id) } }, orderBy: { createdAt: "asc" } });
  return cancellations.map((c) => ({
    id: c.id,
    tenderId: c.tenderId!,
    cancellationRequestId: c.sourceTransactionId,
    points: c.pointsRefunded,
    amount: c.tenderAmount ?? 0,
    effectiveAt: c.effectiveAt.toISOString(),
    deposits: deposits
      .filter((d) => d.cancellationId === c.id)
      .map((d) => ({ transactionId: d.id, programId: d.programId ?? "", points: d.points, expiresAt: d.expiresAt ? formatDay(d.expiresAt) : "" })),
  }));
}
