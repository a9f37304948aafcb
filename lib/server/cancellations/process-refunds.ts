import type { Db } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import { defaultGateway, type PaymentGateway, type RefundOutcome } from "../payments/gateway.ts";
import { inTransaction } from "../tx.ts";
import { lockOrder, recordOrderCommand } from "../orders/order-command.ts";
import { settleRequest } from "./settle-request.ts";

/**
 * Runs a request's ISSUE_REFUND task: claims it (PENDING → IN_PROGRESS, so two runners never both
 * pay), asks the gateway for each outstanding tender refund with the adjustment's stable key (a
 * retry returns the first result instead of paying twice), then records the outcome under the
 * order lock: refunded amounts on tenders, lines, sub-orders and the order — never above what was
 * paid — or the failure, which leaves the request visibly FAILED.
 */
export async function processRefunds(db: Db, actor: Actor, requestId: string, gateway: PaymentGateway = defaultGateway(db)) {
  const task = await db.compensationTask.findFirst({ where: { cancellationRequestId: requestId, type: "ISSUE_REFUND", status: "PENDING" } });
  if (!task) return;
  const claimed = await db.compensationTask.updateMany({
    where: { id: task.id, status: "PENDING" },
    data: { status: "IN_PROGRESS", attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return;
  const order = await db.order.findUniqueOrThrow({ where: { id: task.orderId }, select: { currency: true } });
  const adjustments = await db.financialAdjustment.findMany({ where: { cancellationRequestId: requestId, status: { in: ["PENDING", "FAILED"] } } });
  const outcomes = new Map<string, RefundOutcome>();
  for (const adj of adjustments) {
    try {
      outcomes.set(
        adj.id,
        await gateway.refund({ idempotencyKey: adj.causeKey, orderId: adj.orderId, tenderId: adj.tenderId, tenderMethod: adj.tenderMethod, amount: adj.amount, currency: order.currency }),
      );
    } catch (e) {
      outcomes.set(adj.id, { ok: false, kind: "TRANSIENT", reason: `gateway error: ${(e as Error).message}` });
    }
  }

  await inTransaction(db, async (tx) => {
    const locked = await lockOrder(tx, task.orderId, {});
    let refundedNow = 0;
    const failures: string[] = [];
    for (const adj of adjustments) {
      const outcome = outcomes.get(adj.id)!;
      if (!outcome.ok) {
        failures.push(`${adj.tenderMethod} ${adj.amount}: ${outcome.reason}`);
        await tx.financialAdjustment.update({
          where: { id: adj.id },
          data: { status: "FAILED", failureReason: outcome.reason, attempts: { increment: 1 } },
        });
        continue;
      }
      const tender = await tx.paymentTender.findUniqueOrThrow({ where: { id: adj.tenderId } });
      const tenderOk = await tx.paymentTender.updateMany({
        where: { id: tender.id, refunded: { lte: tender.amount - adj.amount } },
        data: { refunded: { increment: adj.amount } },
      });
      const orderOk = await tx.order.updateMany({
        where: { id: locked.id, refunded: { lte: locked.total - adj.amount } },
        data: { refunded: { increment: adj.amount } },
      });
      if (tenderOk.count !== 1 || orderOk.count !== 1) throw new Error(`Refund ${adj.id} would exceed what was paid`);
      await tx.financialAdjustment.update({
        where: { id: adj.id },
        data: { status: "SUCCEEDED", processorReference: outcome.reference, failureReason: null, attempts: { increment: 1 } },
      });
      refundedNow += adj.amount;
    }
    if (failures.length) {
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: "FAILED", lastError: failures.join("; ") } });
    } else {
      const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { lines: { include: { orderLine: true } } } });
      for (const rl of request.lines) {
        if (!rl.refundTotal) continue;
        await tx.orderLine.update({ where: { id: rl.orderLineId }, data: { refunded: { increment: rl.refundTotal } } });
        await tx.subOrder.update({ where: { id: rl.orderLine.subOrderId }, data: { refunded: { increment: rl.refundTotal } } });
      }
      await tx.cancellationRequest.update({ where: { id: requestId }, data: { refundedTotal: request.refundTotal } });
      const references = await tx.financialAdjustment.findMany({ where: { cancellationRequestId: requestId }, select: { tenderMethod: true, amount: true, processorReference: true } });
      await tx.compensationTask.update({
        where: { id: task.id },
        data: { status: "DONE", lastError: null, completedAt: new Date(), output: { refunds: references } },
      });
    }
    await recordOrderCommand(
      tx,
      actor,
      locked,
      {
        action: failures.length ? "REFUND_FAILED" : "REFUND_PROCESSED",
        description: failures.length ? `Refund failed: ${failures.join("; ")}` : `Refunded ${refundedNow} ${locked.currency} to the original payment`,
        data: { cancellationRequestId: requestId, refundedNow, failures },
      },
      [
        failures.length
          ? { type: "PaymentRefundFailed", payload: { cancellationRequestId: requestId, failures } }
          : { type: "PaymentRefundProcessed", payload: { cancellationRequestId: requestId, amount: refundedNow } },
      ],
    );
    await settleRequest(tx, actor, locked, requestId);
  });
}
