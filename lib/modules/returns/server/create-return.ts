import { formatMoney } from "../../../platform/money/money.ts";
import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { cancellableStores, inStores, orderCancelWhere } from "../../orders/server/scope.ts";
import { assertReasonCode } from "../../orders/server/reason-codes.ts";
import { activeHolds, placeHolds } from "../../orders/server/holds.ts";
import { lineForRules } from "../../orders/server/line-counts.ts";
import { committedRefunds } from "../../cancellations/server/assessment.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { assessReturn, type ReturnAssessment, type ReturnableLine } from "../domain/assess-return.ts";
import type { CreateReturnInput, ReturnViewT } from "../contracts/returns.ts";
import { RETURN_CAUSE, getReturn } from "./queries.ts";
import { RETURN_SUBJECT } from "./approval-subject.ts";
import { createApprovalTasks, evaluateForSubject } from "../../approvals/server/tasks.ts";
import type { ApprovalFacts } from "../../approvals/domain/evaluate.ts";

/** The order's lines the actor may return, as the return rules read them (with what other changes hold). */
export async function returnableLines(tx: Tx, actor: Actor, order: LockedOrder, everyLine = false) {
  const stores = everyLine ? "all" : cancellableStores(actor, order);
  const rows = (await tx.orderLine.findMany({ where: { orderId: order.id }, orderBy: { lineNumber: "asc" } })).filter((l) => inStores(stores, l.storeId));
  const holds = await activeHolds(tx, rows.map((l) => l.id));
  const lines: ReturnableLine[] = rows.map((l) => ({
    ...lineForRules(l),
    held: { SHIPPED: holds.get(l.id)?.byStage.SHIPPED ?? 0, DELIVERED: holds.get(l.id)?.byStage.DELIVERED ?? 0 },
  }));
  return { rows, lines };
}

/** SPEC §7: the approval rules decide a return like a cancellation (defaults: shipped or delivered units → DIRECTOR). */
async function returnApprovals(tx: Tx, order: LockedOrder, rows: { id: string; category: string }[], a: ReturnAssessment) {
  const unitsByStage: Partial<Record<string, number>> = {};
  for (const l of a.lines) for (const [stage, n] of Object.entries(l.byStage)) unitsByStage[stage] = (unitsByStage[stage] ?? 0) + (n ?? 0);
  const facts: ApprovalFacts = {
    requestType: "RETURN",
    currency: order.currency,
    orderValue: a.refund.total,
    units: a.lines.reduce((n, l) => n + l.quantity, 0),
    unitsByStage,
    blockedByStage: {},
    customerType: order.customerType,
    categories: [...new Set(rows.filter((r) => a.lines.some((l) => l.orderLineId === r.id)).map((r) => r.category))],
    orderAgeMinutes: Math.max(0, Math.floor((Date.now() - order.createdAt.getTime()) / 60_000)),
  };
  const evaluation = await evaluateForSubject(tx, facts);
  // One sign-off per level: two rules asking the same level ask the same person once.
  const byLevel = new Map(evaluation.required.map((t) => [t.level, t] as const).reverse());
  return [...byLevel.values()].reverse().map((t) => ({ level: t.level, rule: t.ruleId, reason: t.reason, expiresAfterMinutes: t.expiresAfterMinutes }));
}

function refused(problems: { path: string; message: string; code: string }[]) {
  const short = problems.filter((p) => p.code === "INSUFFICIENT_QUANTITY");
  if (short.length) throw new DomainError("INSUFFICIENT_QUANTITY", short.map((p) => p.message).join("; "), { errors: short.map(({ path, message }) => ({ path, message })) });
  throw validationFailed(problems.map(({ path, message }) => ({ path, message })), "The return is not valid");
}

/**
 * What returning `requested` units of the order would take back and refund, as the actor may
 * return them; unknown lines → 404, anything the return rules refuse → 409 / 422. Stores nothing.
 */
export async function assessOrderReturn(tx: Tx, actor: Actor, order: LockedOrder, requested: CreateReturnInput["lines"]) {
  const { rows, lines } = await returnableLines(tx, actor, order);
  const unknown = requested.findIndex((l) => !rows.some((r) => r.id === l.orderLineId));
  if (unknown >= 0) throw notFound("Order line", { errors: [{ path: `lines[${unknown}].orderLineId`, message: `order line ${requested[unknown]!.orderLineId} not found` }] });
  const { tenders, total } = await committedRefunds(tx, order.id);
  const result = assessReturn({ lines, requested, tenders, orderRefundedTotal: total });
  if (!result.ok) refused(result.problems);
  return { rows, assessment: (result as { assessment: ReturnAssessment }).assessment };
}

