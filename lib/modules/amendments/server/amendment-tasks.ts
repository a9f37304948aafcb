import type { Tx } from "../../../platform/db/client.ts";
import { MANUAL_TASK_DUE_MS } from "../../compensation/domain/settlement.ts";
import { enqueueCompensationJob } from "../../compensation/server/compensation-job.ts";
import type { TenderAmount } from "../domain/money-impact.ts";
import type { ReplanningTask } from "../domain/replanning.ts";
import { AMENDMENT_CAUSE } from "./queries.ts";

type Request = { id: string; number: string };

/**
 * What an amendment pays back (a lower price, a charge that could not be used): one refund
 * adjustment per tender with a share and one automatic ISSUE_REFUND task, run by the same
 * machinery as a cancellation's refund. `purpose` keeps two refunds of one amendment apart.
 */
export async function recordAmendmentRefund(tx: Tx, order: { id: string }, r: Request, byTender: readonly TenderAmount[], purpose: "refund" | "charge-refund") {
  const parts = byTender.filter((p) => p.amount > 0);
  if (!parts.length) return;
  const cause = { causeType: AMENDMENT_CAUSE, causeId: r.id };
  for (const part of parts) {
    await tx.financialAdjustment.create({
      data: {
        causeKey: `${r.id}:${purpose}:${part.tenderId}`,
        orderId: order.id,
        ...cause,
        tenderId: part.tenderId,
        tenderMethod: part.method,
        type: "PARTIAL_REFUND",
        refundMethod: "ORIGINAL_PAYMENT",
        amount: part.amount,
        netAmount: part.amount,
        status: "PENDING",
      },
    });
  }
  const task = await tx.compensationTask.create({
    data: {
      causeKey: `${r.id}:ISSUE_REFUND:${purpose}`,
      orderId: order.id,
      ...cause,
      type: "ISSUE_REFUND",
      mode: "AUTOMATIC",
      status: "PENDING",
      amount: parts.reduce((n, p) => n + p.amount, 0),
      input: { byTender: parts.map((p) => ({ tenderId: p.tenderId, amount: p.amount })), purpose },
      reversibility: "NONE",
      externalEffect: "PAYMENT",
    },
  });
  await enqueueCompensationJob(tx, task.id);
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
