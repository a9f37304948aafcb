import type { Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { orderTotals, type LineMoney } from "../../../platform/money/money.ts";
import { deriveAggregateStatus } from "../domain/order-status.ts";
import { countsOfLine } from "./line-counts.ts";

// Which rows an actor reaches, and what they see of a mixed order. Orders out of reach simply do
// not match, so "not yours" and "does not exist" are the same 404. Inside a reachable order, a
// seller who does not hold every store of it sees only their stores' part: their lines, sub-orders,
// totals computed from their lines, the history parts and notes of their stores, the cancellation
// requests touching their lines (with only those lines and their refund share) and their tasks —
// never the order's tenders or another store's amounts. Buyers (own orders), OPS and approvers see
// whole orders. Every read path takes its filters from here.

/** A set of store ids, or "all": the actor sees the whole order. */
export type StoreSet = "all" | ReadonlySet<string>;

/** Which orders an actor can see, as a where clause. Fails closed: no matching role, no rows. */
export function orderReadWhere(actor: Actor): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS") || actor.roles.has("APPROVER")) return {};
  const reach: Prisma.OrderWhereInput[] = [];
  if (actor.roles.has("BUYER")) reach.push({ buyerId: actor.userId });
  if (actor.roles.has("SELLER") && actor.storeIds.length) {
    reach.push({ subOrders: { some: { storeId: { in: [...actor.storeIds] } } } });
  }
  return reach.length ? { OR: reach } : { id: { in: [] } };
}

/**
 * A list filter on what the actor sees of an order: for who sees whole orders, `whole` (on the
 * order); for a seller, `part` on one of their own sub-orders, so another store's part of an order
 * never decides whether it is listed.
 */
function seenWhere(actor: Actor, whole: Prisma.OrderWhereInput, part: Prisma.SubOrderWhereInput): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS") || actor.roles.has("APPROVER")) return whole;
  const reach: Prisma.OrderWhereInput[] = [];
  if (actor.roles.has("BUYER")) reach.push({ AND: [{ buyerId: actor.userId }, whole] });
  if (actor.roles.has("SELLER") && actor.storeIds.length) {
    reach.push({ subOrders: { some: { AND: [{ storeId: { in: [...actor.storeIds] } }, part] } } });
  }
  return reach.length ? { OR: reach } : { id: { in: [] } };
}

/** Orders with this status as the actor sees it: the order's status, or a seller's sub-order's. */
export function orderStatusWhere(actor: Actor, status: string): Prisma.OrderWhereInput {
  return seenWhere(actor, { status }, { status });
}

/** Orders with a part of this store that the actor sees. */
export function orderStoreWhere(actor: Actor, storeCode: string): Prisma.OrderWhereInput {
  return seenWhere(actor, { subOrders: { some: { store: { code: storeCode } } } }, { store: { code: storeCode } });
}

/** Orders an actor may change through fulfilment or notes: their stores' orders, or all for OPS. */
export function orderWorkWhere(actor: Actor): Prisma.OrderWhereInput {
  if (actor.roles.has("OPS")) return {};
  if (actor.roles.has("SELLER") && actor.storeIds.length) {
    return { subOrders: { some: { storeId: { in: [...actor.storeIds] } } } };
  }
  return { id: { in: [] } };
}

/**
 * The stores whose part of a visible order the actor sees: "all" for its buyer, OPS, approvers and
 * a seller who holds every store of the order; otherwise the seller's own stores.
 */
export function visibleStores(actor: Actor, order: { buyerId: string; subOrders: readonly { storeId: string }[] }): StoreSet {
  if (actor.roles.has("OPS") || actor.roles.has("APPROVER") || order.buyerId === actor.userId) return "all";
  const mine = new Set(actor.roles.has("SELLER") ? actor.storeIds : []);
  return order.subOrders.every((s) => mine.has(s.storeId)) ? "all" : mine;
}

