// Events of an order's life: intake, notes, fulfilment progress and the derived status.
import { z } from "zod";
import { BUCKETS, FULFILMENT_EVENTS } from "../../../orders/domain/buckets.ts";
import { defineEvent, Id, Units, Minor, LineQuantity } from "../event-definition.ts";

export const ORDER_EVENTS = [
  defineEvent({
    type: "OrderCreated",
    version: 1,
    aggregate: "Order",
    description: "An order was taken in: its number, buyer, currency, total and lines (every unit starts open).",
    payload: z.strictObject({
      orderNumber: z.string().min(1),
      buyerEmail: z.string().min(1),
      currency: z.string().length(3),
      total: Minor,
      lines: z.array(z.object({ lineNumber: Units, sku: z.string().min(1), quantity: Units, total: Minor })).min(1),
    }),
    example: { orderNumber: "CM-000042", buyerEmail: "buyer@demo.test", currency: "USD", total: 11000, lines: [{ lineNumber: 1, sku: "SKU-MUG", quantity: 5, total: 11000 }] },
  }),
  defineEvent({
    type: "OrderNoteAdded",
    version: 1,
    aggregate: "Order",
    description: "A note was added to the order, internal or visible to the customer; `storeCode` names the store part it is about (null: the whole order).",
    payload: z.strictObject({ noteId: Id, visibility: z.enum(["INTERNAL", "CUSTOMER"]), notifyCustomer: z.boolean(), storeCode: z.string().nullable().optional() }),
    example: { noteId: "cm9note01", visibility: "CUSTOMER", notifyCustomer: true, storeCode: "acme" },
  }),
  defineEvent({
    type: "OrderFulfillmentProgressed",
    version: 1,
    aggregate: "Order",
    description: "Units moved one fulfilment stage forward (allocate, release, pick, pack, ship, deliver).",
    payload: z.strictObject({
      eventType: z.enum(FULFILMENT_EVENTS),
      fromBucket: z.enum(BUCKETS),
      toBucket: z.enum(BUCKETS),
      trackingNumber: z.string().nullable(),
      lines: z.array(LineQuantity).min(1),
    }),
    example: { eventType: "SHIP", fromBucket: "PACKED", toBucket: "SHIPPED", trackingNumber: "1Z999AA10123456784", lines: [{ orderLineId: "cm9line01", quantity: 2 }] },
  }),
  defineEvent({
    type: "OrderStatusChanged",
    version: 1,
    aggregate: "Order",
    description: "The order's derived status changed (OPEN, PREPARING, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED).",
    payload: z.strictObject({ oldStatus: z.string().min(1), newStatus: z.string().min(1) }),
    example: { oldStatus: "PREPARING", newStatus: "PARTIALLY_SHIPPED" },
  }),
] as const;
