import type { Db, Tx } from "../../../platform/db/client.ts";
import { assertReasonCode } from "../../orders/server/reason-codes.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { CancellationViewT, CreateCancellationRequestInput } from "../contracts/cancellations.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import type { Assessment } from "../domain/assess.ts";
import { storedAssessment } from "../contracts/assessment.ts";
import { formatMoney } from "../../../platform/money/money.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { orderCancelWhere, scopeAssessment, visibleStores } from "../../orders/server/scope.ts";
import { assessForActor } from "./assessment.ts";
import { executeCancellation } from "./execute-cancellation.ts";
import { claimCompensationInline } from "../../compensation/server/compensation-job.ts";
import { jobsClaimedIn } from "../../../platform/jobs/queue.ts";
import { runInlineJobs } from "../../../platform/jobs/run-now.ts";
import { CANCELLATION_SUBJECT, cancellationViewFor, lineStores } from "./queries.ts";
import { placeHolds } from "../../orders/server/holds.ts";
import { CANCELLATION_CAUSE } from "./cause.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";
import { createApprovalTasks } from "../../approvals/server/tasks.ts";

/** The assessment a request would get now, without storing anything (the UI's refund preview). */
export async function previewCancellation(
  db: Db,
  actor: Actor,
  orderId: string,
  input: Pick<CreateCancellationRequestInput, "scope" | "damaged"> & { cancellationType?: CreateCancellationRequestInput["cancellationType"] },
): Promise<Assessment> {
  authorize(actor, "cancellation.request");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderCancelWhere(actor)] }, include: { subOrders: { select: { storeId: true } } } });
  if (!order) throw notFound("Order");
  return scopeAssessment(await assessForActor(db, actor, order, input), visibleStores(actor, order));
}

/** A request that would cancel nothing in place is refused (409) before anything is written. */
export function assertCancellable(assessment: Assessment) {
  if (assessment.feasibility !== "NOT_CANCELLABLE") return;
  throw new DomainError(
    "CONFLICT",
    assessment.blockers.length
      ? `Nothing can be cancelled in place: ${assessment.blockers.map((b) => b.message).join("; ")}`
      : "Nothing is left to cancel on this order",
    { feasibility: assessment.feasibility, blockers: assessment.blockers },
  );
}

/** The request row (with its stored assessment) and one row per assessed line. */
export async function storeRequest(tx: Tx, actor: Actor, order: LockedOrder, input: CreateCancellationRequestInput, assessment: Assessment) {
  const needsApproval = assessment.requiredApprovals.length > 0;
  const request = await tx.cancellationRequest.create({
    data: {
      number: await nextNumber(tx, "cancellation", "CX-"),
      orderId: order.id,
      cancellationType: input.cancellationType,
      reasonCode: input.reasonCode,
      reasonText: input.reasonText || null,
      scopeType: input.scope.type,
      refundMethod: input.refundMethod,
      damaged: input.damaged,
      status: needsApproval ? "PENDING_APPROVAL" : "APPROVED",
      feasibility: assessment.feasibility,
      requestedById: actor.userId,
      requestedByLabel: actorLabel(actor),
      orderVersion: order.version - 1,
      assessment: storedAssessment(assessment),
      refundTotal: assessment.refund.total,
      decidedAt: needsApproval ? null : new Date(),
    },
  });
  for (const line of assessment.lines) {
    await tx.cancellationRequestLine.create({
      data: {
        requestId: request.id,
        orderId: order.id,
        orderLineId: line.orderLineId,
        requestedQuantity: line.requestedQuantity,
        cancelQuantity: line.cancelQuantity,
        blockedQuantity: line.blocked,
        byStage: { ...line.byStage },
        merchandise: line.refund.merchandise,
        tax: line.refund.tax,
        shipping: line.refund.shipping,
        discount: line.refund.discount,
        refundTotal: line.refund.total,
      },
    });
  }
  return request;
}

