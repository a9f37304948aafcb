import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { orderReadWhere } from "./scope.ts";

type LineRef = { id: string; orderId: string; itemId: string; sku: string };

/** Delivered units of an asset-tracked item become assets, one per unit, of the order's buyer (SPEC §7). */
export async function createAssetsForDelivered(tx: Tx, line: LineRef, quantity: number) {
  const item = await tx.item.findUnique({ where: { id: line.itemId }, select: { assetTracked: true } });
  if (!item?.assetTracked || quantity <= 0) return;
  const order = await tx.order.findUniqueOrThrow({ where: { id: line.orderId }, select: { buyerId: true, buyerEmail: true } });
  const row = { itemId: line.itemId, sku: line.sku, orderId: line.orderId, orderLineId: line.id, buyerId: order.buyerId, buyerEmail: order.buyerEmail };
  await tx.asset.createMany({ data: Array.from({ length: quantity }, () => row) });
}

/**
 * A supplemental line claims an asset it modifies or disconnects: the asset must be the buyer's
 * (else 404) and ACTIVE (else 422); the database's partial unique index lets one active claim per
 * asset exist, so a second in-flight order is refused (409 ASSET_IN_FLIGHT) however the calls race.
 */
export async function claimAsset(tx: Tx, claim: { assetId: string; buyerId: string; orderId: string; orderLineId: string; action: string; path: string }) {
  const asset = await tx.asset.findUnique({ where: { id: claim.assetId } });
  if (!asset || asset.buyerId !== claim.buyerId) throw notFound("Asset", { errors: [{ path: claim.path, message: `asset ${claim.assetId} not found` }] });
  if (asset.status !== "ACTIVE") throw validationFailed([{ path: claim.path, message: `asset ${asset.id} is ${asset.status.toLowerCase()}, not active` }]);
  const taken = await tx.assetClaim.findFirst({ where: { assetId: asset.id, active: true }, select: { orderId: true } });
  if (taken) throw new DomainError("ASSET_IN_FLIGHT", `Asset ${asset.id} is already being modified by order ${taken.orderId}`, { inFlightOrderId: taken.orderId });
  try {
    await tx.assetClaim.create({ data: { assetId: asset.id, orderId: claim.orderId, orderLineId: claim.orderLineId, action: claim.action } });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("ASSET_IN_FLIGHT", `Asset ${asset.id} is already being modified by another order`);
    throw e;
  }
}

/** The claims of these order lines end (their modification completed or was cancelled): the assets are free again. */
export async function releaseClaims(tx: Tx, orderLineIds: readonly string[]) {
  if (!orderLineIds.length) return;
  await tx.assetClaim.updateMany({ where: { orderLineId: { in: [...orderLineIds] }, active: true }, data: { active: false, releasedAt: new Date() } });
}

/** Returned units of a line: as many of its ACTIVE assets become RETURNED, and their claims end. */
export async function markAssetsReturned(tx: Tx, orderLineId: string, quantity: number) {
  const assets = await tx.asset.findMany({ where: { orderLineId, status: "ACTIVE" }, orderBy: { createdAt: "asc" }, take: quantity, select: { id: true } });
  if (!assets.length) return;
  const ids = assets.map((a) => a.id);
  await tx.asset.updateMany({ where: { id: { in: ids } }, data: { status: "RETURNED" } });
  await tx.assetClaim.updateMany({ where: { assetId: { in: ids }, active: true }, data: { active: false, releasedAt: new Date() } });
}

/** Assets of the orders the actor may read, oldest first, with the order modifying each (if any). */
export async function listAssets(db: Db, actor: Actor, filter: { orderId?: string; buyerEmail?: string; status?: string; limit: number; cursor?: string }) {
  authorize(actor, "order.read");
  const readable = await db.order.findMany({ where: { AND: [orderReadWhere(actor), filter.orderId ? { id: filter.orderId } : {}] }, select: { id: true } });
  const where: Prisma.AssetWhereInput = {
    orderId: { in: readable.map((o) => o.id) },
    ...(filter.buyerEmail ? { buyerEmail: filter.buyerEmail.toLowerCase() } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const cursorId = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db.asset.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: filter.limit + 1, ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}) });
  const page = rows.slice(0, filter.limit);
  const claims = await db.assetClaim.findMany({ where: { assetId: { in: page.map((a) => a.id) }, active: true }, select: { assetId: true, orderId: true } });
  const items = page.map((a) => ({ id: a.id, sku: a.sku, orderId: a.orderId, orderLineId: a.orderLineId, buyerEmail: a.buyerEmail, status: a.status, inFlightOrderId: claims.find((c) => c.assetId === a.id)?.orderId ?? null }));
  return { items, nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}
