import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, validationFailed } from "../../../platform/errors.ts";
import { formatMoney } from "../../../platform/money/money.ts";
import { getOrder } from "../../orders/server/queries.ts";
import { priceAddOn } from "../domain/add-on.ts";
import type { AddOnOrderInput } from "../contracts/add-on.ts";
import { CreateSupplementalOrder } from "../contracts/supplemental.ts";
import { createSupplementalOrder } from "./create-supplemental.ts";

/**
 * An ADD_ON order of more units of the order's own items at the price paid (`priceAddOn`), paid by
 * the one tender the buyer agreed to: its amount must be the add-on's total (else 422 on
 * `payments`, as intake refuses payments that do not add up). Created pinned to the order version the prices were read at, so an
 * order that changed meanwhile is refused (412) and nothing is stored.
 */
export async function createAddOnOrder(db: Db, actor: Actor, parentOrderId: string, input: AddOnOrderInput, options: { expectedVersion?: number } = {}) {
  authorize(actor, "order.supplement");
  const parent = await getOrder(db, actor, parentOrderId);
  if (options.expectedVersion !== undefined && options.expectedVersion !== parent.version) {
    throw new DomainError("VERSION_MISMATCH", `Order ${parent.number} is at version ${parent.version}, not ${options.expectedVersion}`);
  }
  if (parent.status === "CANCELLED") throw new DomainError("CONFLICT", `Order ${parent.number} is cancelled: it takes no add-on`);
  const { lines, total } = priceAddOn(parent.lines, input.lines);
  if (input.payment.amount !== total) {
    const money = (n: number) => formatMoney(n, parent.currency);
    throw validationFailed([{ path: "payments", message: `The add-on costs ${money(total)}, not the ${money(input.payment.amount)} you would pay. Check the total and place it again.` }], "The payment does not add up to the add-on's total");
  }
  const body = CreateSupplementalOrder.parse({ type: "ADD_ON", reasonCode: input.reasonCode, lines, payments: [input.payment] });
  return createSupplementalOrder(db, actor, parent.id, body, { expectedVersion: parent.version });
}
