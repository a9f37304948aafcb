import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { notFound } from "../../../platform/errors.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { cancellationRequestWhere, orderReadWhere, visibleStores } from "../../orders/server/scope.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import type { ApprovalSubjectHandler, SubjectSummary } from "../../approvals/server/subjects.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { executeCancellation } from "./execute-cancellation.ts";
import { requestStoreIds } from "./queries.ts";
import { runCompensationNow } from "./compensation-job.ts";

/**
 * Locks the request's order (pinned to the caller's If-Match) and reads the request, if the
 * actor's part of the order shows it and it belongs to `orderId` when given (else 404). Read again
 * under the lock: its status may have changed while we waited.
 */
export async function lockRequest(tx: Tx, actor: Actor, ref: { id: string; orderId?: string }, expectedVersion?: number) {
  const found = await tx.cancellationRequest.findFirst({ where: { id: ref.id, ...(ref.orderId !== undefined ? { orderId: ref.orderId } : {}) }, select: { orderId: true } });
  const order = await lockOrder(tx, found?.orderId ?? ref.orderId ?? "", orderReadWhere(actor), expectedVersion);
  const subOrders = await tx.subOrder.findMany({ where: { orderId: order.id }, select: { storeId: true } });
  const stores = visibleStores(actor, { buyerId: order.buyerId, subOrders });
  const request = await tx.cancellationRequest.findFirst({ where: { id: ref.id, orderId: order.id, ...cancellationRequestWhere(stores) } });
  if (!request) throw notFound("Cancellation request");
  return { order, request, storeIds: await requestStoreIds(tx, request.id) };
}

/**
 * What the approval engine does for a cancellation request (registered by lib/wiring.ts): approved
 * → it executes in the same transaction and its refunds go out after commit; rejected or expired →
 * it ends and its holds are released.
 */
export const cancellationSubject: ApprovalSubjectHandler = {
  async lock(tx, actor, ref, expectedVersion) {
    const { order, request, storeIds } = await lockRequest(tx, actor, ref, expectedVersion);
    return {
      order,
      id: request.id,
      label: `cancellation ${request.number}`,
      pending: request.status === "PENDING_APPROVAL",
      status: request.status,
      storeIds,
      requestedById: request.requestedById,
    };
  },
  decisionEvents: { approved: "OrderCancellationApproved", rejected: "OrderCancellationRejected" },
  async approved(tx, actor, subject) {
    await tx.cancellationRequest.update({ where: { id: subject.id }, data: { status: "APPROVED", decidedAt: new Date() } });
    await executeCancellation(tx, actor, subject.order, subject.id);
  },
  async ended(tx, actor, subject, outcome, comment, level) {
    await tx.cancellationRequest.update({ where: { id: subject.id }, data: { status: outcome, decidedAt: new Date() } });
    await releaseHolds(tx, { type: "CancellationRequest", id: subject.id });
    // A rejection is recorded by the decision itself (APPROVAL_REJECTED, OrderCancellationRejected).
    if (outcome === "REJECTED") return;
    const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: subject.id }, select: { number: true } });
    await recordOrderCommand(
      tx,
      actor,
      subject.order,
      {
        action: "CANCELLATION_EXPIRED",
        description: `Cancellation ${request.number} expired: ${comment}`,
        data: { cancellationRequestId: subject.id, comment },
        stores: sameForStores(subject.storeIds),
      },
      [{ type: "OrderCancellationExpired", payload: { cancellationRequestId: subject.id, ...(level ? { level } : {}), comment } }],
    );
  },
  async afterCommit(db, _actor, subjectId, options) {
    await runCompensationNow(db, subjectId, { gateway: options.gateway });
  },
  async statusOf(db, subjectId) {
    return (await db.cancellationRequest.findUniqueOrThrow({ where: { id: subjectId }, select: { status: true } })).status;
  },
  async summaries(db, subjectIds) {
    const requests = await db.cancellationRequest.findMany({
      where: { id: { in: [...subjectIds] } },
      include: { lines: { select: { orderLine: { select: { subOrder: { select: { store: { select: { code: true } } } } } } } } },
    });
    return new Map(
      requests.map((r): [string, SubjectSummary] => [
        r.id,
        {
          label: `Cancellation ${r.number}`,
          number: r.number,
          orderId: r.orderId,
          stores: [...new Set(r.lines.map((l) => l.orderLine.subOrder.store.code))].sort(),
          amount: r.refundTotal,
          requestedBy: r.requestedByLabel,
          reasonCode: r.reasonCode,
        },
      ]),
    );
  },
};
