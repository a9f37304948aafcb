import { formatMoney } from "../../../platform/money/money.ts";
import type { Tx } from "../../../platform/db/client.ts";
import type { CauseHandler } from "../../compensation/server/causes.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { RETURN_CAUSE } from "./queries.ts";

/** A RECEIVED return whose every receipt is refunded is COMPLETED (its RETURN order too). */
async function completeIfRefunded(tx: Tx, actor: Actor, order: LockedOrder, id: string) {
  const r = await tx.returnOrder.findUniqueOrThrow({ where: { id } });
  if (r.status !== "RECEIVED") return r.status;
  const open = await tx.compensationTask.count({ where: { causeType: RETURN_CAUSE, causeId: id, status: { notIn: ["DONE", "CANCELLED"] } } });
  if (open) return r.status;
  const { count } = await tx.returnOrder.updateMany({ where: { id, status: "RECEIVED" }, data: { status: "COMPLETED", completedAt: new Date() } });
  if (count !== 1) return r.status;
  await tx.order.update({ where: { id: r.orderId }, data: { status: "COMPLETED" } });
  const ref = { returnId: r.id, number: r.number, returnOrderId: r.orderId };
  await recordOrderCommand(
    tx,
    actor,
    order,
    { action: "RETURN_COMPLETED", description: `Return ${r.number} completed: ${formatMoney(r.refundedTotal, order.currency)} refunded`, data: { ...ref, refunded: r.refundedTotal } },
    [{ type: "OrderReturnCompleted", payload: { ...ref, refunded: r.refundedTotal } }],
  );
  return "COMPLETED";
}

/** What the compensation machinery does for a return (registered by lib/wiring.ts). */
export const returnCauseHandler: CauseHandler = {
  async describe(db, ids) {
    const rows = await db.returnOrder.findMany({ where: { id: { in: [...ids] } }, select: { id: true, number: true, status: true } });
    return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status }]));
  },
  ref: (id) => ({ cancellationRequestId: null, returnId: id }),
  hasBlockedUnits: async () => false,
  recordSettlement: (tx, actor, order, id) => completeIfRefunded(tx, actor, order, id),
  /** A receipt's refund is paid: each line it named and its sub-order get their share, and the return its refunded total. */
  async refundPaid(tx, id, taskId) {
    const task = await tx.compensationTask.findUniqueOrThrow({ where: { id: taskId } });
    const byLine = ((task.input as { byLine?: { orderLineId: string; amount: number }[] } | null)?.byLine ?? []).filter((l) => l.amount > 0);
    for (const l of byLine) {
      const line = await tx.orderLine.update({ where: { id: l.orderLineId }, data: { refunded: { increment: l.amount } } });
      await tx.subOrder.update({ where: { id: line.subOrderId }, data: { refunded: { increment: l.amount } } });
    }
    await tx.returnOrder.update({ where: { id }, data: { refundedTotal: { increment: byLine.reduce((n, l) => n + l.amount, 0) } } });
  },
};