/** Stores whose lines the actor may work (fulfil, cancel). */
export function workableStores(actor: Actor): StoreSet {
  return actor.roles.has("OPS") ? "all" : new Set(actor.roles.has("SELLER") ? actor.storeIds : []);
}

export function inStores(stores: StoreSet, storeId: string): boolean {
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
export function cancellableStores(actor: Actor, order: { buyerId: string }): StoreSet {
  if (actor.roles.has("OPS") || (actor.roles.has("BUYER") && order.buyerId === actor.userId)) return "all";
  return new Set(actor.roles.has("SELLER") ? actor.storeIds : []);
}

// ───────────── what a store's part of an order shows ─────────────

type ScopedLine = LineMoney & { storeId: string; refunded: number } & Parameters<typeof countsOfLine>[0];
interface OrderMoney {
  status: string;
  subtotal: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
  refunded: number;
}

/**
 * Totals as the actor sees them: the order's own for the whole order; for a store's part, computed
 * from that part's lines (refunded = what was refunded on those lines).
 */
export function scopedTotals(order: OrderMoney, lines: readonly ScopedLine[], stores: StoreSet) {
  if (stores === "all") {
    return { subtotal: order.subtotal, tax: order.tax, shipping: order.shipping, discount: order.discount, total: order.total, refunded: order.refunded };
  }
  const mine = lines.filter((l) => stores.has(l.storeId));
  return { ...orderTotals(mine), refunded: mine.reduce((n, l) => n + l.refunded, 0) };
}

/** The status of the part the actor sees: the order's, or the aggregate of the visible lines. */
export function scopedStatus(order: OrderMoney, lines: readonly ScopedLine[], stores: StoreSet): string {
  if (stores === "all") return order.status;
  return deriveAggregateStatus(lines.filter((l) => stores.has(l.storeId)).map(countsOfLine));
}

/**
 * Tenders pay the whole order; splitting them per store would invent numbers, so a seller who sees
 * only part of the order sees none of them.
 */
export function scopedPayments<T>(payments: readonly T[], stores: StoreSet): T[] {
  return stores === "all" ? [...payments] : [];
}

/** History parts of a store's view of an order (an entry without parts concerns the whole order). */
export function historyPartWhere(orderId: string, stores: ReadonlySet<string>): Prisma.OrderHistoryStorePartWhereInput {
  return { orderId, storeId: { in: [...stores] } };
}

/**
 * Notes the actor sees on an order: customers see customer-visible notes only; in a store's part,
 * only the notes about that store's sub-orders (a note about the whole order is not theirs).
 */
export function noteWhere(actor: Actor, orderId: string, stores: StoreSet): Prisma.OrderNoteWhereInput {
  const staff = actor.roles.has("SELLER") || actor.roles.has("OPS") || actor.roles.has("APPROVER");
  return {
    orderId,
    ...(staff ? {} : { visibility: "CUSTOMER" }),
    ...(stores === "all" ? {} : { subOrder: { storeId: { in: [...stores] } } }),
  };
}

/** Cancellation requests of a store's part: those with at least one of its lines (others are 404). */
export function cancellationRequestWhere(stores: StoreSet): Prisma.CancellationRequestWhereInput {
  return stores === "all" ? {} : { lines: { some: { orderLine: { storeId: { in: [...stores] } } } } };
}

/** Compensation tasks an actor works: a seller their stores' (never the order-wide refund), OPS all. */
export function compensationTaskWhere(actor: Actor): Prisma.CompensationTaskWhereInput {
  if (actor.roles.has("OPS")) return {};
  return actor.roles.has("SELLER") && actor.storeIds.length ? { storeId: { in: [...actor.storeIds] } } : { id: { in: [] } };
}

// ───────────── cancellation requests and previews ─────────────

export { scopeAssessment, scopeCancellationView } from "./scope-cancellation.ts";

// ───────────── inventory ─────────────

// Stock locations are scoped by the inventory module (orders import inventory, never the other way); re-exported so every reach rule can be found here.
export { locationReadWhere, mayAdjustStockAt } from "../../inventory/server/stock-scope.ts";
