import type { Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError } from "../../../platform/errors.ts";

type InventoryTransactionType = Prisma.InventoryTransactionCreateInput["type"];

export interface SupplyChange {
  supplyId: string;
  onHandDelta: number;
  allocatedDelta: number;
  type: InventoryTransactionType;
  reason?: string | null;
  orderId?: string | null;
  orderLineId?: string | null;
  causeType: string;
  causeId: string;
}

/**
 * Applies a change to one supply row with a single conditional UPDATE that keeps
 * 0 ≤ allocated ≤ onHand, so concurrent allocations of the same stock can never oversell on
 * either engine; then appends the inventory transaction with the resulting balances.
 * Returns false (and changes nothing) when the guard rejects the change.
 */
export async function changeSupply(tx: Tx, actor: Actor, change: SupplyChange): Promise<{ onHand: number; allocated: number } | null> {
  const { supplyId, onHandDelta: dOn, allocatedDelta: dAl } = change;
  const count = await tx.$executeRaw`
    UPDATE "inventory_supply"
       SET "onHand" = "onHand" + ${dOn}, "allocated" = "allocated" + ${dAl}
     WHERE "id" = ${supplyId}
       AND "allocated" + ${dAl} >= 0
       AND "onHand" + ${dOn} >= "allocated" + ${dAl}`;
  if (count !== 1) return null;
  const after = await tx.inventorySupply.findUniqueOrThrow({ where: { id: supplyId }, select: { onHand: true, allocated: true } });
  await tx.inventoryTransaction.create({
    data: {
      supplyId,
      type: change.type,
      onHandDelta: dOn,
      allocatedDelta: dAl,
      onHandAfter: after.onHand,
      allocatedAfter: after.allocated,
      reason: change.reason ?? null,
      orderId: change.orderId ?? null,
      orderLineId: change.orderLineId ?? null,
      causeType: change.causeType,
      causeId: change.causeId,
      actorId: actor.userId,
    },
  });
  return after;
}

export async function findSupply(tx: Tx, itemId: string, locationId: string) {
  return tx.inventorySupply.findUnique({ where: { itemId_locationId: { itemId, locationId } } });
}

/** Reserves `quantity` of a line's ship-from supply (ALLOCATE), or fails with 409 changing nothing. */
export async function reserveForLine(
  tx: Tx,
  actor: Actor,
  line: { id: string; orderId: string; itemId: string; shipFromLocationId: string; sku: string },
  quantity: number,
  cause: { type: string; id: string },
) {
  const supply = await findSupply(tx, line.itemId, line.shipFromLocationId);
  const after =
    supply &&
    (await changeSupply(tx, actor, {
      supplyId: supply.id,
      onHandDelta: 0,
      allocatedDelta: quantity,
      type: "ALLOCATE",
      orderId: line.orderId,
      orderLineId: line.id,
      causeType: cause.type,
      causeId: cause.id,
    }));
  if (!supply || !after) {
    const available = supply ? supply.onHand - supply.allocated : 0;
    throw new DomainError("INSUFFICIENT_INVENTORY", `Not enough free inventory of ${line.sku} to allocate ${quantity} (available ${Math.max(0, available)})`, {
      orderLineId: line.id,
      requested: quantity,
      available: Math.max(0, available),
    });
  }
  await tx.inventoryReservation.upsert({
    where: { orderLineId_supplyId: { orderLineId: line.id, supplyId: supply.id } },
    create: { orderLineId: line.id, orderId: line.orderId, supplyId: supply.id, quantity },
    update: { quantity: { increment: quantity }, status: "ACTIVE" },
  });
}

type ReservedLine = { id: string; orderId: string; itemId: string; shipFromLocationId: string };

/**
 * Takes units out of a line's reservation: allocated goes down by `quantity` (and on hand by
 * `onHandDelta`), recorded as one inventory transaction, and the reservation counts them as
 * consumed (shipped) or released (given back).
 */
async function takeFromReservation(
  tx: Tx,
  actor: Actor,
  line: ReservedLine,
  quantity: number,
  change: { type: InventoryTransactionType; onHandDelta: number; reason: string | null; counter: "consumed" | "released" },
  cause: { type: string; id: string },
) {
  const supply = await findSupply(tx, line.itemId, line.shipFromLocationId);
  const reservation = supply
    ? await tx.inventoryReservation.findUnique({ where: { orderLineId_supplyId: { orderLineId: line.id, supplyId: supply.id } } })
    : null;
  if (!supply || !reservation || reservation.quantity < quantity) {
    // Units leave OPEN only through ALLOCATE, so this means the ledger and reservations disagree.
    throw new Error(`Reservation of line ${line.id} holds less than the ${quantity} units being taken (${change.type})`);
  }
  const after = await changeSupply(tx, actor, {
    supplyId: supply.id,
    onHandDelta: change.onHandDelta,
    allocatedDelta: -quantity,
    type: change.type,
    reason: change.reason,
    orderId: line.orderId,
    orderLineId: line.id,
    causeType: cause.type,
    causeId: cause.id,
  });
  if (!after) throw new Error(`Supply ${supply.id} cannot give up ${quantity} allocated units`);
  const { count } = await tx.inventoryReservation.updateMany({
    where: { id: reservation.id, quantity: { gte: quantity } },
    data: {
      quantity: { decrement: quantity },
      [change.counter]: { increment: quantity },
      status: reservation.quantity === quantity ? "CLOSED" : "ACTIVE",
    },
  });
  if (count !== 1) throw new Error(`Reservation ${reservation.id} changed concurrently`);
  return { supplyId: supply.id, ...after };
}

/** Shipping consumes reserved stock: on-hand and allocated both go down by `quantity`. */
export function consumeForLine(tx: Tx, actor: Actor, line: ReservedLine, quantity: number, cause: { type: string; id: string }) {
  return takeFromReservation(tx, actor, line, quantity, { type: "SHIP", onHandDelta: -quantity, reason: null, counter: "consumed" }, cause);
}

/**
 * Gives reserved units of a cancelled line back: DEALLOCATION / RELEASE_RESERVATION /
 * RETURN_TO_AVAILABLE free the allocation (on hand unchanged); WRITE_OFF also removes them from
 * on hand (damaged goods).
 */
export function releaseForLine(
  tx: Tx,
  actor: Actor,
  line: ReservedLine,
  quantity: number,
  type: "DEALLOCATION" | "RELEASE_RESERVATION" | "RETURN_TO_AVAILABLE" | "WRITE_OFF",
  cause: { type: string; id: string },
  reason?: string,
) {
  const writeOff = type === "WRITE_OFF";
  return takeFromReservation(
    tx,
    actor,
    line,
    quantity,
    { type, onHandDelta: writeOff ? -quantity : 0, reason: reason ?? (writeOff ? "DAMAGED" : "CANCELLED"), counter: "released" },
    cause,
  );
}
