import type { Tx } from "../../../platform/db/client.ts";
import type { Cause } from "./causes.ts";
import { enqueueCompensationJob } from "./compensation-job.ts";

/**
 * Records a refund a cause owes outside the cancellation plan (an amendment's lower price or unused
 * charge, a return's receipt): one refund adjustment per tender with a share, keyed `key:tenderId`,
 * and one automatic ISSUE_REFUND task keyed `key`, which the job runner (or the caller, right after
 * commit) pays like a cancellation's refund. `input` is kept on the task for the cause's handler.
 */
export async function recordRefundOwed(
  tx: Tx,
  owed: { orderId: string; cause: Cause; key: string; byTender: readonly { tenderId: string; method: string; amount: number }[]; input?: Record<string, unknown> },
) {
  const parts = owed.byTender.filter((p) => p.amount > 0);
  if (!parts.length) return null;
  const cause = { causeType: owed.cause.type, causeId: owed.cause.id };
  for (const part of parts) {
    await tx.financialAdjustment.create({
      data: {
        causeKey: `${owed.key}:${part.tenderId}`,
        orderId: owed.orderId,
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
      causeKey: `${owed.key}:ISSUE_REFUND`,
      orderId: owed.orderId,
      ...cause,
      type: "ISSUE_REFUND",
      mode: "AUTOMATIC",
      status: "PENDING",
      amount: parts.reduce((n, p) => n + p.amount, 0),
      input: JSON.parse(JSON.stringify({ byTender: parts.map((p) => ({ tenderId: p.tenderId, amount: p.amount })), ...owed.input })),
      reversibility: "NONE",
      externalEffect: "PAYMENT",
    },
  });
  await enqueueCompensationJob(tx, task.id);
  return task;
}
