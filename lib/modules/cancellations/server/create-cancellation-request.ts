import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { CancellationViewT, CreateCancellationRequestInput } from "../contracts/cancellations.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import type { Assessment } from "../domain/assess.ts";
import { formatMoney } from "../../../platform/money/money.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { orderCancelWhere, scopeAssessment, visibleStores } from "../../orders/server/scope.ts";
import { assessForActor } from "./assessment.ts";
import { executeCancellation } from "./execute-cancellation.ts";
import { runCompensationNow } from "./compensation-job.ts";
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

async function assertReasonCode(tx: Tx, code: string) {
  const reason = await tx.reasonCode.findUnique({ where: { code } });
  if (!reason || !reason.active || reason.appliesTo !== "CANCELLATION") {
    throw validationFailed([{ path: "reasonCode", message: `unknown reason code ${code}` }], "Unknown reason code");
  }
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
  const requestId = await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId, orderCancelWhere(actor), options.expectedVersion);
    await assertReasonCode(tx, input.reasonCode);
    const assessment = await assessForActor(tx, actor, order, input, { now: options.now });
    if (assessment.feasibility === "NOT_CANCELLABLE") {
      throw new DomainError(
        "CONFLICT",
        assessment.blockers.length
          ? `Nothing can be cancelled in place: ${assessment.blockers.map((b) => b.message).join("; ")}`
          : "Nothing is left to cancel on this order",
        { feasibility: assessment.feasibility, blockers: assessment.blockers },
      );
    }
    const number = await nextNumber(tx, "cancellation", "CX-");
    const needsApproval = assessment.requiredApprovals.length > 0;
    const request = await tx.cancellationRequest.create({
      data: {
        number,
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
        assessment: JSON.parse(JSON.stringify(assessment)),
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
    await placeHolds(tx, { type: CANCELLATION_CAUSE, id: request.id, number }, assessment.lines.map((l) => ({ orderId: order.id, orderLineId: l.orderLineId, byStage: l.byStage })));
    await createApprovalTasks(tx, { type: CANCELLATION_SUBJECT, id: request.id, orderId: order.id, requestedById: actor.userId }, assessment.requiredApprovals, {
      now: options.now,
    });
    const describe = (lines: Assessment["lines"], refund: number) =>
      `Cancellation ${number} requested (${input.reasonCode}): ${lines.reduce((n, l) => n + l.cancelQuantity, 0)} unit(s), refund ${formatMoney(refund, order.currency)}${
        needsApproval ? `; needs ${assessment.requiredApprovals.map((a) => a.level).join(" + ")} approval` : ""
      }`;
    const storeOf = await lineStores(tx, assessment.lines.map((l) => l.orderLineId));
    const byStore = new Map<string, Assessment["lines"]>();
    for (const l of assessment.lines) byStore.set(storeOf.get(l.orderLineId)!, [...(byStore.get(storeOf.get(l.orderLineId)!) ?? []), l]);
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "CANCELLATION_REQUESTED",
        description: describe(assessment.lines, assessment.refund.total),
        data: { cancellationRequestId: request.id, number, feasibility: assessment.feasibility, scope: input.scope, reasonText: input.reasonText ?? null },
        stores: [...byStore].map(([storeId, lines]) => ({
          storeId,
          description: describe(lines, lines.reduce((n, l) => n + l.refund.total, 0)),
          data: {
            cancellationRequestId: request.id,
            number,
            feasibility: assessment.feasibility,
            lines: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.requestedQuantity })),
            reasonText: input.reasonText ?? null,
          },
        })),
      },
      [
        { type: "OrderCancellationRequested", payload: { cancellationRequestId: request.id, number, cancellationType: input.cancellationType, reasonCode: input.reasonCode, scope: input.scope } },
        {
          type: "OrderCancellationAssessed",
          payload: { cancellationRequestId: request.id, feasibility: assessment.feasibility, requiredApprovals: assessment.requiredApprovals, refundTotal: assessment.refund.total },
        },
      ],
    );
    if (!needsApproval) await executeCancellation(tx, actor, order, request.id);
    return request.id;
  });
  await runCompensationNow(db, requestId, { gateway: options.gateway });
  return cancellationViewFor(db, actor, orderId, requestId);
}
