import { formatMoney } from "../../../platform/money/money.ts";
import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { paymentGateway, type PaymentGateway, type RefundOutcome } from "../../payments/server/gateway.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { causeHandler, causeOf, causeWhere, settleCause, type Cause, type CauseRef } from "./causes.ts";
import { resolveCaseOfTask } from "./task-fallout.ts";

type Adjustment = Awaited<ReturnType<Tx["financialAdjustment"]["findFirstOrThrow"]>>;

/** Adjustments still owed: never tried, failed, or with an unknown outcome (gateway timed out). */
export const OUTSTANDING_REFUND = ["PENDING", "FAILED", "UNKNOWN"];

/** The financial adjustment type of money charged to a tender (an amendment); every other type is money paid back. */
export const CHARGE_ADJUSTMENT = "CHARGE";
/** Only adjustments that pay money back. */
export const REFUNDS_ONLY = { type: { not: CHARGE_ADJUSTMENT } } as const;

/**
 * Books one tender refund as paid: tender and order refunded amounts, never above what was paid.
 * Only an adjustment still outstanding is booked (a runner that took over an expired lease may have
 * booked it already): returns whether this call booked it.
 */
async function bookRefund(tx: Tx, order: LockedOrder, adj: Adjustment, reference: string): Promise<boolean> {
  const { count } = await tx.financialAdjustment.updateMany({
    where: { id: adj.id, status: { in: OUTSTANDING_REFUND } },
    data: { status: "SUCCEEDED", processorReference: reference, failureReason: null, attempts: { increment: 1 } },
  });
  if (count !== 1) return false;
  const tender = await tx.paymentTender.findUniqueOrThrow({ where: { id: adj.tenderId }, select: { id: true, amount: true } });
  const tenderOk = await tx.paymentTender.updateMany({
    where: { id: tender.id, refunded: { lte: tender.amount - adj.amount } },
    data: { refunded: { increment: adj.amount } },
  });
  const orderOk = await tx.order.updateMany({
    where: { id: order.id, refunded: { lte: order.total - adj.amount } },
    data: { refunded: { increment: adj.amount } },
  });
  if (tenderOk.count !== 1 || orderOk.count !== 1) throw new Error(`Refund ${adj.id} would exceed what was paid`);
  return true;
}

/** All of the cause's tender refunds are paid: what the cause concerns follows (its handler books it); the task is DONE. */
async function finishRefundTask(tx: Tx, taskId: string, cause: Cause, evidence?: { text: string; by: string }) {
  await causeHandler(cause.type).refundPaid(tx, cause.id, taskId);
  const references = await tx.financialAdjustment.findMany({ where: { ...causeWhere(cause), ...REFUNDS_ONLY }, select: { tenderMethod: true, amount: true, processorReference: true } });
  await tx.compensationTask.update({
    where: { id: taskId },
    data: {
      status: "DONE",
      lastError: null,
      completedAt: new Date(),
      output: { refunds: references },
      ...(evidence ? { evidence: evidence.text, completedById: evidence.by } : {}),
    },
  });
}

/** The task as the job read it (the runner holds its lease). */
export type RefundTaskRow = { id: string; status: string; orderId: string; attempts: number; causeType: string; causeId: string };

export type RefundRun = { done: true; refunded: number } | { done: false; failures: string[]; outcomeUnknown: boolean };

/**
 * Runs a cause's ISSUE_REFUND task (the job runner holds its lease, so one runner at a time):
 * asks the gateway for each outstanding tender refund with the adjustment's stable key — a retry,
 * including after a timeout whose outcome was unknown, sends the same key, so the gateway returns
 * the first result instead of paying twice — then records the outcome under the order lock:
 * refunded amounts on tenders and the order, never above what was paid, and on whatever the cause
 * concerns through its handler. A declined or failed refund leaves the task (and the cause) FAILED with the reason until a retry
 * succeeds; a timeout leaves it pending (outcome unknown), to be asked again.
 */