/** The RETURN order itself: its own number and lifecycle, linked RETURNS to the original. */
async function createReturnOrder(tx: Tx, actor: Actor, original: LockedOrder, a: ReturnAssessment) {
  const number = await nextNumber(tx, "order", "CM-");
  const { merchandise, tax, shipping, discount, total } = a.refund;
  const order = await tx.order.create({
    data: {
      number,
      buyerId: original.buyerId,
      buyerEmail: original.buyerEmail,
      customerType: original.customerType,
      currency: original.currency,
      orderType: "RETURN",
      status: "OPEN",
      createdById: actor.userId,
      parentOrderId: original.id,
      subtotal: merchandise,
      tax,
      shipping,
      discount,
      total,
    },
  });
  return order;
}

export type Approval = Awaited<ReturnType<typeof returnApprovals>>[number];

/**
 * Stores an assessed return (in the caller's transaction, order locked): its RETURN order linked
 * RETURNS to the original, its lines, holds on its units, approval tasks (if any), history and event.
 */
export async function storeReturn(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  rows: { id: string; storeId: string }[],
  a: ReturnAssessment,
  input: { reasonCode: string; reasonText?: string; approvals: Approval[]; cancellationRequestId?: string },
) {
  const number = await nextNumber(tx, "return", "RT-");
  const returnOrder = await createReturnOrder(tx, actor, order, a);
  const row = await tx.returnOrder.create({
    data: {
      number,
      orderId: returnOrder.id,
      originalOrderId: order.id,
      status: input.approvals.length ? "PENDING_APPROVAL" : "AWAITING_RECEIPT",
      reasonCode: input.reasonCode,
      reasonText: input.reasonText ?? null,
      refundMethod: "ORIGINAL_PAYMENT",
      cancellationRequestId: input.cancellationRequestId ?? null,
      requestedById: actor.userId,
      requestedByLabel: actorLabel(actor),
      refundTotal: a.refund.total,
      assessment: JSON.parse(JSON.stringify({ v: 1, byStage: a.lines.map((l) => ({ orderLineId: l.orderLineId, byStage: l.byStage })), byTender: a.refund.byTender })),
      lines: {
        create: a.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, merchandise: l.refund.merchandise, tax: l.refund.tax, shipping: l.refund.shipping, discount: l.refund.discount, refundTotal: l.refund.total })),
      },
    },
  });
  await tx.orderRelation.create({ data: { fromOrderId: returnOrder.id, toOrderId: order.id, type: "RETURNS", causeType: RETURN_CAUSE, causeId: row.id } });
  await placeHolds(tx, { type: RETURN_CAUSE, id: row.id, number }, a.lines.map((l) => ({ orderId: order.id, orderLineId: l.orderLineId, byStage: l.byStage })));
  if (input.approvals.length) await createApprovalTasks(tx, { type: RETURN_SUBJECT, id: row.id, orderId: order.id, requestedById: actor.userId }, input.approvals);
  const storeIds = [...new Set(rows.filter((r) => a.lines.some((l) => l.orderLineId === r.id)).map((r) => r.storeId))];
  const ref = { returnId: row.id, number, returnOrderId: returnOrder.id };
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "RETURN_REQUESTED",
      description: `Return ${number}: ${a.lines.reduce((n, l) => n + l.quantity, 0)} unit(s) to come back, refund ${formatMoney(a.refund.total, order.currency)} once received (return order ${returnOrder.number})`,
      data: { ...ref, lines: a.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })), refund: a.refund.total },
      stores: sameForStores(storeIds),
    },
    [{ type: "OrderReturnRequested", payload: { ...ref, reasonCode: input.reasonCode, lines: a.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })), refund: a.refund.total } }],
  );
  return row;
}

/**
 * Creates a return of shipped or delivered units (SPEC §7): assessed (units free of other changes,
 * the §4.5 refund at each line's cumulative position, split across tenders), stored with a RETURN
 * order linked to the original, its units held until they are received or the return is cancelled.
 * Unshipped, already returned or held units → 409 INSUFFICIENT_QUANTITY; nothing is stored on an error.
 */
export async function createReturn(db: Db, actor: Actor, orderId: string, input: CreateReturnInput, options: { expectedVersion?: number } = {}): Promise<ReturnViewT> {
  authorize(actor, "return.request");
  const id = await inTransaction(db, async (tx) => {
    await assertReasonCode(tx, input.reasonCode, "RETURN", actor);
    const order = await lockOrder(tx, orderId, orderCancelWhere(actor), options.expectedVersion);
    if (order.orderType === "RETURN") throw new DomainError("CONFLICT", "A return order cannot itself be returned");
    const { rows, assessment: a } = await assessOrderReturn(tx, actor, order, input.lines);
    const approvals = await returnApprovals(tx, order, rows, a);
    const row = await storeReturn(tx, actor, order, rows, a, { ...input, approvals });
    return row.id;
  });
  return getReturn(db, actor, id);
}
