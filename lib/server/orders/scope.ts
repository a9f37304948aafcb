import type { Prisma } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";

/**
 * Which orders an actor can see, as a where clause. Out-of-reach orders simply do not match, so
 * "not yours" and "does not exist" are the same 404. Fails closed: no matching role, no rows.
 */
export function orderReadWhere(actor: Actor): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS") || actor.roles.has("APPROVER")) return {};
  const reach: Prisma.OrderWhereInput[] = [];
  if (actor.roles.has("BUYER")) reach.push({ buyerId: actor.userId });
  if (actor.roles.has("SELLER") && actor.storeIds.length) {
    reach.push({ subOrders: { some: { storeId: { in: [...actor.storeIds] } } } });
  }
  return reach.length ? { OR: reach } : { id: { in: [] } };
}

/** Orders an actor may change through fulfilment or notes: their stores' orders, or all for OPS. */
export function orderWorkWhere(actor: Actor): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS")) return {};
  if (actor.roles.has("SELLER") && actor.storeIds.length) {
    return { subOrders: { some: { storeId: { in: [...actor.storeIds] } } } };
  }
  return { id: { in: [] } };
}

/** Stores whose lines the actor sees inside a visible order ("all" for the buyer, OPS and approvers). */
export function visibleStores(actor: Actor, order: { buyerId: string }): "all" | ReadonlySet<string> {
  if (actor.roles.has("OPS") || actor.roles.has("APPROVER") || order.buyerId === actor.userId) return "all";
  return new Set(actor.storeIds);
}

/** Stores whose lines the actor may work (fulfil, cancel). */
export function workableStores(actor: Actor): "all" | ReadonlySet<string> {
  return actor.roles.has("OPS") ? "all" : new Set(actor.roles.has("SELLER") ? actor.storeIds : []);
}

export function inStores(stores: "all" | ReadonlySet<string>, storeId: string): boolean {
  return stores === "all" || stores.has(storeId);
}

/** Orders an actor may ask to cancel: buyers their own, sellers their stores', OPS all. */
export function orderCancelWhere(actor: Actor): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS")) return {};
  const reach: Prisma.OrderWhereInput[] = [];
  if (actor.roles.has("BUYER")) reach.push({ buyerId: actor.userId });
  if (actor.roles.has("SELLER") && actor.storeIds.length) reach.push({ subOrders: { some: { storeId: { in: [...actor.storeIds] } } } });
  return reach.length ? { OR: reach } : { id: { in: [] } };
}

/** Lines of an order the actor may cancel: all for its buyer and OPS, own stores' for sellers. */
export function cancellableStores(actor: Actor, order: { buyerId: string }): "all" | ReadonlySet<string> {
  if (actor.roles.has("OPS") || (actor.roles.has("BUYER") && order.buyerId === actor.userId)) return "all";
  return new Set(actor.roles.has("SELLER") ? actor.storeIds : []);
}
