import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import { placeHolds } from "../../orders/server/holds.ts";
import { CreateCancellationRequest } from "../contracts/cancellations.ts";
import { assessForActor } from "./assessment.ts";
import { assertCancellable, recordRequested, storeRequest } from "./create-cancellation-request.ts";
import { executeCancellation } from "./execute-cancellation.ts";
import { CANCELLATION_CAUSE } from "./cause.ts";

/**
 * Cancels units of lines on behalf of another change that was already signed off (an amendment's
 * quantity decrease): a cancellation request of its own, assessed and executed by the cancellation
 * engine in the caller's transaction, so its refund follows the same rules to the cent. It needs no
 * approval of its own. The caller pays its refund after commit (runCompensationNow).
 */
export async function cancelForChange(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  input: { lines: { orderLineId: string; quantity: number }[]; reasonCode: string; reasonText: string },
): Promise<{ id: string; number: string }> {
  const request = CreateCancellationRequest.parse({
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: input.reasonCode,
    reasonText: input.reasonText,
    scope: { type: "LINES", lines: input.lines },
    refundMethod: "ORIGINAL_PAYMENT",
    damaged: false,
  });
  // The change it carries out was checked against its requester's reach; whoever signs it off (an
  // approver reaches no store's lines) does not narrow the lines it cancels.
  const assessed = await assessForActor(tx, actor, order, request, { stores: "all" });
  assertCancellable(assessed);
  const assessment = { ...assessed, requiredApprovals: [], autoApproved: [] };
  const row = await storeRequest(tx, actor, order, request, assessment);
  const holds = assessment.lines.map((l) => ({ orderId: order.id, orderLineId: l.orderLineId, byStage: l.byStage }));
  await placeHolds(tx, { type: CANCELLATION_CAUSE, id: row.id, number: row.number }, holds);
  await recordRequested(tx, actor, order, request, row, assessment);
  await executeCancellation(tx, actor, order, row.id);
  return row;
}
