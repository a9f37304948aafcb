import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { CauseHandler } from "../../compensation/server/causes.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import { CHARGE_ADJUSTMENT } from "../../compensation/server/refunds.ts";
import { COLLECT_CHARGE } from "../../compensation/server/charges.ts";
import { ASSESSMENT_CHANGED_REASON, failAmendment, finishAmendment, reassess } from "./apply-amendment.ts";
import { AMENDMENT_CAUSE } from "./queries.ts";
import { recordAmendmentRefund } from "./amendment-tasks.ts";
import { parseStoredAmendmentAssessment } from "../contracts/stored-assessment.ts";

const storeIdsOf = async (tx: Tx, id: string) => (await tx.amendmentRequest.findUniqueOrThrow({ where: { id }, select: { stores: { select: { storeId: true } } } })).stores.map((s) => s.storeId);

/** The charge could not be used: the request fails, and whatever of it was collected goes back (compensation). */
async function failAndRefundCharge(tx: Tx, actor: Actor, order: LockedOrder, id: string, code: string, reason: string) {
  const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id } });
  if (r.status !== "APPLYING") return;
  await failAmendment(tx, actor, order, r, code, reason, await storeIdsOf(tx, id));
  const collected = await tx.financialAdjustment.findMany({ where: { causeType: AMENDMENT_CAUSE, causeId: id, type: CHARGE_ADJUSTMENT, status: "SUCCEEDED" } });
  const byTender = collected.map((c) => ({ tenderId: c.tenderId, method: c.tenderMethod, amount: c.amount }));
  await recordAmendmentRefund(tx, order, r, byTender, "charge-refund");
}

/**
 * Its charge is collected: the amendment applies — if nothing but its own commands changed the
 * order since it was assessed (its holds keep fulfilment off its lines; the order's version tells
 * the rest). Otherwise it fails with ASSESSMENT_CHANGED and the charge is refunded.
 */
async function chargeCollected(tx: Tx, actor: Actor, order: LockedOrder, id: string) {
  const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id } });
  if (r.status !== "APPLYING") return;
  const inStep = r.ownVersion === order.version - 1;
  const checked = inStep ? await reassess(tx, actor, order, r, r.orderVersion) : null;
  if (!checked) return failAndRefundCharge(tx, actor, order, id, "ASSESSMENT_CHANGED", ASSESSMENT_CHANGED_REASON);
  await tx.amendmentRequest.update({ where: { id }, data: { ownVersion: order.version } });
  await finishAmendment(tx, actor, order, { ...r, ownVersion: order.version }, await storeIdsOf(tx, id), checked);
}

/** What the compensation machinery does for an amendment request (registered by lib/wiring.ts). */
export const amendmentCauseHandler: CauseHandler = {
  async describe(db, ids) {
    const rows = await db.amendmentRequest.findMany({ where: { id: { in: [...ids] } }, select: { id: true, number: true, status: true } });
    return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status }]));
  },
  ref: (id) => ({ cancellationRequestId: null, amendmentRequestId: id }),
  hasBlockedUnits: async () => false,
  /**
   * An applied amendment's status does not follow its tasks (refunds, replanning: their own
   * fallout covers failures). One that is still collecting its charge fails when OPS abandons the
   * charge, and gives back whatever of it was collected.
   */
  async recordSettlement(tx, actor, order, id) {
    const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id } });
    if (r.status !== "APPLYING") return r.status;
    const charge = await tx.compensationTask.findFirst({ where: { causeType: AMENDMENT_CAUSE, causeId: id, type: COLLECT_CHARGE } });
    if (charge?.status === "CANCELLED") await failAndRefundCharge(tx, actor, order, id, "CHARGE_FAILED", charge.lastError ?? "the charge was abandoned");
    return (await tx.amendmentRequest.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
  },
  /** A refund of an amendment concerns its lines' prices: each line that became cheaper gets its share, in line order. */
  async refundPaid(tx, id) {
    const r = await tx.amendmentRequest.findUniqueOrThrow({ where: { id } });
    // Only an applied amendment's refund is a lower price; a failed one's gives a charge back.
    if (r.status !== "APPLIED") return;
    const lines = parseStoredAmendmentAssessment(r.assessment, r).impact.lines.filter((l) => l.total < 0);
    let left = r.refund;
    for (const l of lines) {
      const share = Math.min(-l.total, left);
      if (share <= 0) break;
      left -= share;
      const line = await tx.orderLine.update({ where: { id: l.orderLineId }, data: { refunded: { increment: share } } });
      await tx.subOrder.update({ where: { id: line.subOrderId }, data: { refunded: { increment: share } } });
    }
  },
  chargeCollected,
  async chargeDeclined(tx, actor, order, id, reason) {
    await failAndRefundCharge(tx, actor, order, id, "CHARGE_DECLINED", reason);
  },
};
