import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { canTransition, type CancellationRequestStatus } from "../domain/request-status.ts";
import type { Settlement } from "../../compensation/domain/settlement.ts";
import type { CauseHandler } from "../../compensation/server/causes.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { requestStoreIds } from "./queries.ts";

/** Statuses in which a request follows its compensation tasks. */
const SETTLING: readonly CancellationRequestStatus[] = ["EXECUTING", "FAILED", "PARTIALLY_COMPLETED"];

/**
 * The request's status follows its compensation tasks (settleCause derives it): EXECUTING while
 * any is open, FAILED if one failed, else COMPLETED (PARTIALLY_COMPLETED when some units could only
 * be returned, not cancelled, or a step was abandoned).
 */
async function recordSettlement(tx: Tx, actor: Actor, order: LockedOrder, requestId: string, to: Settlement, reason: string) {
  const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId } });
  const from = request.status as CancellationRequestStatus;
  if (!SETTLING.includes(from)) return from;
  if (to === "FAILED" && from === "FAILED" && request.failureReason !== reason) {
    // Still failed, for a newer reason (a retry failed differently): show the latest one.
    await tx.cancellationRequest.update({ where: { id: request.id }, data: { failureReason: reason } });
  }
  if (to === from || !canTransition(from, to)) return from;
  const final = to === "COMPLETED" || to === "PARTIALLY_COMPLETED";
  await tx.cancellationRequest.update({
    where: { id: request.id },
    data: { status: to, completedAt: final ? new Date() : null, failureReason: to === "FAILED" ? reason : null },
  });
  const type = final ? "CancellationCompleted" : to === "FAILED" ? "CancellationFailed" : "CancellationResumed";
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: `CANCELLATION_${to}`,
      description: `Cancellation ${request.number} is now ${to.toLowerCase().replaceAll("_", " ")}`,
      data: { cancellationRequestId: request.id, from, to },
      stores: sameForStores(await requestStoreIds(tx, request.id)),
    },
    [{ type, payload: { cancellationRequestId: request.id, from, to } }],
  );
  return to;
}

/**
 * The request's refund is paid in full: each line and its sub-order get their share, and the
 * request its refunded total — once (a request whose refunded total is already booked is left alone).
 */
async function refundPaid(tx: Tx, requestId: string) {
  const request = await tx.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { lines: { include: { orderLine: true } } } });
  const { count } = await tx.cancellationRequest.updateMany({ where: { id: requestId, refundedTotal: 0 }, data: { refundedTotal: request.refundTotal } });
  if (count !== 1) return;
  for (const rl of request.lines) {
    if (!rl.refundTotal) continue;
    await tx.orderLine.update({ where: { id: rl.orderLineId }, data: { refunded: { increment: rl.refundTotal } } });
    await tx.subOrder.update({ where: { id: rl.orderLine.subOrderId }, data: { refunded: { increment: rl.refundTotal } } });
  }
}

/** What the compensation machinery does for a cancellation request (registered by lib/wiring.ts). */
export const cancellationCauseHandler: CauseHandler = {
  async describe(db, ids) {
    const rows = await db.cancellationRequest.findMany({ where: { id: { in: [...ids] } }, select: { id: true, number: true, status: true } });
    return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status }]));
  },
  ref: (id) => ({ cancellationRequestId: id }),
  async hasBlockedUnits(tx, id) {
    return (await tx.cancellationRequestLine.count({ where: { requestId: id, blockedQuantity: { gt: 0 } } })) > 0;
  },
  recordSettlement,
  refundPaid,
};
