import type { Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Bucket, FulfilmentEventType } from "../domain/buckets.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import { recordOrderCommand, refreshStatuses, type LockedOrder } from "./order-command.ts";
import { BUCKET_COLUMN } from "./line-counts.ts";
import { consumeForLine, reserveForLine } from "../../inventory/server/supply.ts";
import { createAssetsForDelivered, releaseClaims } from "./assets.ts";

export const PAST_TENSE = { ALLOCATE: "allocated", RELEASE: "released", PICK: "picked", PACK: "packed", SHIP: "shipped", DELIVER: "delivered" } as const;

type OrderLineRow = Prisma.OrderLineGetPayload<object>;
export type Move = { line: OrderLineRow; quantity: number };
export type Stages = { from: Bucket; to: Bucket };
/** One single-stage event of a fulfilment command (tracking only where units ship; an expiry only where they are allocated, if one is configured). */
export type Step = { type: FulfilmentEventType; trackingNumber?: string; allocationExpiresAt?: Date | null };

async function deliveredUnits(tx: Tx, line: { id: string; orderId: string; itemId: string; sku: string }, quantity: number) {
  await createAssetsForDelivered(tx, line, quantity);
  await releaseClaims(tx, [line.id]);
}

/** Inventory, the conditional bucket update and the quantity ledger row of each move. */
export async function moveUnits(tx: Tx, actor: Actor, order: LockedOrder, input: Step, { from, to }: Stages, moves: Move[]) {
  const cause = { type: "FulfillmentEvent", id: `${order.id}:v${order.version}` };
  for (const { line, quantity } of moves) {
    if (input.type === "ALLOCATE") await reserveForLine(tx, actor, line, quantity, cause);
    if (input.type === "ALLOCATE" && input.allocationExpiresAt) {
      await tx.lineAllocation.create({ data: { orderId: order.id, orderLineId: line.id, quantity, allocatedAt: new Date(), expiresAt: input.allocationExpiresAt } });
    }
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
export async function recordFulfilment(tx: Tx, actor: Actor, order: LockedOrder, input: Step, { from, to }: Stages, moves: Move[]): Promise<LockedOrder> {
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
  // The next step reads this step's statuses as its own starting point.
  return { ...order, status: statuses.newStatus };
}
