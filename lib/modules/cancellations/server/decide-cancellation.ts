import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import type { CancellationViewT } from "../contracts/cancellations.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { canSign } from "../../approvals/domain/signing.ts";
import { isPastDeadline } from "../../approvals/domain/escalation.ts";
import { closePendingTasks, signTask } from "../../approvals/server/decide.ts";
import type { LockedSubject } from "../../approvals/server/subjects.ts";
import { cancellationSubject } from "./approval-subject.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { cancellationRequestWhere, orderReadWhere, visibleStores } from "../../orders/server/scope.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { runCompensationNow } from "./compensation-job.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { CANCELLATION_SUBJECT, cancellationViewFor, requestStoreIds } from "./queries.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";

/** Locks the order (pinned to the caller's If-Match) and reads the request, if the actor's part of the order shows it (else 404). */
async function lockRequest(tx: Tx, actor: Actor, orderId: string, requestId: string, expectedVersion: number | undefined) {
  const order = await lockOrder(tx, orderId, orderReadWhere(actor), expectedVersion);
  const subOrders = await tx.subOrder.findMany({ where: { orderId: order.id }, select: { storeId: true } });
  const stores = visibleStores(actor, { buyerId: order.buyerId, subOrders });
  const request = await tx.cancellationRequest.findFirst({ where: { id: requestId, orderId: order.id, ...cancellationRequestWhere(stores) } });
  if (!request) throw notFound("Cancellation request");
  return { order, request, storeIds: await requestStoreIds(tx, request.id) };
}

function notPending(number: string, status: string) {
  return new DomainError("CONFLICT", `Cancellation ${number} is ${status.toLowerCase().replaceAll("_", " ")}; it can no longer be decided`, { requestStatus: status });
}


/** The pending tasks of a request this approver may sign: at or below their level, never their own request. */
async function signableTasks(tx: Tx, actor: Actor, request: { id: string; number: string; status: string; requestedById: string }) {
  if (request.status !== "PENDING_APPROVAL") throw notPending(request.number, request.status);
  const pending = await tx.approvalTask.findMany({ where: { subjectType: CANCELLATION_SUBJECT, subjectId: request.id, status: "PENDING" } });
  if (!pending.length) throw notPending(request.number, request.status);
  if (request.requestedById === actor.userId) throw new DomainError("FORBIDDEN", "You cannot decide on your own request");
  // A task past its deadline is waiting for the expiry job (escalation or auto-approval), not for a signature.
  const now = new Date();
  const live = pending.filter((t) => !isPastDeadline(t, now));
  if (!live.length) throw new DomainError("CONFLICT", `The approvals of cancellation ${request.number} expired; they can no longer be decided`, { requestStatus: request.status });
  const mine = live.filter((t) => canSign(actor.approverLevel, t.level as ApproverLevel));
  if (!mine.length) {
    throw new DomainError("FORBIDDEN", `This request needs ${pending.map((t) => t.level).join(" + ")} approval; your level is ${actor.approverLevel ?? "none"}`);
  }
  return { pending, mine };
}

/** The locked request as the approval engine's cancellation handler sees it. */
function lockedSubject(order: LockedOrder, request: { id: string; number: string; status: string }, storeIds: readonly string[]): LockedSubject {
  return { order, id: request.id, label: `cancellation ${request.number}`, pending: request.status === "PENDING_APPROVAL", status: request.status, storeIds };
}

/**
 * Signs every pending approval task of the request the approver may sign. When none remains the
 * request is APPROVED and executes in the same transaction; its refund goes out after commit.
 */
export async function approveCancellationRequest(
  db: Db,
  actor: Actor,
  orderId: string,
  requestId: string,
  input: { comment?: string },
  options: { gateway?: PaymentGateway; expectedVersion?: number } = {},
): Promise<CancellationViewT> {
  authorize(actor, "approval.decide");
  await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockRequest(tx, actor, orderId, requestId, options.expectedVersion);
    const { pending, mine } = await signableTasks(tx, actor, request);
    for (const t of mine) await signTask(tx, actor, t.id, "APPROVED", input.comment || null, new Date());
    const remaining = pending.length - mine.length;
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "CANCELLATION_APPROVAL_SIGNED",
        description: `${mine.map((t) => t.level).join(" + ")} approval of cancellation ${request.number} signed${remaining ? `; ${remaining} approval(s) still pending` : ""}`,
        data: { cancellationRequestId: request.id, tasks: mine.map((t) => t.id), comment: input.comment ?? null },
        stores: sameForStores(storeIds),
      },
      [{ type: "OrderCancellationApproved", payload: { cancellationRequestId: request.id, levels: mine.map((t) => t.level), remaining } }],
    );
    if (remaining === 0) await cancellationSubject.approved(tx, actor, lockedSubject(order, request, storeIds));
  });
  await runCompensationNow(db, requestId, { gateway: options.gateway });
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
) {
  authorize(actor, "approval.decide");
  if (!input.comment?.trim()) throw validationFailed([{ path: "comment", message: "a comment is required to reject" }]);
  await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockRequest(tx, actor, orderId, requestId, options.expectedVersion);
    const { mine } = await signableTasks(tx, actor, request);
    const now = new Date();
    await signTask(tx, actor, mine[0]!.id, "REJECTED", input.comment, now);
    await closePendingTasks(tx, { type: CANCELLATION_SUBJECT, id: request.id }, "request rejected", now, mine[0]!.id);
    await cancellationSubject.ended(tx, actor, lockedSubject(order, request, storeIds), "REJECTED", input.comment, mine[0]!.level as ApproverLevel);
  });
  return cancellationViewFor(db, actor, orderId, requestId);
}

/** The requester (or OPS) takes back a request that has not executed yet. */
export async function withdrawCancellationRequest(db: Db, actor: Actor, orderId: string, requestId: string, options: { expectedVersion?: number } = {}) {
  authorize(actor, "cancellation.withdraw");
  await inTransaction(db, async (tx) => {
    const { order, request, storeIds } = await lockRequest(tx, actor, orderId, requestId, options.expectedVersion);
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