/** The CANCELLATION_REQUESTED history entry (each store reads its own lines and refund) and the requested/assessed events. */
export async function recordRequested(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  input: CreateCancellationRequestInput,
  request: { id: string; number: string },
  assessment: Assessment,
) {
  const { id: cancellationRequestId, number } = request;
  const approvals = assessment.requiredApprovals.length ? `; needs ${assessment.requiredApprovals.map((a) => a.level).join(" + ")} approval` : "";
  const describe = (lines: Assessment["lines"], refund: number) =>
    `Cancellation ${number} requested (${input.reasonCode}): ${lines.reduce((n, l) => n + l.cancelQuantity, 0)} unit(s), refund ${formatMoney(refund, order.currency)}${approvals}`;
  const storeOf = await lineStores(tx, assessment.lines.map((l) => l.orderLineId));
  const byStore = new Map<string, Assessment["lines"]>();
  for (const l of assessment.lines) byStore.set(storeOf.get(l.orderLineId)!, [...(byStore.get(storeOf.get(l.orderLineId)!) ?? []), l]);
  const { feasibility } = assessment;
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "CANCELLATION_REQUESTED",
      description: describe(assessment.lines, assessment.refund.total),
      data: { cancellationRequestId, number, feasibility, scope: input.scope, reasonText: input.reasonText ?? null },
      stores: [...byStore].map(([storeId, lines]) => ({
        storeId,
        description: describe(lines, lines.reduce((n, l) => n + l.refund.total, 0)),
        data: { cancellationRequestId, number, feasibility, lines: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.requestedQuantity })), reasonText: input.reasonText ?? null },
      })),
    },
    [
      { type: "OrderCancellationRequested", payload: { cancellationRequestId, number, cancellationType: input.cancellationType, reasonCode: input.reasonCode, scope: input.scope } },
      { type: "OrderCancellationAssessed", payload: { cancellationRequestId, feasibility, requiredApprovals: assessment.requiredApprovals, refundTotal: assessment.refund.total } },
    ],
  );
}

/**
 * Request → assess → (approve) → execute. The assessment is computed under the order lock and
 * stored with the request; the requested units are held so fulfilment cannot move them; approval
 * tasks are created from the assessment; with none required the request executes at once, and the
 * refund is paid by its job right after commit (the background runner retries what fails).
 */
export async function createCancellationRequest(
  db: Db,
  actor: Actor,
  orderId: string,
  input: CreateCancellationRequestInput,
  options: { expectedVersion?: number; gateway?: PaymentGateway; now?: Date } = {},
): Promise<CancellationViewT> {
  authorize(actor, "cancellation.request");
  const { requestId, jobs } = await inTransaction(db, async (tx) => {
    claimCompensationInline(tx);
    const order = await lockOrder(tx, orderId, orderCancelWhere(actor), options.expectedVersion);
    await assertReasonCode(tx, input.reasonCode, "CANCELLATION", actor);
    const assessment = await assessForActor(tx, actor, order, input, { now: options.now });
    assertCancellable(assessment);
    const request = await storeRequest(tx, actor, order, input, assessment);
    const holds = assessment.lines.map((l) => ({ orderId: order.id, orderLineId: l.orderLineId, byStage: l.byStage }));
    await placeHolds(tx, { type: CANCELLATION_CAUSE, id: request.id, number: request.number }, holds);
    const subject = { type: CANCELLATION_SUBJECT, id: request.id, orderId: order.id, requestedById: actor.userId };
    await createApprovalTasks(tx, subject, assessment.requiredApprovals, { now: options.now });
    await recordRequested(tx, actor, order, input, request, assessment);
    if (request.status === "APPROVED") await executeCancellation(tx, actor, order, request.id);
    return { requestId: request.id, jobs: jobsClaimedIn(tx) };
  });
  await runInlineJobs(db, jobs, { gateway: options.gateway });
  return cancellationViewFor(db, actor, orderId, requestId);
}
