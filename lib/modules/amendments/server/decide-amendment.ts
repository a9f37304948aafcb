import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { orderReadWhere, visibleStores } from "../../orders/server/scope.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { closePendingTasks } from "../../approvals/server/decision-steps.ts";
import { decideApproval } from "../../approvals/server/decide.ts";
import type { AmendmentViewT } from "../contracts/amendments.ts";
import { canWithdraw, type AmendmentStatus } from "../domain/status.ts";
import { applyAmendmentInTx } from "./apply-amendment.ts";
import { payLinkedRefund } from "./linked-refund.ts";
import { handOverDecreasedLines } from "./line-holds.ts";
import { AMENDMENT_HOLDER, AMENDMENT_SUBJECT, amendmentViewFor, findAmendment, notActive } from "./queries.ts";

/** Locks the order (pinned to If-Match) and reads the amendment in the actor's part of it (else 404). */
export async function lockAmendment(tx: Tx, actor: Actor, orderId: string, requestId: string, expectedVersion?: number) {
  const order = await lockOrder(tx, orderId, orderReadWhere(actor), expectedVersion);
  const subOrders = await tx.subOrder.findMany({ where: { orderId: order.id }, select: { storeId: true } });
  const request = await findAmendment(tx, visibleStores(actor, { buyerId: order.buyerId, subOrders }), order.id, requestId);
  const stores = await tx.amendmentRequestStore.findMany({ where: { requestId }, select: { storeId: true } });
  // The request's own commands (this one included) keep it in step with the order; anything else
  // that changes the order leaves it behind (and its apply then finds the assessment changed).
  if (request.ownVersion === order.version - 1) {
    await tx.amendmentRequest.update({ where: { id: request.id }, data: { ownVersion: order.version } });
    request.ownVersion = order.version;
  }
  return { order, request, storeIds: stores.map((s) => s.storeId) };
}

/**
 * Applies an APPROVED amendment, or one stored with `applyNow: false` that needs no approval. The
 * order must not have moved on since the assessment: otherwise the request is FAILED (that is
 * stored) and the caller gets 409 ASSESSMENT_CHANGED.
 */
export async function applyAmendmentRequest(db: Db, actor: Actor, orderId: string, requestId: string, options: { expectedVersion?: number } = {}): Promise<AmendmentViewT> {
  authorize(actor, "amendment.request");
  const outcome = await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockAmendment(tx, actor, orderId, requestId, options.expectedVersion);
    if (request.status !== "APPROVED" && request.status !== "REQUESTED") throw notActive(request.number, request.status, "only an approved or a requested amendment can be applied");
    await handOverDecreasedLines(tx, request);
    return applyAmendmentInTx(tx, actor, order, request, storeIds);
  });
  if (outcome.status === "FAILED") {
    throw new DomainError("ASSESSMENT_CHANGED", outcome.reason, { requestStatus: "FAILED", amendmentRequestId: requestId });
  }
  await payLinkedRefund(db, requestId);
  return amendmentViewFor(db, actor, orderId, requestId);
}

/** The requester or OPS takes back an amendment that has not been applied; its approvals close, its holds are released. */
export async function withdrawAmendmentRequest(db: Db, actor: Actor, orderId: string, requestId: string, options: { expectedVersion?: number } = {}): Promise<AmendmentViewT> {
  authorize(actor, "amendment.withdraw");
  await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockAmendment(tx, actor, orderId, requestId, options.expectedVersion);
    if (request.requestedById !== actor.userId && !isOps(actor)) throw new DomainError("FORBIDDEN", "Only the requester or operations can withdraw an amendment");
    if (!canWithdraw(request.status as AmendmentStatus)) throw notActive(request.number, request.status, "only a pending amendment can be withdrawn");
    const now = new Date();
    const { count } = await tx.amendmentRequest.updateMany({ where: { id: request.id, status: request.status }, data: { status: "WITHDRAWN", decidedAt: now } });
    if (count !== 1) throw notActive(request.number, request.status, "it changed meanwhile");
    await closePendingTasks(tx, { type: AMENDMENT_SUBJECT, id: request.id }, "amendment withdrawn", now);
    await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: request.id });
    const ref = { amendmentRequestId: request.id, number: request.number };
    await recordOrderCommand(
      tx,
      actor,
      order,
      { action: "AMENDMENT_WITHDRAWN", description: `Amendment ${request.number} withdrawn`, data: ref, stores: sameForStores(storeIds) },
      [{ type: "OrderAmendmentWithdrawn", payload: ref }],
    );
  });
  return amendmentViewFor(db, actor, orderId, requestId);
}

/** Signs the amendment's approvals this approver may sign; the last one applies it (or fails it, if the order moved on). */
export async function approveAmendmentRequest(db: Db, actor: Actor, orderId: string, requestId: string, input: { comment?: string }, options: { expectedVersion?: number } = {}) {
  await decideApproval(db, actor, { type: AMENDMENT_SUBJECT, id: requestId, orderId }, { decision: "APPROVE", comment: input.comment }, options);
  return amendmentViewFor(db, actor, orderId, requestId);
}

/** One rejection ends the amendment (a comment is required); nothing of it is applied. */
export async function rejectAmendmentRequest(db: Db, actor: Actor, orderId: string, requestId: string, input: { comment: string }, options: { expectedVersion?: number } = {}) {
  await decideApproval(db, actor, { type: AMENDMENT_SUBJECT, id: requestId, orderId }, { decision: "REJECT", comment: input.comment }, options);
  return amendmentViewFor(db, actor, orderId, requestId);
}
