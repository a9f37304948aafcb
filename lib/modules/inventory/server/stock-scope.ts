import type { Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";

/**
 * Locations whose supply the actor reads: OPS all; a seller the shared ones (distribution centres
 * that belong to no store) and their own stores' — never another store's.
 */
export function locationReadWhere(actor: Actor): Prisma.LocationWhereInput {
  if (actor.roles.has("OPS")) return {};
  const stores = actor.roles.has("SELLER") ? [...actor.storeIds] : [];
  return { OR: [{ storeId: null }, { storeId: { in: stores } }] };
}

/**
 * Whether the actor may change stock at a location: OPS anywhere; a seller only at a location that
 * belongs to one of their stores. Shared locations are OPS's to adjust.
 */
export function mayAdjustStockAt(actor: Actor, location: { storeId: string | null }): boolean {
  if (actor.roles.has("OPS")) return true;
  return actor.roles.has("SELLER") && location.storeId !== null && actor.storeIds.includes(location.storeId);
}
