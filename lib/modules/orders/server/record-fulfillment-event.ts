import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { FulfillmentEventInput } from "../contracts/orders.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { FULFILMENT_TRANSITIONS, applyMove } from "../domain/buckets.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, refreshStatuses, type LockedOrder } from "./order-command.ts";
import { BUCKET_COLUMN, countsOfLine } from "./line-counts.ts";
import { orderWorkWhere, workableStores, inStores } from "./scope.ts";
import { getOrder } from "./queries.ts";
import { activeHolds, describeHolder, type HoldableStage } from "./holds.ts";
import { fulfilmentPath } from "../domain/fulfilment-path.ts";
import { PAST_TENSE, moveUnits, recordFulfilment, type Move, type Stages, type Step } from "./record-fulfillment-event-steps.ts";
import { recordShipments } from "./shipments.ts";
import { recordDeliveries } from "./shipment-deliveries.ts";
import { allocationExpiresAt } from "../domain/allocation-expiry.ts";
import { env } from "../../../platform/config/env.ts";

/**
 * Moves N units of lines forward (ship 2 of 5). With `toStage` the units go on through every
 * stage up to it: each stage is its own step (ledger rows, history entry, event), all in one
 * transaction under one order version. All lines and steps happen or none: every step is checked
 * before it writes, the bucket updates are conditional as a second guard, and any failure rolls
 * back the whole transaction. ALLOCATE reserves inventory at the line's ship-from location; SHIP
 * consumes it and records the shipment (new, or the one `shipment.number` names); DELIVER counts
 * the units on the shipments that carried them. With an allocation expiry (ALLOCATION_EXPIRY_MINUTES)
 * ALLOCATE records when its units expire.
 */
export async function recordFulfillmentEvent(
  db: Db,
  actor: Actor,
  orderId: string,
  input: FulfillmentEventInput,
  options: { expectedVersion?: number; allocationExpiryMinutes?: number | null } = {},
) {
  authorize(actor, "order.fulfil");
  rejectRepeatedLines(input);
  const path = fulfilmentPath(input.type, input.toStage);
  if (!path.ok) throw validationFailed([{ path: "toStage", message: path.message }]);
  if (input.shipment && !path.events.includes("SHIP")) throw validationFailed([{ path: "shipment", message: "shipment details go with units being shipped" }]);
  const expiryMinutes = options.allocationExpiryMinutes === undefined ? env().ALLOCATION_EXPIRY_MINUTES : options.allocationExpiryMinutes;
  const shipmentIds = await inTransaction(db, async (tx) => {
    let order = await lockOrder(tx, orderId, orderWorkWhere(actor), options.expectedVersion);
    let shipped: string[] = [];
    for (const type of path.events) {
      const step: Step = {
        type,
        trackingNumber: type === "SHIP" || path.events.length === 1 ? input.trackingNumber : undefined,
        allocationExpiresAt: type === "ALLOCATE" ? allocationExpiresAt(new Date(), expiryMinutes) : null,
      };
      const stages = FULFILMENT_TRANSITIONS[type];
      const moves = await planMoves(tx, actor, order, input, step, stages);
      await moveUnits(tx, actor, order, step, stages, moves);
      order = await recordFulfilment(tx, actor, order, step, stages, moves);
      if (type === "SHIP") shipped = await recordShipments(tx, actor, order, moves, input);
      if (type === "DELIVER") await recordDeliveries(tx, actor, order, moves);
    }
    return shipped;
  });
  const order = await getOrder(db, actor, orderId);
  return { ...order, shipment: order.shipments.find((s) => s.id === shipmentIds[0]) ?? null };
}

function rejectRepeatedLines(input: FulfillmentEventInput) {
  const seen = new Set<string>();
  const dupes = input.lines.flatMap((l, i) => {
    const dup = seen.has(l.orderLineId);
    seen.add(l.orderLineId);
    return dup ? [{ path: `lines[${i}].orderLineId`, message: "each line may appear once per event" }] : [];
  });
  if (dupes.length) throw validationFailed(dupes);
}

/** Every requested line, checked against what its `from` stage holds free of pending changes; nothing is written. */
async function planMoves(tx: Tx, actor: Actor, order: LockedOrder, input: FulfillmentEventInput, step: Step, { from, to }: Stages): Promise<Move[]> {
  const stores = workableStores(actor);
  const lines = await tx.orderLine.findMany({ where: { orderId: order.id, id: { in: input.lines.map((l) => l.orderLineId) } } });
  const byId = new Map(lines.map((l) => [l.id, l]));
  const holds = await activeHolds(tx, lines.map((l) => l.id));
  return input.lines.map((req, i) => {
    const line = byId.get(req.orderLineId);
    if (!line || !inStores(stores, line.storeId)) throw notFound(`Order line ${req.orderLineId}`, { path: `lines[${i}].orderLineId` });
    // Units held by a pending change (a cancellation waiting for approval, say) are not available to fulfilment.
    const hold = holds.get(line.id);
    const held = hold?.byStage[from as HoldableStage] ?? 0;
    const counts = countsOfLine(line);
    const result = applyMove({ ...counts, [from]: counts[from] - held }, from, to, req.quantity);
    if (!result.ok) {
      const available = result.error.available ?? 0;
      const heldNote = held ? ` (${held} more held by ${describeHolder(hold!.holder)})` : "";
      throw new DomainError(
        "INSUFFICIENT_QUANTITY",
        `Line ${line.lineNumber} (${line.sku}) has ${available} unit(s) ${from.toLowerCase()}${heldNote}; cannot mark ${req.quantity} ${PAST_TENSE[step.type]}`,
        {
          orderLineId: line.id,
          bucket: from,
          available,
          held,
          requested: req.quantity,
          errors: [{ path: `lines[${i}].quantity`, message: `${available} unit(s) ${from.toLowerCase()}${heldNote}` }],
        },
      );
    }
    return { line, quantity: req.quantity };
  });
}
