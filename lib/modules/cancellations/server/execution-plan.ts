import type { Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import type { Assessment, CompensationPlanItem } from "../domain/assess.ts";
import type { CompensationType } from "../domain/stage-policy.ts";
import { lineRefund, type RefundBreakdown } from "../domain/line-refund.ts";
import { splitRefundAcrossTenders } from "../domain/tender-split.ts";
import { COMPENSATION_TRAITS, MANUAL_TASK_DUE_MS } from "../domain/compensation-traits.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import type { Cause } from "../../compensation/server/causes.ts";
import { enqueueCompensationJob } from "../../compensation/server/compensation-job.ts";
import { domainEvent, type DomainEvent, type HistoryInput } from "../../audit/server/audit.ts";
import { committedRefunds } from "./assessment.ts";

export type RequestWithLines = Prisma.CancellationRequestGetPayload<{ include: { lines: { include: { orderLine: true } } } }>;

/** One execution under way: what it works from, and the history entries and events it gathers for its one command record. */
export interface Execution {
  tx: Tx;
  actor: Actor;
  order: LockedOrder;
  request: RequestWithLines;
  assessment: Assessment;
  /** What the order had committed to refund per tender when execution began (read once, under the order lock). */
  committed: Awaited<ReturnType<typeof committedRefunds>>;
  cause: Cause;
  events: DomainEvent[];
  history: Omit<HistoryInput, "orderId">[];
  /** Shipped or delivered units the plan leaves to a return (CREATE_RETURN), created once the request's holds are released. */
  returns: { orderLineId: string; quantity: number }[];
}

const sameRefund = (a: RefundBreakdown, b: RefundBreakdown) =>
  a.merchandise === b.merchandise && a.tax === b.tax && a.shipping === b.shipping && a.discount === b.discount && a.total === b.total;

/**
 * Money is computed once, at assessment; execution books it. Before anything is written the money
 * is re-assessed against the order as it is now (each line's refund from its cancelled count, the
 * split from what the order has committed to refund): if either differs — the order moved on since,
 * e.g. another request refunded in between — execution is refused (409) and nothing changes.
 */
export async function assertAssessedMoneyHolds(tx: Tx, order: LockedOrder, request: RequestWithLines, assessment: Assessment): Promise<Execution["committed"]> {
  const changed: string[] = [];
  for (const impact of assessment.lines) {
    const line = request.lines.find((rl) => rl.orderLineId === impact.orderLineId)?.orderLine;
    if (!line || !sameRefund(lineRefund(line, line.qtyCancelled + line.qtyReturned, impact.cancelQuantity), impact.refund)) changed.push(`the refund of line ${impact.lineNumber}`);
  }
  const committed = await committedRefunds(tx, order.id);
  const { tenders, total } = committed;
  const split = assessment.refund.total > 0 ? splitRefundAcrossTenders(tenders, total, assessment.refund.total) : [];
  const assessed = new Map(assessment.refund.byTender.map((t) => [t.tenderId, t.amount]));
  if (split.some((p) => p.amount !== (assessed.get(p.id) ?? 0)) || [...assessed.values()].reduce((a, b) => a + b, 0) !== assessment.refund.total) {
    changed.push("the split of the refund across the payment tenders");
  }
  if (changed.length) {
    throw new DomainError(
      "CONFLICT",
      `Cancellation ${request.number} was assessed against an order that has changed since (${changed.join(", ")} would differ now); nothing was cancelled. Withdraw or reject it and request the cancellation again.`,
      { cancellationRequestId: request.id, changed },
    );
  }
  return committed;
}

/** The refund owed, one financial adjustment per tender with a share, exactly as assessed. */
export async function recordRefundsOwed({ tx, order, request, assessment, cause, committed }: Execution) {
  const { total: alreadyRefunded, tenders } = committed;
  const orderTotal = tenders.reduce((n, t) => n + t.amount, 0);
  const type = alreadyRefunded + assessment.refund.total === orderTotal ? "FULL_REFUND" : "PARTIAL_REFUND";
  for (const part of assessment.refund.byTender.filter((p) => p.amount > 0)) {
    await tx.financialAdjustment.create({
      data: {
        causeKey: `${request.id}:refund:${part.tenderId}`,
        orderId: order.id,
        causeType: cause.type,
        causeId: cause.id,
        tenderId: part.tenderId,
        tenderMethod: part.method,
        type,
        refundMethod: request.refundMethod,
        amount: part.amount,
        netAmount: part.amount,
        status: "PENDING",
      },
    });
  }
}

/** A compensation task for a plan item (unique per cause): done at once, or left to a person or to the job runner. */
async function createTask({ tx, order, request, assessment, cause }: Execution, item: CompensationPlanItem, doneNow: boolean) {
  const isRefund = item.type === "ISSUE_REFUND";
  const storeId = item.orderLineId ? (request.lines.find((rl) => rl.orderLineId === item.orderLineId)?.orderLine.storeId ?? null) : null;
  const created = await tx.compensationTask.create({
    data: {
      causeKey: `${request.id}:${item.type}:${item.orderLineId ?? "order"}:${item.stage ?? "-"}`,
      orderId: order.id,
      causeType: cause.type,
      causeId: cause.id,
      type: item.type,
      mode: item.mode,
      status: doneNow ? "DONE" : "PENDING",
      orderLineId: item.orderLineId,
      storeId,
      stage: item.stage,
      quantity: item.quantity,
      amount: isRefund ? assessment.refund.total : null,
      input: isRefund ? { byTender: assessment.refund.byTender.map((p) => ({ tenderId: p.tenderId, amount: p.amount })) } : { quantity: item.quantity, stage: item.stage },
      output: doneNow ? { released: item.quantity } : undefined,
      completedAt: doneNow ? new Date() : null,
      ...COMPENSATION_TRAITS[item.type],
      dueAt: item.mode === "MANUAL" ? new Date(Date.now() + MANUAL_TASK_DUE_MS) : null,
    },
  });
  // Automatic work still to do belongs to the job runner (which the caller also runs at once after commit).
  if (item.mode === "AUTOMATIC" && !doneNow) await enqueueCompensationJob(tx, created.id, new Date(), { taskIsNew: true });
}

/**
 * Units that shipped or were delivered cannot be cancelled in place: they come back through a
 * return, linked to the request (created by the registered return taker once the request released
 * its holds). The need is recorded where OPS and the store see it — a history entry and an event on
 * the order naming the line, stage and units — and the request ends PARTIALLY_COMPLETED.
 */
function recordReturnNeeded(run: Execution, item: CompensationPlanItem) {
  const rl = run.request.lines.find((l) => l.orderLineId === item.orderLineId);
  if (!rl || !item.stage) throw new Error(`CREATE_RETURN of cancellation ${run.request.number} names no line and stage`);
  const description = `Cancellation ${run.request.number}: ${item.quantity} ${item.stage.toLowerCase()} unit(s) of line ${rl.orderLine.lineNumber} (${rl.orderLine.sku}) can only come back through a return`;
  const data = { cancellationRequestId: run.request.id, orderLineId: rl.orderLineId, stage: item.stage, quantity: item.quantity };
  run.history.push({ action: "RETURN_REQUIRED", description, data, stores: [{ storeId: rl.orderLine.storeId, description, data }] });
  const earlier = run.returns.find((r) => r.orderLineId === rl.orderLineId);
  if (earlier) earlier.quantity += item.quantity;
  else run.returns.push({ orderLineId: rl.orderLineId, quantity: item.quantity });
  run.events.push(domainEvent("OrderLineReturnRequired", data));
}

/** Every plan item type has its handler; the plan never holds the others, so meeting one is an error, not a skip. */
const PLAN_ITEM_HANDLERS: Readonly<Record<CompensationType, (run: Execution, item: CompensationPlanItem) => Promise<void> | void>> = Object.freeze({
  // The inventory moved in this transaction already.
  RELEASE_ALLOCATION: (run, item) => createTask(run, item, true),
  RECALL_FROM_WAREHOUSE: (run, item) => createTask(run, item, false),
  RETURN_TO_STOCK: (run, item) => createTask(run, item, false),
  ISSUE_REFUND: (run, item) => createTask(run, item, false),
  CREATE_RETURN: recordReturnNeeded,
  REFUND_POINTS: (_run, item) => notExecutable(item),
  NOTIFY_CUSTOMER: (_run, item) => notExecutable(item),
});

function notExecutable(item: CompensationPlanItem): never {
  throw new Error(`${item.type} is not a step a cancellation carries out`);
}

/** Carries out the stored plan in its order. */
export async function carryOutPlan(run: Execution) {
  for (const item of run.assessment.compensation) {
    const handler = Object.hasOwn(PLAN_ITEM_HANDLERS, item.type) ? PLAN_ITEM_HANDLERS[item.type] : undefined;
    if (!handler) throw new Error(`Cancellation ${run.request.number}: unknown plan item type ${String(item.type)}`);
    await handler(run, item);
  }
}
