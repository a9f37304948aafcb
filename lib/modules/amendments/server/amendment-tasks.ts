import type { Tx } from "../../../platform/db/client.ts";
import { MANUAL_TASK_DUE_MS } from "../../compensation/domain/settlement.ts";
import { recordRefundOwed } from "../../compensation/server/refund-owed.ts";
import type { TenderAmount } from "../domain/money-impact.ts";
import type { ReplanningTask } from "../domain/replanning.ts";
import { AMENDMENT_CAUSE } from "./queries.ts";

type Request = { id: string; number: string };

/**
 * What an amendment pays back (a lower price, a charge that could not be used), paid by the same
 * machinery as a cancellation's refund. `purpose` keeps two refunds of one amendment apart.
 */
export function recordAmendmentRefund(tx: Tx, order: { id: string }, r: Request, byTender: readonly TenderAmount[], purpose: "refund" | "charge-refund") {
  return recordRefundOwed(tx, { orderId: order.id, cause: { type: AMENDMENT_CAUSE, id: r.id }, key: `${r.id}:${purpose}`, byTender, input: { purpose } });
}

/**
 * The fulfilment work an applied amendment makes necessary (SPEC §6 REQUIRES_REPLANNING, and
 * MANUAL_REVIEW after its sign-off): one manual task per line for its store, e.g. recall the
 * released units and re-release them to the new address. Not confirmed by its due date, it
 * opens a fallout case (the compensation.overdue job), like a cancellation's manual steps.
 */
export async function createReplanningTasks(tx: Tx, order: { id: string }, r: Request, tasks: readonly ReplanningTask[], now = new Date()) {
  const lines = await tx.orderLine.findMany({ where: { id: { in: tasks.map((t) => t.orderLineId) } }, select: { id: true, storeId: true } });
  for (const t of tasks) {
    await tx.compensationTask.create({
      data: {
        causeKey: `${r.id}:${t.type}:${t.orderLineId}:${t.changeIndex}`,
        orderId: order.id,
        causeType: AMENDMENT_CAUSE,
        causeId: r.id,
        type: t.type,
        mode: "MANUAL",
        status: "PENDING",
        orderLineId: t.orderLineId,
        storeId: lines.find((l) => l.id === t.orderLineId)?.storeId ?? null,
        quantity: t.quantity,
        input: { byStage: t.byStage, amendment: r.number },
        reversibility: "MANUAL",
        externalEffect: "WAREHOUSE",
        dueAt: new Date(now.getTime() + MANUAL_TASK_DUE_MS),
      },
    });
  }
}
