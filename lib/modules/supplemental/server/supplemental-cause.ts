import type { CauseHandler } from "../../compensation/server/causes.ts";

/** What the compensation machinery does for a billing adjustment's credit (registered by lib/wiring.ts). */
export const supplementalCauseHandler: CauseHandler = {
  async describe(db, ids) {
    const rows = await db.order.findMany({ where: { id: { in: [...ids] } }, select: { id: true, number: true, status: true } });
    return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status }]));
  },
  ref: (id) => ({ cancellationRequestId: null, supplementalOrderId: id }),
  hasBlockedUnits: async () => false,
  /** The adjustment order is COMPLETED once its credit is paid. */
  async recordSettlement(tx, _actor, _order, id, settlement) {
    if (settlement === "COMPLETED") await tx.order.updateMany({ where: { id, status: "OPEN" }, data: { status: "COMPLETED" } });
    return (await tx.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
  },
  // The credit is booked on the parent's tenders and the parent order by the refund step itself.
  refundPaid: async () => {},
};
