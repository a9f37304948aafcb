import type { Db } from "../../../platform/db/client.ts";
import { authorize, type Actor } from "../../../platform/auth/actor.ts";
import { locationReadWhere } from "./stock-scope.ts";

export interface InventoryLedgerEntry {
  id: string;
  createdAt: string;
  type: string;
  onHandDelta: number;
  allocatedDelta: number;
  onHandAfter: number;
  allocatedAfter: number;
  reason: string | null;
  orderId: string | null;
  causeType: string;
}

/**
 * The inventory ledger of one SKU at one location, newest first, one page at a time (offset
 * pages: the page shows how many there are). A location out of the actor's reach reads as empty.
 */
export async function listInventoryLedger(
  db: Db,
  actor: Actor,
  query: { sku: string; locationCode: string; page: number; pageSize: number },
): Promise<{ items: InventoryLedgerEntry[]; total: number }> {
  authorize(actor, "inventory.read");
  const where = { supply: { item: { sku: query.sku }, location: { AND: [{ code: query.locationCode }, locationReadWhere(actor)] } } };
  const [total, rows] = await Promise.all([
    db.inventoryTransaction.count({ where }),
    db.inventoryTransaction.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    type: r.type,
    onHandDelta: r.onHandDelta,
    allocatedDelta: r.allocatedDelta,
    onHandAfter: r.onHandAfter,
    allocatedAfter: r.allocatedAfter,
    reason: r.reason,
    orderId: r.orderId,
    causeType: r.causeType,
  }));
  return { items, total };
}
