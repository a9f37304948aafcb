import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import type { CancellationViewT } from "../contracts/cancellations.ts";
import { DomainError } from "../../../platform/errors.ts";
import { decideApproval } from "../../approvals/server/decide.ts";
import { closePendingTasks } from "../../approvals/server/decision-steps.ts";
import { lockRequest } from "./approval-subject.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { CANCELLATION_SUBJECT, cancellationViewFor } from "./queries.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";

/**
 * Signs every pending approval task of the request the approver may sign (the approval engine's
 * one decision command). When none remains the request is APPROVED and executes in the same
 * transaction; its refund goes out after commit.
 */
export async function approveCancellationRequest(
  db: Db,
  actor: Actor,
  orderId: string,
  requestId: string,
  input: { comment?: string },
  options: { gateway?: PaymentGateway; expectedVersion?: number } = {},
): Promise<CancellationViewT> {
  await decideApproval(db, actor, { type: CANCELLATION_SUBJECT, id: requestId, orderId }, { decision: "APPROVE", comment: input.comment }, options);
  return cancellationViewFor(db, actor, orderId, requestId);
}

/** One rejection rejects the request; a comment is required. The held units are released. */
export async function rejectCancellationRequest(
  db: Db,
  actor: Actor,
  orderId: string,
  requestId: string,
  input: { comment: string },
  options: { expectedVersion?: number } = {},
): Promise<CancellationViewT> {
  await decideApproval(db, actor, { type: CANCELLATION_SUBJECT, id: requestId, orderId }, { decision: "REJECT", comment: input.comment }, options);
  return cancellationViewFor(db, actor, orderId, requestId);
}

/** The requester (or OPS) takes back a request that has not executed yet. */
export async function withdrawCancellationRequest(db: Db, actor: Actor, orderId: string, requestId: string, options: { expectedVersion?: number } = {}) {
  authorize(actor, "cancellation.withdraw");
  await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockRequest(tx, actor, { id: requestId, orderId }, options.expectedVersion);
    if (request.requestedById !== actor.userId && !isOps(actor)) throw new DomainError("FORBIDDEN", "Only the requester or operations can withdraw a request");
    if (request.status !== "PENDING_APPROVAL") {
      throw new DomainError("CONFLICT", `Cancellation ${request.number} is ${request.status.toLowerCase().replaceAll("_", " ")}; only pending requests can be withdrawn`, {
        requestStatus: request.status,
      });
    }
    await closePendingTasks(tx, { type: CANCELLATION_SUBJECT, id: request.id }, "request withdrawn", new Date());
    await tx.cancellationRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
    await releaseHolds(tx, { type: "CancellationRequest", id: request.id });
    await recordOrderCommand(
      tx,
      actor,
      order as LockedOrder,
      { action: "CANCELLATION_WITHDRAWN", description: `Cancellation ${request.number} withdrawn`, data: { cancellationRequestId: request.id }, stores: sameForStores(storeIds) },
      [{ type: "OrderCancellationWithdrawn", payload: { cancellationRequestId: request.id } }],
    );
  });
  return cancellationViewFor(db, actor, orderId, requestId);
}
