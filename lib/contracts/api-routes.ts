import { z } from "zod";
import type { Permission } from "../auth/permissions.ts";
import { ListQuery } from "./common.ts";
import {
  AddNote,
  FulfillmentEvent,
  HistoryPage,
  IntakeOrder,
  InventoryAdjustment,
  InventoryQuery,
  ListOrdersQuery,
  OrderPage,
  OrderView,
  SupplyPage,
  SupplyView,
} from "./orders.ts";

/**
 * The HTTP API as data. Route handlers validate with these schemas (lib/server/http/route.ts) and
 * the OpenAPI document is generated from the same definitions, so the two cannot drift.
 */
export interface ApiRouteDef {
  method: "GET" | "POST";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: number;
  /** Sets ETag from the response's `version` and accepts If-Match. */
  versioned?: boolean;
}

const OrderId = z.object({ orderId: z.string().min(1).max(100) });

export const API_ROUTES = {
  intakeOrder: {
    method: "POST",
    path: "/orders",
    tag: "Orders",
    summary: "Take in an order from a storefront",
    description:
      "Unknown SKUs are added to the catalogue; unknown store or location → 422; payments must add up to the order total → else 422.",
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
    summary: "Move units of lines one stage forward (ALLOCATE, RELEASE, PICK, PACK, SHIP, DELIVER)",
    description:
      "More units than the previous bucket holds, or not enough free inventory to ALLOCATE → 409 and nothing moves. Accepts If-Match.",
    permission: "order.fulfil",
    params: OrderId,
    body: FulfillmentEvent,
    response: OrderView,
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
  },
  adjustInventory: {
    method: "POST",
    path: "/inventory/adjustments",
    tag: "Inventory",
    summary: "Change on-hand stock of an item at a location",
    description: "Negative quantities are allowed down to the allocated amount, else 409.",
    permission: "inventory.adjust",
    body: InventoryAdjustment,
    response: SupplyView,
    status: 201,
  },
  listInventory: {
    method: "GET",
    path: "/inventory",
    tag: "Inventory",
    summary: "Supply rows (on hand, allocated, available)",
    permission: "inventory.read",
    query: InventoryQuery,
    response: SupplyPage,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
