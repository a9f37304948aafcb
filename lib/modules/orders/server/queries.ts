import { historyDescription } from "../domain/history-text.ts";
import type { Db, Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { HistoryEntryT, ListOrdersInput, OrderSummaryT, OrderViewT } from "../contracts/orders.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { ORDER_VIEW_INCLUDE, aggregateLabel, toOrderView } from "./view.ts";
import {
  historyPartWhere,
  inStores,
  noteWhere,
  orderReadWhere,
  orderStatusWhere,
  orderStoreWhere,
  scopedStatus,
  scopedTotals,
  visibleStores,
} from "./scope.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";

async function locationCodeMap(db: Db | Prisma.TransactionClient) {
  const locations = await db.location.findMany({ select: { id: true, code: true } });
  return new Map(locations.map((l) => [l.id, l.code]));
}

/** One order as the actor may see it; 404 when it does not exist or is out of reach. */
export async function getOrder(db: Db, actor: Actor, orderId: string): Promise<OrderViewT> {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, include: ORDER_VIEW_INCLUDE });
  if (!order) throw notFound("Order");
  const staff = actor.roles.has("SELLER") || actor.roles.has("OPS") || actor.roles.has("APPROVER");
  return toOrderView(order, visibleStores(actor, order), await locationCodeMap(db), staff);
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
  if (input.status) filters.push(orderStatusWhere(actor, input.status));
  if (input.storeCode) filters.push(orderStoreWhere(actor, input.storeCode));
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
    include: { subOrders: { include: { store: true } }, lines: true },
  });
  const page = rows.slice(0, input.limit);
  const items: OrderSummaryT[] = page.map((o) => {
    const s = visibleStores(actor, o);
    const lines = o.lines.filter((l) => inStores(s, l.storeId));
    const status = scopedStatus(o, o.lines, s);
    return {
      id: o.id,
      number: o.number,
      version: o.version,
      view: s === "all" ? "ORDER" : "STORES",
      status,
      statusLabel: aggregateLabel(status),
      currency: o.currency,
      buyerEmail: o.buyerEmail,
      createdAt: o.createdAt.toISOString(),
      totals: scopedTotals(o, o.lines, s),
      storeCodes: o.subOrders.filter((x) => inStores(s, x.storeId)).map((x) => x.store.code),
      lineCount: lines.length,
      unitCount: lines.reduce((n, l) => n + l.quantity, 0),
    };
  });
  const nextCursor = rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null;
  const total = input.withTotal ? await db.order.count({ where }) : undefined;
  return { items, nextCursor, total };
}

/**
 * The audit trail of an order, oldest first. Who sees the whole order reads its entries; a seller
 * who sees only their stores' part reads the parts of the entries that concerned those stores.
 */
export async function getOrderHistory(
  db: Db,
  actor: Actor,
  orderId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: HistoryEntryT[]; nextCursor: string | null }> {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, orderReadWhere(actor)] },
    select: { id: true, buyerId: true, currency: true, subOrders: { select: { storeId: true } } },
  });
  if (!order) throw notFound("Order");
  const stores = visibleStores(actor, order);
  const cursorId = page.cursor ? decodeCursor(page.cursor) : undefined;
  const window = { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }], take: page.limit + 1, ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}) };
  // The whole order reads the entries; a store's part reads that store's parts of them.
  const found =
    stores === "all"
      ? await db.orderHistory.findMany({ where: { orderId }, ...window })
      : (
          await db.orderHistoryStorePart.findMany({
            where: historyPartWhere(orderId, stores),
            include: { history: { select: { action: true, actorLabel: true } } },
            ...window,
          })
        ).map((p) => ({ ...p, action: p.history.action, actorLabel: p.history.actorLabel }));
  const rows: HistoryEntryT[] = found.map((h) => ({
    id: h.id,
    action: h.action,
    actor: h.actorLabel,
    oldStatus: h.oldStatus,
    newStatus: h.newStatus,
    description: historyDescription({ action: h.action, description: h.description, data: h.data }, order.currency),
    createdAt: h.createdAt.toISOString(),
    data: h.data ?? null,
  }));
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

/** Notes on an order the actor sees (scope.ts): buyers customer-visible ones, sellers their stores'. */
export async function listOrderNotes(db: Db, actor: Actor, orderId: string) {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, orderReadWhere(actor)] },
    select: { id: true, buyerId: true, subOrders: { select: { storeId: true } } },
  });
  if (!order) throw notFound("Order");
  const notes = await db.orderNote.findMany({
    where: noteWhere(actor, orderId, visibleStores(actor, order)),
    include: { subOrder: { select: { store: { select: { code: true } } } } },
    orderBy: { createdAt: "desc" },
  });
  return notes.map((n) => ({
    id: n.id,
    body: n.body,
    visibility: n.visibility,
    notifyCustomer: n.notifyCustomer,
    author: n.authorLabel,
    storeCode: n.subOrder?.store.code ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
}
