import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { notFound } from "../../../platform/errors.ts";
import { inStores, orderReadWhere, orderWorkWhere, workableStores } from "../../orders/server/scope.ts";
import type { ReturnViewT } from "../contracts/returns.ts";
import type { ReturnStatus } from "../domain/status.ts";
import { approvalTaskView } from "../../approvals/server/task-view.ts";

/** A return holds lines, owns refunds and compensation tasks, under this type. */
export const RETURN_CAUSE = "ReturnOrder";

type ReturnRow = Prisma.ReturnOrderGetPayload<{ include: { lines: true } }>;

export async function toReturnView(db: Db | Tx, r: ReturnRow): Promise<ReturnViewT> {
  const order = await db.order.findUniqueOrThrow({ where: { id: r.orderId }, select: { number: true } });
  const lines = await db.orderLine.findMany({ where: { id: { in: r.lines.map((l) => l.orderLineId) } }, select: { id: true, lineNumber: true, sku: true } });
  const adjustments = await db.financialAdjustment.findMany({ where: { causeType: RETURN_CAUSE, causeId: r.id }, select: { tenderMethod: true, amount: true } });
  const tasks = await db.approvalTask.findMany({ where: { subjectType: "RETURN", subjectId: r.id }, orderBy: { createdAt: "asc" } });
  const assessed = (r.assessment as { byTender?: { method: string; amount: number }[] }).byTender ?? [];
  return {
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    orderNumber: order.number,
    originalOrderId: r.originalOrderId,
    status: r.status as ReturnStatus,
    reasonCode: r.reasonCode,
    reasonText: r.reasonText,
    requestedBy: r.requestedByLabel,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    lines: r.lines.map((l) => {
      const line = lines.find((x) => x.id === l.orderLineId);
      return {
        orderLineId: l.orderLineId,
        lineNumber: line?.lineNumber ?? 0,
        sku: line?.sku ?? "",
        quantity: l.quantity,
        received: l.received,
        restocked: l.restocked,
        damaged: l.damaged,
        refund: { merchandise: l.merchandise, tax: l.tax, shipping: l.shipping, discount: l.discount, total: l.refundTotal },
        refunded: l.refunded,
      };
    }),
    refund: {
      total: r.refundTotal,
      // Owed per tender: what the receipts so far booked, else what the return was assessed to refund.
      byTender: adjustments.length ? adjustments.map((a) => ({ method: a.tenderMethod, amount: a.amount })) : assessed,
      refunded: r.refundedTotal,
    },
    approvals: tasks.map(approvalTaskView),
    cancellationRequestId: r.cancellationRequestId,
  };
}

/** A return whose original order the actor may read; otherwise 404. */
export async function findReturn(db: Db | Tx, actor: Actor, returnId: string): Promise<ReturnRow> {
  const r = await db.returnOrder.findUnique({ where: { id: returnId }, include: { lines: true } });
  if (!r) throw notFound("Return");
  const readable = await db.order.count({ where: { AND: [{ id: r.originalOrderId }, orderReadWhere(actor)] } });
  if (!readable) throw notFound("Return");
  return r;
}

export async function getReturn(db: Db | Tx, actor: Actor, returnId: string): Promise<ReturnViewT> {
  authorize(actor, "order.read");
  return toReturnView(db, await findReturn(db, actor, returnId));
}

/** The returns of an order the actor may read, newest first. */
export async function listReturns(db: Db, actor: Actor, orderId: string): Promise<{ items: ReturnViewT[] }> {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, select: { id: true } });
  if (!order) throw notFound("Order");
  const rows = await db.returnOrder.findMany({ where: { originalOrderId: order.id }, include: { lines: true }, orderBy: { createdAt: "desc" }, take: 100 });
  return { items: await Promise.all(rows.map((r) => toReturnView(db, r))) };
}

/** The return a RETURN order belongs to, when the actor may read its original order; otherwise null. */
export async function returnOfOrder(db: Db, actor: Actor, returnOrderId: string): Promise<ReturnViewT | null> {
  authorize(actor, "order.read");
  const row = await db.returnOrder.findUnique({ where: { orderId: returnOrderId }, select: { id: true } });
  return row ? getReturn(db, actor, row.id) : null;
}

/**
 * Returns waiting for their units, oldest first, that the actor receives: of orders the actor
 * works (orders/server/scope.ts) and with a line of a store the actor works.
 */
export async function listReturnsAwaitingReceipt(db: Db, actor: Actor, options: { limit?: number } = {}): Promise<{ items: ReturnViewT[] }> {
  authorize(actor, "return.receive");
  const status: ReturnStatus = "AWAITING_RECEIPT";
  const originals = await db.returnOrder.findMany({ where: { status }, select: { originalOrderId: true }, distinct: ["originalOrderId"] });
  const reachable = await db.order.findMany({ where: { AND: [{ id: { in: originals.map((o) => o.originalOrderId) } }, orderWorkWhere(actor)] }, select: { id: true } });
  const rows = await db.returnOrder.findMany({
    where: { status, originalOrderId: { in: reachable.map((o) => o.id) } },
    include: { lines: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
  const stores = workableStores(actor);
  const lines = await db.orderLine.findMany({ where: { id: { in: rows.flatMap((r) => r.lines.map((l) => l.orderLineId)) } }, select: { id: true, storeId: true } });
  const mine = new Set(lines.filter((l) => inStores(stores, l.storeId)).map((l) => l.id));
  return { items: await Promise.all(rows.filter((r) => r.lines.some((l) => mine.has(l.orderLineId))).map((r) => toReturnView(db, r))) };
}