export async function runRefundTask(db: Db, actor: Actor, task: RefundTaskRow, gateway: PaymentGateway = paymentGateway(db), now = new Date()): Promise<RefundRun> {
  if (task.status === "DONE" || task.status === "CANCELLED") return { done: true, refunded: 0 };
  const cause = causeOf(task);
  const ref = causeHandler(cause.type).ref(cause.id);
  await db.compensationTask.updateMany({
    where: { id: task.id, status: { in: ["PENDING", "FAILED", "IN_PROGRESS"] } },
    data: { status: "IN_PROGRESS", attempts: { increment: 1 } },
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: task.orderId }, select: { currency: true } });
  const adjustments = await db.financialAdjustment.findMany({ where: { ...causeWhere(cause), ...REFUNDS_ONLY, status: { in: OUTSTANDING_REFUND } }, orderBy: { createdAt: "asc" } });
  const outcomes = await askGateway(gateway, adjustments, order.currency);

  return inTransaction(db, async (tx): Promise<RefundRun> => {
    const locked = await lockOrder(tx, task.orderId, {});
    const { refundedNow, failures, hardFailure } = await bookOutcomes(tx, locked, adjustments, outcomes);
    if (failures.length) {
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: hardFailure ? "FAILED" : "PENDING", lastError: failures.join("; ") } });
    } else {
      await finishRefundTask(tx, task.id, cause);
      await resolveCaseOfTask(tx, actor, locked, task.id, `refund paid after ${task.attempts + 1} attempt(s)`, now);
    }
    await recordRefundRun(tx, actor, locked, ref, { refundedNow, failures, hardFailure });
    await settleCause(tx, actor, locked, cause);
    return failures.length ? { done: false, failures, outcomeUnknown: !hardFailure } : { done: true, refunded: refundedNow };
  });
}

/** One gateway call per outstanding tender refund, outside any transaction (keyed by the adjustment's causeKey). */
async function askGateway(gateway: PaymentGateway, adjustments: readonly Adjustment[], currency: string) {
  const outcomes = new Map<string, RefundOutcome>();
  for (const adj of adjustments) {
    try {
      outcomes.set(
        adj.id,
        await gateway.refund({ idempotencyKey: adj.causeKey, orderId: adj.orderId, tenderId: adj.tenderId, tenderMethod: adj.tenderMethod, amount: adj.amount, currency }),
      );
    } catch (e) {
      outcomes.set(adj.id, { ok: false, kind: "TRANSIENT", reason: `gateway error: ${(e as Error).message}` });
    }
  }
  return outcomes;
}

/** Under the order lock: a paid refund is booked, a failed one recorded (TIMEOUT = outcome unknown, asked again). */
async function bookOutcomes(tx: Tx, locked: LockedOrder, adjustments: readonly Adjustment[], outcomes: ReadonlyMap<string, RefundOutcome>) {
  let refundedNow = 0;
  const failures: string[] = [];
  let hardFailure = false;
  for (const adj of adjustments) {
    const outcome = outcomes.get(adj.id)!;
    if (!outcome.ok) {
      failures.push(`${adj.tenderMethod} ${adj.amount}: ${outcome.reason}`);
      if (outcome.kind !== "TIMEOUT") hardFailure = true;
      await tx.financialAdjustment.update({
        where: { id: adj.id },
        data: { status: outcome.kind === "TIMEOUT" ? "UNKNOWN" : "FAILED", failureReason: outcome.reason, attempts: { increment: 1 } },
      });
      continue;
    }
    if (await bookRefund(tx, locked, adj, outcome.reference)) refundedNow += adj.amount;
  }
  return { refundedNow, failures, hardFailure };
}

async function recordRefundRun(
  tx: Tx,
  actor: Actor,
  locked: LockedOrder,
  ref: CauseRef,
  run: { refundedNow: number; failures: string[]; hardFailure: boolean },
) {
  const { refundedNow, failures, hardFailure } = run;
  await recordOrderCommand(
    tx,
    actor,
    locked,
    {
      action: failures.length ? "REFUND_FAILED" : "REFUND_PROCESSED",
      description: failures.length
        ? `Refund ${hardFailure ? "failed" : "outcome unknown, will ask again"}: ${failures.join("; ")}`
        : `Refunded ${formatMoney(refundedNow, locked.currency)} to the original payment`,
      data: { ...ref, refundedNow, failures },
    },
    [
      failures.length
        ? { type: "PaymentRefundFailed", payload: { ...ref, failures, outcomeUnknown: !hardFailure } }
        : { type: "PaymentRefundProcessed", payload: { ...ref, amount: refundedNow } },
    ],
  );
}

/**
 * OPS repaired a refund outside the gateway (fallout resolution with evidence): the outstanding
 * tender refunds are booked as paid with a manual reference, inside the caller's transaction.
 */
export async function bookManualRefund(tx: Tx, order: LockedOrder, task: { id: string; causeType: string; causeId: string }, evidence: { text: string; by: string; reference: string }) {
  const cause = causeOf(task);
  const outstanding = await tx.financialAdjustment.findMany({ where: { ...causeWhere(cause), ...REFUNDS_ONLY, status: { in: OUTSTANDING_REFUND } } });
  let booked = 0;
  for (const adj of outstanding) if (await bookRefund(tx, order, adj, evidence.reference)) booked += adj.amount;
  await finishRefundTask(tx, task.id, cause, evidence);
  return booked;
}
