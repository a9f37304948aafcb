import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { paymentGateway, type ChargeOutcome, type PaymentGateway } from "../../payments/server/gateway.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, type LockedOrder } from "../../orders/server/order-command.ts";
import { causeHandler, causeOf, causeWhere, type Cause } from "./causes.ts";
import { CHARGE_ADJUSTMENT, OUTSTANDING_REFUND } from "./refunds.ts";

/** The compensation task that collects a cause's charge before what it pays for happens. */
export const COLLECT_CHARGE = "COLLECT_CHARGE";

type Adjustment = Awaited<ReturnType<Tx["financialAdjustment"]["findFirstOrThrow"]>>;

/**
 * Records what a cause will charge, one CHARGE adjustment per tender with a share (keyed per cause
 * and tender, the gateway's idempotency key), and the automatic task that collects it.
 */
export async function recordChargeOwed(tx: Tx, order: { id: string }, cause: Cause, byTender: readonly { tenderId: string; method: string; amount: number }[]) {
  const parts = byTender.filter((p) => p.amount > 0);
  for (const part of parts) {
    await tx.financialAdjustment.create({
      data: {
        causeKey: `${cause.id}:charge:${part.tenderId}`,
        orderId: order.id,
        causeType: cause.type,
        causeId: cause.id,
        tenderId: part.tenderId,
        tenderMethod: part.method,
        type: CHARGE_ADJUSTMENT,
        refundMethod: "ORIGINAL_PAYMENT",
        amount: part.amount,
        netAmount: part.amount,
        status: "PENDING",
      },
    });
  }
  return tx.compensationTask.create({
    data: {
      causeKey: `${cause.id}:${COLLECT_CHARGE}`,
      orderId: order.id,
      causeType: cause.type,
      causeId: cause.id,
      type: COLLECT_CHARGE,
      mode: "AUTOMATIC",
      status: "PENDING",
      amount: parts.reduce((n, p) => n + p.amount, 0),
      input: { byTender: parts.map((p) => ({ tenderId: p.tenderId, amount: p.amount })) },
      reversibility: "AUTOMATIC",
      externalEffect: "PAYMENT",
    },
  });
}

/** A collected charge: the tender paid more, and so did the order (its total is what its tenders paid). */
async function bookCharge(tx: Tx, order: LockedOrder, adj: Adjustment, reference: string) {
  await tx.paymentTender.update({ where: { id: adj.tenderId }, data: { amount: { increment: adj.amount } } });
  await tx.order.update({ where: { id: order.id }, data: { total: { increment: adj.amount } } });
  await tx.financialAdjustment.update({ where: { id: adj.id }, data: { status: "SUCCEEDED", processorReference: reference, failureReason: null, attempts: { increment: 1 } } });
}

export type ChargeRun = { done: true; charged: number } | { done: false; retry: boolean; reason: string };

async function askGateway(gateway: PaymentGateway, adjustments: readonly Adjustment[], currency: string) {
  const outcomes = new Map<string, ChargeOutcome>();
  for (const adj of adjustments) {
    const call = { idempotencyKey: adj.causeKey, orderId: adj.orderId, tenderId: adj.tenderId, tenderMethod: adj.tenderMethod, amount: adj.amount, currency };
    try {
      outcomes.set(adj.id, await gateway.charge(call));
    } catch (e) {
      outcomes.set(adj.id, { ok: false, kind: "TRANSIENT", reason: `gateway error: ${(e as Error).message}` });
    }
  }
  return outcomes;
}

/**
 * Runs a cause's COLLECT_CHARGE task (the job runner holds its lease): asks the gateway for each
 * outstanding charge with its stable key — outside any transaction; a retry after a lost answer
 * sends the same key, so nothing is charged twice — then, under the order lock: every share
 * collected → booked on tenders and order, the task DONE and the cause told (what it charged for
 * happens now); a share declined → the cause is told and the shares already collected are left
 * for the cause to refund; otherwise (unavailable, timed out) the task waits for the runner's retry.
 */
