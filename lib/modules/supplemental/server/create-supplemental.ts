import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { orderCancelWhere } from "../../orders/server/scope.ts";
import { intakeOrderInTx } from "../../orders/server/intake-order.ts";
import { orderFieldsOf } from "../../orders/server/order-field-columns.ts";
import { getOrder } from "../../orders/server/queries.ts";
import type { IntakeOrderInput } from "../../orders/contracts/orders.ts";
import { checkReplacements } from "../domain/replacement.ts";
import { claimAsset } from "../../orders/server/assets.ts";
import { createBillingAdjustment, SUPPLEMENTAL_CAUSE } from "./billing-adjustment.ts";
import { runCauseCompensationNow } from "../../compensation/server/compensation-job.ts";
import type { CreateSupplementalOrderInput } from "../contracts/supplemental.ts";
import { assertReasonCode } from "../../orders/server/reason-codes.ts";

/** The parent's lines as replacement rules read them: shipped or delivered units, and what earlier replacements took. */
async function replaceableLines(tx: Tx, parent: LockedOrder) {
  const lines = await tx.orderLine.findMany({ where: { orderId: parent.id } });
  const earlier = await tx.orderLine.groupBy({ by: ["replacesOrderLineId"], where: { replacesOrderLineId: { in: lines.map((l) => l.id) } }, _sum: { quantity: true } });
  const replaced = new Map(earlier.map((e) => [e.replacesOrderLineId, e._sum.quantity ?? 0]));
  return lines.map((l) => ({ id: l.id, lineNumber: l.lineNumber, unitPrice: l.unitPrice, shipped: l.qtyShipped + l.qtyDelivered, replaced: replaced.get(l.id) ?? 0 }));
}

async function assertReplaceable(tx: Tx, parent: LockedOrder, input: CreateSupplementalOrderInput) {
  const problems = checkReplacements(input.lines, await replaceableLines(tx, parent));
  const short = problems.filter((p) => p.code === "INSUFFICIENT_QUANTITY");
  if (problems.length > short.length) throw validationFailed(problems.filter((p) => p.code !== "INSUFFICIENT_QUANTITY").map(({ path, message }) => ({ path, message })), "The replacement is not valid");
  if (short.length) throw new DomainError("INSUFFICIENT_QUANTITY", short.map((p) => p.message).join("; "), { errors: short.map(({ path, message }) => ({ path, message })) });
}

/** Lines that target an asset claim it for the new order (one in-flight order per asset: 409 ASSET_IN_FLIGHT). */
async function claimTargetedAssets(tx: Tx, parent: LockedOrder, orderId: string, input: CreateSupplementalOrderInput) {
  const lines = await tx.orderLine.findMany({ where: { orderId }, select: { id: true, lineNumber: true } });
  for (const [i, l] of input.lines.entries()) {
    if (!l.targetAssetId) continue;
    const line = lines.find((x) => x.lineNumber === i + 1)!;
    await claimAsset(tx, { assetId: l.targetAssetId, buyerId: parent.buyerId, orderId, orderLineId: line.id, action: l.assetAction ?? "MODIFY", path: `lines[${i}].targetAssetId` });
  }
}

/** The relation row from the new order to its parent, and the parent's history entry and event. */
async function linkToParent(tx: Tx, actor: Actor, parent: LockedOrder, input: CreateSupplementalOrderInput, created: { id: string; relation: "SUPPLEMENTS" | "REPLACES" | "COMPENSATES" }) {
  const { id, relation } = created;
  await tx.orderRelation.create({ data: { fromOrderId: id, toOrderId: parent.id, type: relation, causeType: "Order", causeId: id } });
  const number = (await tx.order.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
  const data = { supplementalOrderId: id, number, supplementalType: input.type, relation, reasonCode: input.reasonCode };
  const kind = { ADD_ON: "Add-on", REPLACEMENT: "Replacement", BILLING_ADJUSTMENT: "Billing adjustment" }[input.type];
  await recordOrderCommand(tx, actor, parent, { action: "SUPPLEMENTAL_ORDER_CREATED", description: `${kind} order ${number} created (${relation.toLowerCase()} this order)`, data }, [
    { type: "OrderSupplemented", payload: data },
  ]);
  return id;
}

/**
 * Creates a supplemental order (SPEC §7): a full order of its own (number, lines, payment, audit)
 * for the parent's buyer, linked SUPPLEMENTS (an ADD_ON) or REPLACES (a REPLACEMENT of shipped units
 * at zero or a reduced price) to the parent, in one transaction with the parent locked. Payments
 * must add up as at intake (a zero total needs none).
 */
export async function createSupplementalOrder(db: Db, actor: Actor, parentOrderId: string, input: CreateSupplementalOrderInput, options: { expectedVersion?: number } = {}) {
  authorize(actor, "order.supplement");
  if (input.type !== "BILLING_ADJUSTMENT" && !input.lines.length) throw validationFailed([{ path: "lines", message: "an add-on or replacement needs at least one line" }]);
  const id = await inTransaction(db, async (tx) => {
    // The order first: a caller outside it learns nothing else (404), not even about the reason code.
    const parent = await lockOrder(tx, parentOrderId, orderCancelWhere(actor), options.expectedVersion);
    await assertReasonCode(tx, input.reasonCode, "SUPPLEMENTAL", actor);
    if (parent.orderType === "RETURN") throw new DomainError("CONFLICT", "A return order takes no supplemental orders");
    if (input.type === "BILLING_ADJUSTMENT") return linkToParent(tx, actor, parent, input, await createBillingAdjustment(tx, actor, parent, input));
    if (input.type === "REPLACEMENT") await assertReplaceable(tx, parent, input);
    const order: IntakeOrderInput = {
      buyerEmail: parent.buyerEmail,
      customerType: parent.customerType,
      currency: parent.currency,
      orderType: "SUPPLEMENTAL",
      lines: input.lines.map(({ replacesOrderLineId: _r, targetAssetId: _t, assetAction: _a, ...l }) => l),
      payments: input.payments,
      ...orderFieldsOf(parent),
    };
    const replaces = new Map(input.lines.flatMap((l, i) => (l.replacesOrderLineId ? [[i, l.replacesOrderLineId] as const] : [])));
    const parentStores = (await tx.subOrder.findMany({ where: { orderId: parent.id }, select: { storeId: true } })).map((s) => s.storeId);
    const created = await intakeOrderInTx(tx, actor, order, { parentOrderId: parent.id, supplementalType: input.type, replaces, parentStores });
    await claimTargetedAssets(tx, parent, created, input);
    return linkToParent(tx, actor, parent, input, { id: created, relation: input.type === "REPLACEMENT" ? "REPLACES" : "SUPPLEMENTS" });
  });
  await runCauseCompensationNow(db, { type: SUPPLEMENTAL_CAUSE, id });
  return getOrder(db, actor, id);
}
