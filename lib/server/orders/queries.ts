import type { Db, Prisma } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import { authorize } from "../../auth/actor.ts";
import type { HistoryEntryT, ListOrdersInput, OrderSummaryT, OrderViewT } from "../../contracts/orders.ts";
import { DomainError, notFound } from "../../domain/errors.ts";
import { ORDER_VIEW_INCLUDE, aggregateLabel, toOrderView } from "./view.ts";
import { orderReadWhere, visibleStores } from "./scope.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";

async function locationCodeMap(db: Db | Prisma.TransactionClient) {
  const locations = await db.location.findMany({ select: { id: true, code: true } });
  return new Map(locations.map((l) => [l.id, l.code]));
}

/** One order as the actor may see it; 404 when it does not exist or is out of reach. */
export async function getOrder(db: Db, actor: Actor, orderId: string): Promise<OrderViewT> {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, include: ORDER_VIEW_INCLUDE });
  if (!order) throw notFound("Order");
  return toOrderView(order, visibleStores(actor, order), await locationCodeMap(db));
}

const SORTS: Record<ListOrdersInput["sort"], Prisma.OrderOrderByWithRelationInput[]> = {
  createdAt_desc: [{ createdAt: "desc" }, { id: "desc" }],
  createdAt_asc: [{ createdAt: "asc" }, { id: "asc" }],
  total_desc: [{ total: "desc" }, { id: "desc" }],
  total_asc: [{ total: "asc" }, { id: "asc" }],
};

export interface OrderListPage {
  items: OrderSummaryT[];
  nextCursor: string | null;
  /** Only computed when asked for (page-numbered UI tables). */
  total?: number;
}

/**
 * Orders visible to the actor, filtered and sorted, with cursor pagination (API) or offset
 * pagination (UI tables with page numbers).
 */
export async function listOrders(
  db: Db,
  actor: Actor,
  input: ListOrdersInput & { offset?: number; withTotal?: boolean },
): Promise<OrderListPage> {
  authorize(actor, "order.read");
  const filters: Prisma.OrderWhereInput[] = [orderReadWhere(actor)];
  if (input.status) filters.push({ status: input.status });
  if (input.storeCode) filters.push({ subOrders: { some: { store: { code: input.storeCode } } } });
  if (input.buyerEmail) filters.push({ buyerEmail: input.buyerEmail.toLowerCase() });
  const where: Prisma.OrderWhereInput = { AND: filters };
  const cursorId = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (cursorId && !(await db.order.findFirst({ where: { AND: [{ id: cursorId }, ...filters] }, select: { id: true } }))) {
    throw new DomainError("VALIDATION_FAILED", "The cursor does not belong to this listing", {
      errors: [{ path: "cursor", message: "unknown or expired cursor" }],
    });
  }
  const rows = await db.order.findMany({
    where,
    orderBy: SORTS[input.sort],
    take: input.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : input.offset ? { skip: input.offset } : {}),
    include: { subOrders: { include: { store: true } }, lines: { select: { quantity: true, storeId: true } } },
  });
  const page = rows.slice(0, input.limit);
  const stores = (o: (typeof rows)[number]) => visibleStores(actor, o);
  const items: OrderSummaryT[] = page.map((o) => {
    const s = stores(o);
    const lines = o.lines.filter((l) => s === "all" || s.has(l.storeId));
    return {
      id: o.id,
      number: o.number,
      version: o.version,
      status: o.status,
      statusLabel: aggregateLabel(o.status),
      currency: o.currency,
      buyerEmail: o.buyerEmail,
      createdAt: o.createdAt.toISOString(),
      totals: { subtotal: o.subtotal, tax: o.tax, shipping: o.shipping, discount: o.discount, total: o.total, refunded: o.refunded },
      storeCodes: o.subOrders.filter((x) => s === "all" || s.has(x.storeId)).map((x) => x.store.code),
      lineCount: lines.length,
      unitCount: lines.reduce((n, l) => n + l.quantity, 0),
    };
  });
  const nextCursor = rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null;
  const total = input.withTotal ? await db.order.count({ where }) : undefined;
  return { items, nextCursor, total };
}

/** The audit trail of an order, oldest first. */
export async function getOrderHistory(
  db: Db,
  actor: Actor,
  orderId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: HistoryEntryT[]; nextCursor: string | null }> {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, select: { id: true } });
  if (!order) throw notFound("Order");
  const cursorId = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db.orderHistory.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const items = rows.slice(0, page.limit).map((h) => ({
    id: h.id,
    action: h.action,
    actor: h.actorLabel,
    oldStatus: h.oldStatus,
    newStatus: h.newStatus,
    description: h.description,
    createdAt: h.createdAt.toISOString(),
    data: h.data ?? null,
  }));
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

/** Notes on an order: buyers see customer-visible notes only. */
export async function listOrderNotes(db: Db, actor: Actor, orderId: string) {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, select: { id: true, buyerId: true } });
  if (!order) throw notFound("Order");
  const staff = actor.roles.has("SELLER") || actor.roles.has("OPS") || actor.roles.has("APPROVER");
  const notes = await db.orderNote.findMany({
    where: { orderId, ...(staff ? {} : { visibility: "CUSTOMER" }) },
    orderBy: { createdAt: "desc" },
  });
  return notes.map((n) => ({
    id: n.id,
    body: n.body,
    visibility: n.visibility,
    notifyCustomer: n.notifyCustomer,
    author: n.authorLabel,
    createdAt: n.createdAt.toISOString(),
  }));
}
