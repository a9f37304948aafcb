import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApprovalSubjectHandler, SubjectSummary } from "../../approvals/server/subjects.ts";
import { applyAmendmentInTx } from "./apply-amendment.ts";
import { payLinkedRefund } from "./linked-refund.ts";
import { handOverDecreasedLines } from "./line-holds.ts";
import { recordOrderCommand } from "../../orders/server/order-command.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { lockAmendment } from "./decide-amendment.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { AMENDMENT_HOLDER, notActive } from "./queries.ts";

async function lockSubject(tx: Tx, actor: Actor, ref: { id: string; orderId?: string }, expectedVersion?: number) {
  const found = await tx.amendmentRequest.findFirst({ where: { id: ref.id, ...(ref.orderId !== undefined ? { orderId: ref.orderId } : {}) }, select: { orderId: true } });
  return lockAmendment(tx, actor, found?.orderId ?? ref.orderId ?? "", ref.id, expectedVersion);
}

/**
 * What the approval engine does for an amendment request (registered by lib/wiring.ts): approved
 * → it applies in the same transaction, unless the order moved on since its assessment (then it
 * fails); rejected → it ends; an approval that expires with nobody left to ask fails it.
 */
export const amendmentSubject: ApprovalSubjectHandler = {
  async lock(tx, actor, ref, expectedVersion) {
    const { order, request, storeIds } = await lockSubject(tx, actor, ref, expectedVersion);
    return {
      order,
      id: request.id,
      label: `amendment ${request.number}`,
      pending: request.status === "REQUIRES_APPROVAL",
      status: request.status,
      storeIds,
      requestedById: request.requestedById,
    };
  },
  decisionEvents: { approved: "OrderAmendmentApproved", rejected: "OrderAmendmentRejected" },
  async approved(tx, actor, subject) {
    const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id: subject.id } });
    const { count } = await tx.amendmentRequest.updateMany({ where: { id: r.id, status: "REQUIRES_APPROVAL" }, data: { status: "APPROVED", decidedAt: new Date() } });
    if (count !== 1) throw notActive(r.number, r.status, "it can no longer be approved");
    if (!r.applyNow) return;
    await handOverDecreasedLines(tx, r);
    await applyAmendmentInTx(tx, actor, subject.order, { ...r, status: "APPROVED" }, subject.storeIds);
  },
  async ended(tx, actor, subject, outcome, comment, level) {
    const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id: subject.id } });
    const expired = outcome === "EXPIRED";
    const { count } = await tx.amendmentRequest.updateMany({
      where: { id: r.id, status: "REQUIRES_APPROVAL" },
      data: { status: "REJECTED", decidedAt: new Date(), failureReason: expired ? `Its approval expired: ${comment}` : null },
    });
    if (count !== 1) throw notActive(r.number, r.status, "it can no longer be decided");
    await releaseHolds(tx, { type: AMENDMENT_HOLDER, id: r.id });
    // A rejection is recorded by the decision itself (APPROVAL_REJECTED, OrderAmendmentRejected); an expiry here.
    if (!expired) return;
    const ref = { amendmentRequestId: r.id, number: r.number };
    await recordOrderCommand(
      tx,
      actor,
      subject.order,
      { action: "AMENDMENT_EXPIRED", description: `Amendment ${r.number} expired: ${comment}`, data: { ...ref, comment }, stores: sameForStores(subject.storeIds) },
      [{ type: "OrderAmendmentExpired", payload: { ...ref, ...(level ? { level } : {}), comment } }],
    );
  },
  async afterCommit(db, _actor, subjectId, options) {
    await payLinkedRefund(db, subjectId, options.gateway);
  },
  async statusOf(db, subjectId) {
    return (await db.amendmentRequest.findUniqueOrThrow({ where: { id: subjectId }, select: { status: true } })).status;
  },
  async summaries(db, subjectIds) {
    const rows = await db.amendmentRequest.findMany({ where: { id: { in: [...subjectIds] } }, include: { stores: { select: { storeId: true } } } });
    const stores = new Map((await db.store.findMany({ select: { id: true, code: true } })).map((s) => [s.id, s.code]));
    return new Map(
      rows.map((r): [string, SubjectSummary] => [
        r.id,
        {
          label: `Amendment ${r.number}`,
          number: r.number,
          orderId: r.orderId,
          stores: r.stores.map((s) => stores.get(s.storeId) ?? s.storeId).sort(),
          amount: r.charge || r.refund,
          requestedBy: r.requestedByLabel,
          reasonCode: r.reasonCode,
        },
      ]),
    );
  },
};
