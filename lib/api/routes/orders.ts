// Orders: intake, reads, history, fulfilment events and notes.
import { z } from "zod";
import { ListQuery } from "../../platform/contracts/common.ts";
import { AddNote, FulfillmentEvent, FulfillmentEventResult, HistoryPage, IntakeOrder, ListOrdersQuery, OrderPage, OrderView } from "../../modules/orders/contracts/orders.ts";
import { OrderId, type ApiRouteDef } from "../route-def.ts";

export const ORDER_ROUTES = {
  intakeOrder: {
    method: "POST",
    path: "/orders",
    tag: "Orders",
    summary: "Take in an order from a storefront",
    description:
      "Unknown SKUs are added to the catalogue; unknown store or location → 422; payments must add up to the order total → else 422. Every amount, each line's amount and the order's (subtotal + tax + shipping) are at most 10,000,000,000,000 minor units → else 422.",
    permission: "order.intake",
    body: IntakeOrder,
    response: OrderView,
    status: 201,
    versioned: true,
  },
  listOrders: {
    method: "GET",
    path: "/orders",
    tag: "Orders",
    summary: "List orders visible to the caller",
    permission: "order.read",
    query: ListOrdersQuery,
    response: OrderPage,
    status: 200,
  },
  getOrder: {
    method: "GET",
    path: "/orders/{orderId}",
    tag: "Orders",
    summary: "Read one order with per-line quantities by bucket",
    description:
      "A seller who holds only some stores of the order gets their stores' part (`view: STORES`): those sub-orders and lines, status and totals of those lines, no payment tenders. Buyers (own orders), OPS and approvers get the whole order.",
    permission: "order.read",
    params: OrderId,
    response: OrderView,
    status: 200,
    versioned: true,
  },
  getOrderHistory: {
    method: "GET",
    path: "/orders/{orderId}/history",
    tag: "Orders",
    summary: "The order's audit trail, oldest first",
    description:
      "A seller who holds only some stores of the order reads, of each entry that concerned their stores, the part about them (their lines, their sub-order's status, their refund share); entries about the order as a whole (payments) are not shown to them.",
    permission: "order.read",
    params: OrderId,
    query: ListQuery,
    response: HistoryPage,
    status: 200,
  },
  recordFulfillmentEvent: {
    method: "POST",
    path: "/orders/{orderId}/fulfillment-events",
    tag: "Fulfilment",
    summary: "Move units of lines one stage forward (ALLOCATE, RELEASE, PICK, PACK, SHIP, DELIVER), or on to a later stage with toStage",
    description:
      "More units than the previous bucket holds, or not enough free inventory to ALLOCATE → 409 and nothing moves (the problem's `errors` name the line's `lines[i].quantity`). With `toStage` the units go on through every stage up to it in one transaction under one order version, each stage recorded as its own ledger rows, history entry and event (`{\"type\": \"ALLOCATE\", \"toStage\": \"SHIPPED\"}` ships open units); a `toStage` before the stage `type` leads to → 422. The tracking number goes with the SHIP stage. SHIP records a shipment (number `SH-…`, one per store and ship-from location of the lines) with the optional `shipment` details (carrier, notes, packages with box size and weight), or adds the units to the shipment `shipment.number` names; the answer's `shipment` is it (null when nothing shipped). DELIVER counts the units on the shipments that carried them and sets a shipment's `deliveredAt` once all its units are delivered. `shipment` without units being shipped, or a number that is not a shipment of the order from those lines' store and location → 422. Accepts If-Match.",
    permission: "order.fulfil",
    params: OrderId,
    body: FulfillmentEvent,
    response: FulfillmentEventResult,
    status: 200,
    versioned: true,
  },
  addOrderNote: {
    method: "POST",
    path: "/orders/{orderId}/notes",
    tag: "Orders",
    summary: "Add an internal or customer-visible note",
    permission: "order.note",
    params: OrderId,
    body: AddNote,
    response: z.object({ id: z.string(), body: z.string(), visibility: z.string(), createdAt: z.string(), orderVersion: z.number().int() }),
    status: 201,
    ifMatch: true,
  },
} as const satisfies Record<string, ApiRouteDef>;
