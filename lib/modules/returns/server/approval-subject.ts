import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApprovalSubjectHandler, SubjectSummary } from "../../approvals/server/subjects.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { findReturn, RETURN_CAUSE } from "./queries.ts";

/** The approval engine's name for returns. */
export const RETURN_SUBJECT = "RETURN";

async function lockReturn(tx: Tx, actor: Actor, ref: { id: string; orderId?: string }, expectedVersion?: number) {
  const found = await tx.returnOrder.findUnique({ where: { id: ref.id }, select: { originalOrderId: true } });
  if (!found || (ref.orderId !== undefined && ref.orderId !== found.originalOrderId)) throw notFound("Return");
  const order = await lockOrder(tx, found.originalOrderId, {}, expectedVersion);
  const r = await findReturn(tx, actor, ref.id);
  const lines = await tx.orderLine.findMany({ where: { id: { in: r.lines.map((l) => l.orderLineId) } }, select: { storeId: true } });
  return { order, r, storeIds: [...new Set(lines.map((l) => l.storeId))] };
}

/** The return ends without any unit coming back: its status, its RETURN order's, and its holds. */
async function end(tx: Tx, r: { id: string; number: string; orderId: string }, status: "REJECTED") {
  const { count } = await tx.returnOrder.updateMany({ where: { id: r.id, status: "PENDING_APPROVAL" }, data: { status, decidedAt: new Date() } });
  if (count !== 1) throw new DomainError("CONFLICT", `Return ${r.number} can no longer be decided`);
  await tx.order.update({ where: { id: r.orderId }, data: { status: "CANCELLED" } });
  await releaseHolds(tx, { type: RETURN_CAUSE, id: r.id });
}

/**
 * What the approval engine does for a return (registered by lib/wiring.ts): approved → it awaits
 * its units; rejected, or expired with nobody left to ask → it ends and its units are free again.
 */
export const returnSubject: ApprovalSubjectHandler = {
  async lock(tx, actor, ref, expectedVersion) {
    const { order, r, storeIds } = await lockReturn(tx, actor, ref, expectedVersion);
    return { order, id: r.id, label: `return ${r.number}`, pending: r.status === "PENDING_APPROVAL", status: r.status, storeIds, requestedById: r.requestedById };
  },
  decisionEvents: { approved: "OrderReturnApproved", rejected: "OrderReturnRejected" },
  async approved(tx, _actor, subject) {
    const { count } = await tx.returnOrder.updateMany({ where: { id: subject.id, status: "PENDING_APPROVAL" }, data: { status: "AWAITING_RECEIPT", decidedAt: new Date() } });
    if (count !== 1) throw new DomainError("CONFLICT", `The ${subject.label} can no longer be approved`);
  },
  async ended(tx, actor, subject, outcome, comment, level) {
    const r = await tx.returnOrder.findUniqueOrThrow({ where: { id: subject.id } });
    await end(tx, r, "REJECTED");
    if (outcome !== "EXPIRED") return;
    const ref = { returnId: r.id, number: r.number, returnOrderId: r.orderId };
    await recordOrderCommand(tx, actor, subject.order, { action: "RETURN_EXPIRED", description: `Return ${r.number} expired: ${comment}`, data: { ...ref, comment } }, [
      { type: "OrderReturnExpired", payload: { ...ref, ...(level ? { level } : {}), comment } },
    ]);
  },
  async statusOf(db, subjectId) {
    return (await db.returnOrder.findUniqueOrThrow({ where: { id: subjectId }, select: { status: true } })).status;
  },
  async summaries(db, subjectIds) {
    const rows = await db.returnOrder.findMany({ where: { id: { in: [...subjectIds] } }, include: { lines: true } });
    const lines = await db.orderLine.findMany({ where: { id: { in: rows.flatMap((r) => r.lines.map((l) => l.orderLineId)) } }, select: { id: true, storeId: true } });
    const codes = new Map((await db.store.findMany({ select: { id: true, code: true } })).map((s) => [s.id, s.code]));
    const storeOf = new Map(lines.map((l) => [l.id, codes.get(l.storeId) ?? l.storeId]));
    return new Map(
      rows.map((r): [string, SubjectSummary] => [
        r.id,
        {
          label: `Return ${r.number}`,
          number: r.number,
          orderId: r.originalOrderId,
          stores: [...new Set(r.lines.map((l) => storeOf.get(l.orderLineId) ?? ""))].sort(),
          amount: r.refundTotal,
          requestedBy: r.requestedByLabel,
          reasonCode: r.reasonCode,
        },
      ]),
    );
  },
};
