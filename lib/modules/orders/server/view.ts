import type { Prisma } from "../../../platform/db/client.ts";
import type { OrderViewT } from "../contracts/orders.ts";
import { lineTotal } from "../../../platform/money/money.ts";
import { lineStatusByCode } from "../domain/line-status.ts";
import { AGGREGATE_STATUS_LABELS, type AggregateStatus } from "../domain/order-status.ts";
import { orderFieldsOf } from "./order-field-columns.ts";
import { SHIPMENT_VIEW_INCLUDE, lineShipments, shipmentViews } from "./shipment-view.ts";
import { inStores, scopedPayments, scopedStatus, scopedTotals, type StoreSet } from "./scope.ts";

export const ORDER_VIEW_INCLUDE = {
  subOrders: { include: { store: true }, orderBy: { createdAt: "asc" } },
  lines: {
    include: {
      subOrder: { include: { store: true } },
      // Shipments: each SHIP event's ledger entry carries the tracking number as its reference.
      ledger: { where: { reason: "FULFILLMENT_SHIP" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { quantity: true, reference: true, createdAt: true } },
    },
    orderBy: { lineNumber: "asc" },
  },
  payments: { orderBy: { sequence: "asc" } },
  shipments: SHIPMENT_VIEW_INCLUDE,
} as const satisfies Prisma.OrderInclude;

export type OrderWithDetails = Prisma.OrderGetPayload<{ include: typeof ORDER_VIEW_INCLUDE }>;

export function aggregateLabel(status: string): string {
  return AGGREGATE_STATUS_LABELS[status as AggregateStatus] ?? status;
}

/** One line of the order view: its money, quantities per bucket and status. */
function lineView(l: OrderWithDetails["lines"][number], locationCodes: ReadonlyMap<string, string>, shipments: OrderWithDetails["shipments"]): OrderViewT["lines"][number] {
  return {
    id: l.id,
    lineNumber: l.lineNumber,
    sku: l.sku,
    itemName: l.itemName,
    category: l.category,
    storeCode: l.subOrder.store.code,
    shipFromLocationCode: locationCodes.get(l.shipFromLocationId) ?? l.shipFromLocationId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxAmount: l.taxAmount,
    shippingAmount: l.shippingAmount,
    discountAmount: l.discountAmount,
    lineTotal: lineTotal(l),
    quantities: {
      open: l.qtyOpen,
      allocated: l.qtyAllocated,
      released: l.qtyReleased,
      picked: l.qtyPicked,
      packed: l.qtyPacked,
      shipped: l.qtyShipped,
      delivered: l.qtyDelivered,
      cancelled: l.qtyCancelled,
      returned: l.qtyReturned,
    },
    status: l.status,
    statusCode: l.statusCode,
    statusLabel: lineStatusByCode(l.statusCode)?.label ?? l.status,
    refunded: l.refunded,
    shipments: lineShipments(l.id, shipments, l.ledger),
  };
}

/**
 * The API/UI shape of an order. A seller who sees only part of it (scope.ts) gets their stores'
 * sub-orders and lines, totals and status of those lines, and no tenders.
 */
export function toOrderView(order: OrderWithDetails, stores: StoreSet, locationCodes: ReadonlyMap<string, string>, staff = true): OrderViewT {
  const storeCodes = new Map(order.subOrders.map((s) => [s.storeId, s.store.code]));
  const status = scopedStatus(order, order.lines, stores);
  return {
    id: order.id,
    number: order.number,
    externalRef: order.externalRef,
    version: order.version,
    view: stores === "all" ? "ORDER" : "STORES",
    status,
    statusLabel: aggregateLabel(status),
    currency: order.currency,
    orderType: order.orderType,
    supplementalType: order.supplementalType,
    parentOrderId: order.parentOrderId,
    customerType: order.customerType,
    buyerEmail: order.buyerEmail,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    totals: scopedTotals(order, order.lines, stores),
    ...orderFieldsOf(order),
    subOrders: order.subOrders
      .filter((s) => inStores(stores, s.storeId))
      .map((s) => ({ id: s.id, storeCode: s.store.code, storeName: s.store.name, status: s.status, total: s.total, refunded: s.refunded })),
    lines: order.lines
      .filter((l) => inStores(stores, l.storeId))
      .map((l) => lineView(l, locationCodes, order.shipments)),
    shipments: shipmentViews(order.shipments, order.lines, stores, { stores: storeCodes, locations: locationCodes }, staff),
    payments: scopedPayments(order.payments, stores).map((p) => ({
      id: p.id,
      method: p.method,
      amount: p.amount,
      refunded: p.refunded,
      pointsWithdrawTransactionId: p.pointsWithdrawTransactionId,
    })),
  };
}
