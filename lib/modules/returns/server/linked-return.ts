import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import { committedRefunds } from "../../cancellations/server/assessment.ts";
import { assessReturn, returnableUnits } from "../domain/assess-return.ts";
import { returnableLines, storeReturn } from "./create-return.ts";

/**
 * The shipped or delivered units of a cancellation request (SPEC §7) come back through a return of
 * their own, linked to the request: created as the request executes (after it released its holds),
 * with the request's reason, awaiting receipt at once — the request's approval covered them. Units
 * another return already holds are left out. Returns the return, or null when nothing can come back.
 */
export async function createLinkedReturn(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  input: { cancellationRequestId: string; reasonCode: string; reasonText?: string; lines: readonly { orderLineId: string; quantity: number }[] },
): Promise<{ id: string; number: string } | null> {
  const { rows, lines } = await returnableLines(tx, actor, order, true);
  const requested = input.lines.flatMap((r) => {
    const line = lines.find((l) => l.id === r.orderLineId);
    const quantity = line ? Math.min(r.quantity, returnableUnits(line)) : 0;
    return quantity > 0 ? [{ orderLineId: r.orderLineId, quantity }] : [];
  });
  if (!requested.length) return null;
  const { tenders, total } = await committedRefunds(tx, order.id);
  const result = assessReturn({ lines, requested, tenders, orderRefundedTotal: total });
  if (!result.ok) return null;
  return storeReturn(tx, actor, order, rows, result.assessment, { reasonCode: input.reasonCode, reasonText: input.reasonText, approvals: [], cancellationRequestId: input.cancellationRequestId });
}