export async function runChargeTask(db: Db, actor: Actor, taskId: string, gateway: PaymentGateway = paymentGateway(db)): Promise<ChargeRun> {
  const task = await db.compensationTask.findUniqueOrThrow({ where: { id: taskId } });
  if (task.status === "DONE" || task.status === "CANCELLED") return { done: true, charged: 0 };
  const cause = causeOf(task);
  const order = await db.order.findUniqueOrThrow({ where: { id: task.orderId }, select: { currency: true } });
  const adjustments = await db.financialAdjustment.findMany({ where: { ...causeWhere(cause), type: CHARGE_ADJUSTMENT, status: { in: OUTSTANDING_REFUND } }, orderBy: { createdAt: "asc" } });
  const outcomes = await askGateway(gateway, adjustments, order.currency);

  const declined = [...outcomes.values()].some((o) => !o.ok && o.kind === "DECLINED");
  const settled = declined || [...outcomes.values()].every((o) => o.ok);
  if (!settled) return chargeLater(db, task.id, adjustments, outcomes);

  return inTransaction(db, async (tx): Promise<ChargeRun> => {
    const claimed = await tx.compensationTask.updateMany({ where: { id: task.id, status: { in: ["PENDING", "IN_PROGRESS"] } }, data: { status: "IN_PROGRESS", attempts: { increment: 1 } } });
    if (claimed.count !== 1) return { done: true, charged: 0 };
    const locked = await lockOrder(tx, task.orderId, {});
    let charged = 0;
    const failures: string[] = [];
    for (const adj of adjustments) {
      const outcome = outcomes.get(adj.id)!;
      if (outcome.ok) {
        await bookCharge(tx, locked, adj, outcome.reference);
        charged += adj.amount;
        continue;
      }
      failures.push(`${adj.tenderMethod} ${adj.amount}: ${outcome.reason}`);
      await tx.financialAdjustment.update({ where: { id: adj.id }, data: { status: statusOf(outcome), failureReason: outcome.reason, attempts: { increment: 1 } } });
    }
    const handler = causeHandler(cause.type);
    if (declined) {
      const reason = `charge declined: ${failures.join("; ")}`;
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: "CANCELLED", lastError: reason, completedAt: new Date() } });
      await handler.chargeDeclined?.(tx, actor, locked, cause.id, reason);
      return { done: false, retry: false, reason };
    }
    await tx.compensationTask.update({ where: { id: task.id }, data: { status: "DONE", lastError: null, completedAt: new Date(), output: { charged } } });
    await handler.chargeCollected?.(tx, actor, locked, cause.id);
    return { done: true, charged };
  });
}

const statusOf = (o: Extract<ChargeOutcome, { ok: false }>) => (o.kind === "DECLINED" ? "FAILED" : o.kind === "TIMEOUT" ? "UNKNOWN" : "PENDING");

/**
 * Not settled yet (the processor unavailable or its answer lost): the attempt is recorded on the
 * task and the adjustments, not on the order — a charge still waiting must not look like a change
 * of the order — and the runner asks again with the same keys.
 */
async function chargeLater(db: Db, taskId: string, adjustments: readonly Adjustment[], outcomes: ReadonlyMap<string, ChargeOutcome>): Promise<ChargeRun> {
  const failures: string[] = [];
  await inTransaction(db, async (tx) => {
    for (const adj of adjustments) {
      const outcome = outcomes.get(adj.id)!;
      if (outcome.ok) continue;
      failures.push(`${adj.tenderMethod} ${adj.amount}: ${outcome.reason}`);
      await tx.financialAdjustment.update({ where: { id: adj.id }, data: { status: statusOf(outcome), failureReason: outcome.reason, attempts: { increment: 1 } } });
    }
    await tx.compensationTask.updateMany({ where: { id: taskId, status: { in: ["PENDING", "IN_PROGRESS"] } }, data: { status: "PENDING", lastError: failures.join("; "), attempts: { increment: 1 } } });
  });
  return { done: false, retry: true, reason: failures.join("; ") };
}
