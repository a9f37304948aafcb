import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { FulfillmentEventInput } from "../contracts/orders.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { FULFILMENT_TRANSITIONS, applyMove, type Bucket } from "../domain/buckets.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, refreshStatuses, type LockedOrder } from "./order-command.ts";
import { BUCKET_COLUMN, countsOfLine } from "./line-counts.ts";
import { orderWorkWhere, workableStores, inStores } from "./scope.ts";
import { consumeForLine, reserveForLine } from "../../inventory/server/supply.ts";
import { getOrder } from "./queries.ts";
import { activeHolds, describeHolder, type HoldableStage } from "./holds.ts";
import { createAssetsForDelivered, releaseClaims } from "./assets.ts";

const PAST_TENSE = { ALLOCATE: "allocated", RELEASE: "released", PICK: "picked", PACK: "packed", SHIP: "shipped", DELIVER: "delivered" } as const;

type OrderLineRow = Prisma.OrderLineGetPayload<object>;
type Move = { line: OrderLineRow; quantity: number };
type Stages = { from: Bucket; to: Bucket };

/**
 * Moves N units of lines one stage forward (ship 2 of 5). All lines move or none: every check
 * happens before the first write, and the bucket updates are conditional as a second guard.
 * ALLOCATE reserves inventory at the line's ship-from location; SHIP consumes it.
 */
export async function recordFulfillmentEvent(
  db: Db,
  actor: Actor,
  orderId: string,
  input: FulfillmentEventInput,
  options: { expectedVersion?: number } = {},
) {
  authorize(actor, "order.fulfil");
  rejectRepeatedLines(input);
  const stages = FULFILMENT_TRANSITIONS[input.type];
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId, orderWorkWhere(actor), options.expectedVersion);
    const moves = await planMoves(tx, actor, order, input, stages);
    await moveUnits(tx, actor, order, input, stages, moves);
    await recordFulfilment(tx, actor, order, input, stages, moves);
  });
  return getOrder(db, actor, orderId);
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
async function planMoves(tx: Tx, actor: Actor, order: LockedOrder, input: FulfillmentEventInput, { from, to }: Stages): Promise<Move[]> {
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
        `Line ${line.lineNumber} (${line.sku}) has ${available} unit(s) ${from.toLowerCase()}${heldNote}; cannot mark ${req.quantity} ${PAST_TENSE[input.type]}`,
        { orderLineId: line.id, bucket: from, available, held, requested: req.quantity },
      );
    }
    return { line, quantity: req.quantity };
  });
}

async function deliveredUnits(tx: Tx, line: { id: string; orderId: string; itemId: string; sku: string }, quantity: number) {
  await createAssetsForDelivered(tx, line, quantity);
  await releaseClaims(tx, [line.id]);
}

/** Inventory, the conditional bucket update and the quantity ledger row of each move. */
async function moveUnits(tx: Tx, actor: Actor, order: LockedOrder, input: FulfillmentEventInput, { from, to }: Stages, moves: Move[]) {
  const cause = { type: "FulfillmentEvent", id: `${order.id}:v${order.version}` };
  for (const { line, quantity } of moves) {
    if (input.type === "ALLOCATE") await reserveForLine(tx, actor, line, quantity, cause);
    if (input.type === "SHIP") await consumeForLine(tx, actor, line, quantity, cause);
    // Delivered: units of an asset-tracked item become assets, and a modification this line made is complete.
    if (input.type === "DELIVER") await deliveredUnits(tx, line, quantity);
    const { count } = await tx.orderLine.updateMany({
      where: { id: line.id, [BUCKET_COLUMN[from]]: { gte: quantity } },
      data: { [BUCKET_COLUMN[from]]: { decrement: quantity }, [BUCKET_COLUMN[to]]: { increment: quantity } },
    });
    if (count !== 1) throw new WriteContention(`order line ${line.id}`);
    await tx.quantityLedgerEntry.create({
      data: {
        orderId: order.id,
        orderLineId: line.id,
        fromBucket: from,
        toBucket: to,
        quantity,
        reason: `FULFILLMENT_${input.type}`,
        reference: input.trackingNumber ?? null,
        causeType: cause.type,
        causeId: cause.id,
        actorId: actor.userId,
      },
    });
  }
}

/** Refreshed statuses, the history entry (with each store's part) and the outbox events. */
async function recordFulfilment(tx: Tx, actor: Actor, order: LockedOrder, input: FulfillmentEventInput, { from, to }: Stages, moves: Move[]) {
  const statuses = await refreshStatuses(tx, order);
  const describe = (some: Move[]) =>
    `${some.map((m) => `${m.quantity} × ${m.line.sku} (line ${m.line.lineNumber})`).join(", ")} ${PAST_TENSE[input.type]}${
      input.trackingNumber ? ` (tracking ${input.trackingNumber})` : ""
    }`;
  const dataOf = (some: Move[]) => ({
    type: input.type,
    trackingNumber: input.trackingNumber ?? null,
    lines: some.map((m) => ({ orderLineId: m.line.id, quantity: m.quantity })),
  });
  const storeIds = [...new Set(moves.map((m) => m.line.storeId))];
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: `FULFILLMENT_${input.type}`,
      oldStatus: statuses.oldStatus,
      newStatus: statuses.newStatus,
      description: describe(moves),
      data: dataOf(moves),
      stores: storeIds.map((storeId) => {
        const mine = moves.filter((m) => m.line.storeId === storeId);
        return { storeId, description: describe(mine), data: dataOf(mine), ...statuses.ofStore(storeId) };
      }),
    },
    [
      {
        type: "OrderFulfillmentProgressed",
        payload: {
          eventType: input.type,
          fromBucket: from,
          toBucket: to,
          trackingNumber: input.trackingNumber ?? null,
          lines: moves.map((m) => ({ orderLineId: m.line.id, quantity: m.quantity })),
        },
      },
      ...(statuses.oldStatus !== statuses.newStatus
        ? [{ type: "OrderStatusChanged" as const, payload: { oldStatus: statuses.oldStatus, newStatus: statuses.newStatus } }]
        : []),
    ],
  );
}
