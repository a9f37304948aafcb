import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";
import { BUCKET_COLUMN } from "../../orders/server/line-counts.ts";
import type { HoldableStage } from "../../orders/server/holds.ts";
import { releaseForLine } from "../../inventory/server/supply.ts";
import { DEFAULT_STAGE_POLICY, inventoryAdjustmentFor } from "../../cancellations/domain/stage-policy.ts";
import type { LineDraft, OrderDraft } from "../domain/change-command.ts";
import { amendedLineMoney, substitutedLineMoney } from "../domain/line-money.ts";
import { lineForRules } from "../../orders/server/line-counts.ts";
import { WAREHOUSE_STAGES } from "../domain/replanning.ts";
import type { LineImpact } from "../domain/money-impact.ts";
import { AMENDMENT_CAUSE } from "./queries.ts";

type LineRow = Awaited<ReturnType<Tx["orderLine"]["findFirstOrThrow"]>>;
type Request = { id: string; number: string };

/** Stages whose units a substitution ends on the old line (everything not yet shipped). */
const ENDED_BY_SUBSTITUTION: readonly HoldableStage[] = ["OPEN", "ALLOCATED", ...(WAREHOUSE_STAGES as HoldableStage[])];

const ledger = (tx: Tx, actor: Actor, order: LockedOrder, r: Request, line: LineRow, entry: { from: HoldableStage | null; to: "OPEN" | "CANCELLED"; quantity: number; reason: string }) =>
  tx.quantityLedgerEntry.create({
    data: {
      orderId: order.id,
      orderLineId: line.id,
      fromBucket: entry.from,
      toBucket: entry.to,
      quantity: entry.quantity,
      reason: entry.reason,
      reference: r.number,
      causeType: AMENDMENT_CAUSE,
      causeId: r.id,
      actorId: actor.userId,
    },
  });

/** New price, added units (OPEN, ledger reason AMENDMENT) and the tax they carry, on the line itself. */
async function amendLine(tx: Tx, actor: Actor, order: LockedOrder, r: Request, line: LineRow, d: LineDraft) {
  const money = amendedLineMoney(lineForRules(line), d);
  const { count } = await tx.orderLine.updateMany({
    where: { id: line.id, quantity: line.quantity, unitPrice: line.unitPrice },
    data: { quantity: money.quantity, unitPrice: money.unitPrice, taxAmount: money.taxAmount, qtyOpen: { increment: d.addUnits } },
  });
  if (count !== 1) throw new WriteContention(`order line ${line.id}`);
  if (d.addUnits > 0) await ledger(tx, actor, order, r, line, { from: null, to: "OPEN", quantity: d.addUnits, reason: "AMENDMENT" });
}

/**
 * A substitution: the old line's units not yet shipped end (CANCELLED with reason SUBSTITUTED,
 * their reservations given back as a cancellation would), and a new line with the new SKU takes
 * them over at the amended price with the money they carry (SPEC §6), OPEN.
 */
async function substitute(tx: Tx, actor: Actor, order: LockedOrder, r: Request, line: LineRow, d: LineDraft) {
  const carried = substitutedLineMoney(lineForRules(line), d);
  for (const stage of ENDED_BY_SUBSTITUTION) {
    const quantity = line[BUCKET_COLUMN[stage]];
    if (!quantity) continue;
    const { count } = await tx.orderLine.updateMany({
      where: { id: line.id, [BUCKET_COLUMN[stage]]: quantity },
      data: { [BUCKET_COLUMN[stage]]: { decrement: quantity }, qtyCancelled: { increment: quantity } },
    });
    if (count !== 1) throw new WriteContention(`order line ${line.id} (${stage})`);
    await ledger(tx, actor, order, r, line, { from: stage, to: "CANCELLED", quantity, reason: `SUBSTITUTED:${d.sku}` });
    const adjustment = inventoryAdjustmentFor(DEFAULT_STAGE_POLICY[stage], false);
    if (adjustment) await releaseForLine(tx, actor, line, quantity, adjustment, { type: AMENDMENT_CAUSE, id: r.id });
  }
  const item = await tx.item.findUniqueOrThrow({ where: { sku: d.sku } });
  const last = await tx.orderLine.aggregate({ where: { orderId: order.id }, _max: { lineNumber: true } });
  const created = await tx.orderLine.create({
    data: {
      orderId: order.id,
      subOrderId: line.subOrderId,
      lineNumber: (last._max.lineNumber ?? 0) + 1,
      itemId: item.id,
      sku: item.sku,
      itemName: item.name,
      category: item.category,
      storeId: line.storeId,
      shipFromLocationId: line.shipFromLocationId,
      ...carried,
      qtyOpen: carried.quantity,
      status: line.status,
      statusCode: line.statusCode,
    },
  });
  await ledger(tx, actor, order, r, created, { from: null, to: "OPEN", quantity: carried.quantity, reason: `SUBSTITUTE_FOR:${line.sku}` });
  return created.id;
}

/**
 * Writes what the amendment does to its lines (prices, added units, substitutions; decreases are
 * the cancellation engine's) and, when it charges, the order's and sub-orders' totals by what
 * each line adds. Returns the new lines a substitution created, by the line they replace.
 */
export async function applyLineChanges(tx: Tx, actor: Actor, order: LockedOrder, r: Request, draft: OrderDraft, impacts: readonly LineImpact[], charges: boolean) {
  const lines = await tx.orderLine.findMany({ where: { id: { in: Object.keys(draft.lines) } } });
  const substituted: Record<string, string> = {};
  for (const line of lines) {
    // Units a decrease takes were cancelled already (by the linked cancellation): the line as it is now carries on.
    const d = { ...draft.lines[line.id]!, cancelUnits: 0 };
    if (d.sku !== line.sku) substituted[line.id] = await substitute(tx, actor, order, r, line, d);
    else if (d.addUnits > 0 || d.unitPrice !== line.unitPrice) await amendLine(tx, actor, order, r, line, d);
  }
  if (!charges) return substituted;
  let merchandise = 0;
  let tax = 0;
  for (const impact of impacts) {
    merchandise += impact.merchandise;
    tax += impact.tax;
    const subOrderId = lines.find((l) => l.id === impact.orderLineId)!.subOrderId;
    await tx.subOrder.update({ where: { id: subOrderId }, data: { subtotal: { increment: impact.merchandise }, tax: { increment: impact.tax }, total: { increment: impact.total } } });
  }
  // The total already grew by what the tenders were charged (compensation/server/charges.ts).
  await tx.order.update({ where: { id: order.id }, data: { subtotal: { increment: merchandise }, tax: { increment: tax } } });
  return substituted;
}
