import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { CreatePointsAccountInput, PointsDepositInput, PointsWithdrawalInput } from "../contracts/points.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { activeBalance, allocateWithdrawal, parseDay, validateDeposit, validatePoints, type DeductionOrder } from "../domain/points.ts";
import { appendEvents } from "../../audit/server/audit.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { depositView } from "./views.ts";

function accountView(a: { id: string; ownerEmail: string; deductionOrder: string; createdAt: Date }, balance: number) {
  return { id: a.id, ownerEmail: a.ownerEmail, deductionOrder: a.deductionOrder as DeductionOrder, balance, createdAt: a.createdAt.toISOString() };
}

/** Opens a points account for an email (one per owner: a second one is a 409). */
export async function createPointsAccount(db: Db, actor: Actor, input: CreatePointsAccountInput) {
  authorize(actor, "points.write");
  const ownerEmail = input.ownerEmail.trim().toLowerCase();
  return inTransaction(db, async (tx) => {
    if (await tx.pointsAccount.findUnique({ where: { ownerEmail } }))
      throw new DomainError("CONFLICT", `${ownerEmail} already has a points account`, { errors: [{ path: "ownerEmail", message: "already has a points account" }] });
    const owner = await tx.user.findUnique({ where: { email: ownerEmail }, select: { id: true } });
    const account = await tx.pointsAccount.create({
      data: { ownerEmail, ownerId: owner?.id ?? null, deductionOrder: input.deductionOrder, createdById: actor.userId },
    });
    await appendEvents(tx, actor, { type: "PointsAccount", id: account.id }, 1, [
      { type: "PointsAccountOpened", payload: { accountId: account.id, ownerEmail, deductionOrder: account.deductionOrder } },
    ]);
    return accountView(account, 0);
  });
}

function instant(text: string | undefined, now: Date): Date {
  return text ? new Date(text) : now;
}

/** Deposits points into a program with an expiry date; the expiry must be after the effective time. */
export async function depositPoints(db: Db, actor: Actor, accountId: string, input: PointsDepositInput) {
  authorize(actor, "points.write");
  const effectiveAt = instant(input.effectiveAt, new Date());
  const expiresAt = parseDay(input.expiresAt);
  if (!expiresAt) throw validationFailed([{ path: "expiresAt", message: "must be a date such as 2018-07-31" }]);
  const problems = validateDeposit({ points: input.points, expiresAt, effectiveAt });
  if (problems.length) throw validationFailed(problems, "The deposit is not valid");
  return inTransaction(db, async (tx) => {
    const account = await tx.pointsAccount.findUnique({ where: { id: accountId } });
    if (!account) throw notFound("Points account");
    const deposit = await tx.pointsTransaction.create({
      data: {
        accountId,
        type: "DEPOSIT",
        programId: input.programId,
        points: input.points,
        remaining: input.points,
        expiresAt,
        effectiveAt,
        sourceTransactionId: input.sourceTransactionId ?? null,
        actorId: actor.userId,
      },
    });
    await appendEvents(tx, actor, { type: "PointsTransaction", id: deposit.id }, 1, [
      { type: "PointsDeposited", payload: { accountId, transactionId: deposit.id, programId: input.programId, points: input.points, expiresAt: input.expiresAt } },
    ]);
    return depositView(deposit);
  });
}

/**
 * Withdraws points from the active deposits in the account's deduction order and records which
 * deposits it consumed, in order. Each deposit's cached `remaining` is taken with a conditional
 * update, so concurrent withdrawals never take the same points twice (a lost race re-runs).
 */
/** Which active deposits a withdrawal of `points` at `at` takes from, in the account's deduction order (not enough → 409). */
async function planWithdrawal(tx: Tx, account: { id: string; deductionOrder: string }, points: number, at: Date) {
  const deposits = await tx.pointsTransaction.findMany({
    where: { accountId: account.id, type: "DEPOSIT", remaining: { gt: 0 }, effectiveAt: { lte: at }, expiresAt: { gt: at } },
  });
  const balances = deposits.map((d) => ({
    id: d.id,
    programId: d.programId ?? "",
    remaining: d.remaining,
    effectiveAt: d.effectiveAt,
    expiresAt: d.expiresAt!,
    createdAt: d.createdAt,
  }));
  const plan = allocateWithdrawal(balances, points, at, account.deductionOrder as DeductionOrder);
  if (!plan.ok) {
    throw new DomainError("INSUFFICIENT_QUANTITY", `Only ${plan.available} active points are available; ${points} requested`, {
      errors: [{ path: "points", message: `only ${activeBalance(balances, at)} active points available` }],
      available: plan.available,
    });
  }
  return { allocations: plan.allocations, programs: new Map(deposits.map((d) => [d.id, d.programId ?? ""])) };
}

export async function withdrawPoints(db: Db, actor: Actor, accountId: string, input: PointsWithdrawalInput) {
  authorize(actor, "points.write");
  const problems = validatePoints(input.points);
  if (problems.length) throw validationFailed(problems, "The withdrawal is not valid");
  const requestedAt = input.effectiveAt ? new Date(input.effectiveAt) : null;
  return inTransaction(db, async (tx) => {
    const at = requestedAt ?? new Date();
    const account = await tx.pointsAccount.findUnique({ where: { id: accountId } });
    if (!account) throw notFound("Points account");
    const { allocations, programs } = await planWithdrawal(tx, account, input.points, at);
    const withdrawal = await tx.pointsTransaction.create({
      data: {
        accountId,
        type: "WITHDRAWAL",
        points: input.points,
        effectiveAt: at,
        sourceTransactionId: input.sourceTransactionId ?? null,
        pointsCancelable: input.points,
        actorId: actor.userId,
      },
    });
    for (const [i, a] of allocations.entries()) {
      const taken = await tx.pointsTransaction.updateMany({
        where: { id: a.depositId, remaining: { gte: a.points } },
        data: { remaining: { decrement: a.points } },
      });
      if (taken.count !== 1) throw new WriteContention(`points deposit ${a.depositId}`);
      await tx.pointsAllocation.create({
        data: { withdrawalId: withdrawal.id, depositId: a.depositId, position: i + 1, pointsWithdrawn: a.points, pointsCancelable: a.points },
      });
    }
    await appendEvents(tx, actor, { type: "PointsTransaction", id: withdrawal.id }, 1, [
      { type: "PointsWithdrawn", payload: { accountId, transactionId: withdrawal.id, points: input.points, allocations } },
    ]);
    return {
      transactionId: withdrawal.id,
      accountId,
      points: withdrawal.points,
      effectiveAt: withdrawal.effectiveAt.toISOString(),
      sourceTransactionId: withdrawal.sourceTransactionId,
      allocations: allocations.map((a) => ({ depositTransactionId: a.depositId, programId: programs.get(a.depositId) ?? "", points: a.points })),
    };
  });
}
