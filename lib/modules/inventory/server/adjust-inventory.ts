import type { Db, Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize, isOps } from "../../../platform/auth/actor.ts";
import type { InventoryAdjustmentInput } from "../../orders/contracts/orders.ts";
import { DomainError, notFound, validationFailed, type FieldError } from "../../../platform/errors.ts";
import { appendEvents } from "../../audit/server/audit.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { changeSupply } from "./supply.ts";
import { locationReadWhere, mayAdjustStockAt } from "./stock-scope.ts";

export interface SupplyViewT {
  sku: string;
  locationCode: string;
  onHand: number;
  allocated: number;
  available: number;
}

/**
 * Changes on-hand stock of an item at a location (a receipt, a count correction). A decrease may
 * go down to what is allocated, never below: allocated units belong to orders. Who may change
 * which stock is scope.ts's rule: OPS anywhere; a seller only at their own stores' locations —
 * another store's location is out of reach (404, like an unknown one), a shared location is OPS's (403).
 */
export async function adjustInventory(db: Db, actor: Actor, input: InventoryAdjustmentInput): Promise<SupplyViewT> {
  authorize(actor, "inventory.adjust");
  return inTransaction(db, async (tx) => {
    const location = await tx.location.findFirst({ where: { AND: [{ code: input.locationCode }, locationReadWhere(actor)] } });
    if (!location && !isOps(actor)) throw notFound(`Location ${input.locationCode}`);
    if (location && !mayAdjustStockAt(actor, location)) {
      throw new DomainError("FORBIDDEN", `Not allowed: stock at ${input.locationCode} belongs to no store of yours; operations adjust it`);
    }
    const item = await tx.item.findUnique({ where: { sku: input.sku } });
    const unknown: FieldError[] = [];
    if (!item) unknown.push({ path: "sku", message: `unknown SKU ${input.sku}` });
    if (!location) unknown.push({ path: "locationCode", message: `unknown location ${input.locationCode}` });
    if (!item || !location) throw validationFailed(unknown, "Unknown SKU or location");
    const supply = await tx.inventorySupply.upsert({
      where: { itemId_locationId: { itemId: item.id, locationId: location.id } },
      create: { itemId: item.id, locationId: location.id },
      update: {},
    });
    const type: Prisma.InventoryTransactionCreateInput["type"] = input.reason.toUpperCase() === "RECEIPT" ? "RECEIPT" : "ADJUSTMENT";
    const causeId = `${supply.id}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`;
    const after = await changeSupply(tx, actor, {
      supplyId: supply.id,
      onHandDelta: input.quantity,
      allocatedDelta: 0,
      type,
      reason: input.reason,
      causeType: "InventoryAdjustment",
      causeId,
    });
    if (!after) {
      const current = await tx.inventorySupply.findUniqueOrThrow({ where: { id: supply.id } });
      throw new DomainError(
        "INSUFFICIENT_INVENTORY",
        `Cannot change on-hand of ${input.sku} at ${input.locationCode} by ${input.quantity}: on hand ${current.onHand}, allocated ${current.allocated}`,
        { onHand: current.onHand, allocated: current.allocated },
      );
    }
    const sequence = await tx.inventoryTransaction.count({ where: { supplyId: supply.id } });
    await appendEvents(tx, actor, { type: "InventorySupply", id: supply.id }, sequence, [
      { type: "InventoryAdjusted", payload: { sku: input.sku, locationCode: input.locationCode, quantity: input.quantity, reason: input.reason, ...after } },
    ]);
    return { sku: input.sku, locationCode: input.locationCode, onHand: after.onHand, allocated: after.allocated, available: after.onHand - after.allocated };
  });
}

/** Supply rows the actor may read (scope.ts): a seller sees shared locations and their own stores', never another store's. */
export async function listSupply(db: Db, actor: Actor, filter: { sku?: string; locationCode?: string }): Promise<SupplyViewT[]> {
  authorize(actor, "inventory.read");
  const rows = await db.inventorySupply.findMany({
    where: {
      ...(filter.sku ? { item: { sku: filter.sku } } : {}),
      location: { AND: [locationReadWhere(actor), filter.locationCode ? { code: filter.locationCode } : {}] },
    },
    include: { item: true, location: true },
    orderBy: [{ item: { sku: "asc" } }, { location: { code: "asc" } }],
    take: 500,
  });
  return rows.map((r) => ({ sku: r.item.sku, locationCode: r.location.code, onHand: r.onHand, allocated: r.allocated, available: r.onHand - r.allocated }));
}
