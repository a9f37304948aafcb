import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { canCancelReturn } from "../domain/status.ts";
import type { ReturnViewT } from "../contracts/returns.ts";
import { findReturn, getReturn, RETURN_CAUSE } from "./queries.ts";

/**
 * The requester, the store or OPS calls a return off before any unit arrived: CANCELLED (its RETURN
 * order too), its units no longer held. After a receipt → 409.
 */
export async function cancelReturn(db: Db, actor: Actor, returnId: string): Promise<ReturnViewT> {
  authorize(actor, "return.request");
  await inTransaction(db, async (tx) => {
    const found = await findReturn(tx, actor, returnId);
    const order = await lockOrder(tx, found.originalOrderId, {});
    const r = await findReturn(tx, actor, returnId);
    if (actor.roles.has("BUYER") && !isOps(actor) && !actor.roles.has("SELLER") && r.requestedById !== actor.userId) {
      throw new DomainError("FORBIDDEN", "Only the requester, the store or operations can cancel a return");
    }
    if (!canCancelReturn(r)) {
      throw new DomainError("CONFLICT", `Return ${r.number} is ${r.status.toLowerCase().replaceAll("_", " ")}${r.lines.some((l) => l.received > 0) ? " and units have arrived" : ""}: it can no longer be cancelled`);
    }
    const { count } = await tx.returnOrder.updateMany({ where: { id: r.id, status: r.status }, data: { status: "CANCELLED", decidedAt: new Date() } });
    if (count !== 1) throw new DomainError("CONFLICT", `Return ${r.number} changed meanwhile; read it again`);
    await tx.order.update({ where: { id: r.orderId }, data: { status: "CANCELLED" } });
    await releaseHolds(tx, { type: RETURN_CAUSE, id: r.id });
    const ref = { returnId: r.id, number: r.number, returnOrderId: r.orderId };
    await recordOrderCommand(tx, actor, order, { action: "RETURN_CANCELLED", description: `Return ${r.number} cancelled`, data: ref }, [{ type: "OrderReturnCancelled", payload: ref }]);
  });
  return getReturn(db, actor, returnId);
}
