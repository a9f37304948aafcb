import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { notFound } from "../../../platform/errors.ts";
import { orderReadWhere, visibleStores, type StoreSet } from "./scope.ts";

/** What of the order the actor sees (scope.ts): its store set and the ids of the lines in it; 404 when out of reach. */
export async function orderScopeOf(
  db: Db | Tx,
  actor: Actor,
  orderId: string,
  missing = "Order",
): Promise<{ stores: StoreSet; lineIds: "all" | ReadonlySet<string> }> {
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, orderReadWhere(actor)] },
    select: { buyerId: true, subOrders: { select: { storeId: true } } },
  });
  if (!order) throw notFound(missing);
  const stores = visibleStores(actor, order);
  if (stores === "all") return { stores, lineIds: "all" };
  const lines = await db.orderLine.findMany({ where: { orderId, storeId: { in: [...stores] } }, select: { id: true } });
  return { stores, lineIds: new Set(lines.map((l) => l.id)) };
}

