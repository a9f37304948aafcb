import { notFound } from "../../../platform/errors.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { orderReadWhere } from "../../orders/server/scope.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import type { ApprovalSubjectHandler } from "../../approvals/server/subjects.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { executeCancellation } from "./execute-cancellation.ts";
import { requestStoreIds } from "./queries.ts";
import { runCompensationNow } from "./compensation-job.ts";

/**
 * What the approval engine does for a cancellation request (registered by lib/wiring.ts): approved
 * → it executes in the same transaction and its refunds go out after commit; rejected or expired →
 * it ends and its holds are released.
 */
export const cancellationSubject: ApprovalSubjectHandler = {
  async lock(tx, actor, subjectId) {
    const request = await tx.cancellationRequest.findUnique({ where: { id: subjectId } });
    if (!request) throw notFound("Cancellation request");
    const order = await lockOrder(tx, request.orderId, orderReadWhere(actor));
    // Re-read under the order lock: the status may have changed while we waited.
    const fresh = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: subjectId } });
    return {
      order,
      id: fresh.id,
      label: `cancellation ${fresh.number}`,
      pending: fresh.status === "PENDING_APPROVAL",
      status: fresh.status,
      storeIds: await requestStoreIds(tx, fresh.id),
    };
  },
  async approved(tx, actor, subject) {
    await tx.cancellationRequest.update({ where: { id: subject.id }, data: { status: "APPROVED", decidedAt: new Date() } });
    await executeCancellation(tx, actor, subject.order, subject.id);
  },
  async ended(tx, actor, subject, outcome, comment, level) {
    await tx.cancellationRequest.update({ where: { id: subject.id }, data: { status: outcome, decidedAt: new Date() } });
    await releaseHolds(tx, { type: "CancellationRequest", id: subject.id });
    const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: subject.id }, select: { number: true } });
    await recordOrderCommand(
      tx,
      actor,
      subject.order,
      {
        action: outcome === "REJECTED" ? "CANCELLATION_REJECTED" : "CANCELLATION_EXPIRED",
        description: `Cancellation ${request.number} ${outcome === "REJECTED" ? "rejected" : "expired"}: ${comment}`,
        data: { cancellationRequestId: subject.id, comment },
        stores: sameForStores(subject.storeIds),
      },
      [{ type: outcome === "REJECTED" ? "OrderCancellationRejected" : "OrderCancellationExpired", payload: { cancellationRequestId: subject.id, ...(level ? { level } : {}), comment } }],
    );
  },
  async afterCommit(db, _actor, subjectId) {
    await runCompensationNow(db, subjectId);
  },
  async statusOf(db, subjectId) {
    return (await db.cancellationRequest.findUniqueOrThrow({ where: { id: subjectId }, select: { status: true } })).status;
  },
};
