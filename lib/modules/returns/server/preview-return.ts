import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { orderCancelWhere } from "../../orders/server/scope.ts";
import { assertReasonCode } from "../../orders/server/reason-codes.ts";
import type { ReturnAssessment } from "../domain/assess-return.ts";
import type { CreateReturnInput } from "../contracts/returns.ts";
import { assessOrderReturn } from "./create-return.ts";

/**
 * What `createReturn` with the same input would take back and refund — per line (by stage and
 * refund component) and per tender — with the same checks and errors, storing nothing and leaving
 * the order's version alone. Read in one transaction so holds and refunds are seen together.
 */
export async function previewReturn(db: Db, actor: Actor, orderId: string, input: CreateReturnInput): Promise<ReturnAssessment> {
  authorize(actor, "return.request");
  return inTransaction(db, async (tx) => {
    await assertReasonCode(tx, input.reasonCode, "RETURN", actor);
    const order = await tx.order.findFirst({ where: { AND: [{ id: orderId }, orderCancelWhere(actor)] } });
    if (!order) throw notFound("Order");
    if (order.orderType === "RETURN") throw new DomainError("CONFLICT", "A return order cannot itself be returned");
    return (await assessOrderReturn(tx, actor, order, input.lines)).assessment;
  });
}
