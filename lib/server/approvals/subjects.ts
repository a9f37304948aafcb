import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import type { ApproverLevel } from "../../auth/permissions.ts";
import { notFound } from "../../domain/errors.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../orders/order-command.ts";
import { orderReadWhere } from "../orders/scope.ts";
import { executeCancellation } from "../cancellations/execute-cancellation.ts";
import { runCompensationNow } from "../jobs/run-now.ts";
import { releaseHolds } from "../cancellations/holds.ts";
import { CANCELLATION_SUBJECT, requestStoreIds } from "../cancellations/queries.ts";
import { sameForStores } from "../audit.ts";

/** A subject locked for a decision: its order is claimed (so decisions on one subject serialise). */
export interface LockedSubject {
  order: LockedOrder;
  id: string;
  /** e.g. "cancellation CX-000012" */
  label: string;
  /** Still waiting for approvals. */
  pending: boolean;
  status: string;
  /** The stores the subject concerns: its history entries are part of these stores' view. */
  storeIds: readonly string[];
}

/**
 * What the approval engine needs from each kind of thing it approves. Cancellations today;
 * amendments and supplemental orders add an entry here and reuse the tasks, decisions, expiry and
 * queue unchanged.
 */
export interface ApprovalSubjectHandler {
  lock(tx: Tx, actor: Actor, subjectId: string): Promise<LockedSubject>;
  /** Every task is approved: the subject proceeds (in the same transaction). */
  approved(tx: Tx, actor: Actor, subject: LockedSubject): Promise<void>;
  /** One task was rejected, or expired with nobody left to ask: the subject ends. */
  ended(tx: Tx, actor: Actor, subject: LockedSubject, outcome: "REJECTED" | "EXPIRED", comment: string, level?: ApproverLevel): Promise<void>;
  /** Work that must happen after commit (e.g. paying a refund through the gateway). */
  afterCommit?(db: Db, actor: Actor, subjectId: string): Promise<void>;
}

const cancellation: ApprovalSubjectHandler = {
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
    await releaseHolds(tx, subject.id);
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
};

export const APPROVAL_SUBJECTS: Readonly<Record<string, ApprovalSubjectHandler>> = Object.freeze({ [CANCELLATION_SUBJECT]: cancellation });

export function subjectHandler(subjectType: string): ApprovalSubjectHandler {
  const h = APPROVAL_SUBJECTS[subjectType];
  if (!h) throw new Error(`No approval handler for subject type ${subjectType}`);
  return h;
}
