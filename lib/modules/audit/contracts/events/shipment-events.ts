// Events of shipment records and of allocations that ran out.
import { z } from "zod";
import { defineEvent, Id, Units, LineQuantity } from "../event-definition.ts";

const Package = z.object({ boxSize: z.string().min(1), weightGrams: Units });

export const SHIPMENT_EVENTS = [
  defineEvent({
    type: "ShipmentCreated",
    version: 1,
    aggregate: "Order",
    description:
      "A SHIP fulfilment event recorded a shipment: its number, store and location, carrier, tracking number, packages and the units it carries. Units added later to the same shipment are recorded as OrderFulfillmentProgressed only.",
    payload: z.strictObject({
      shipmentId: Id,
      number: z.string().min(1),
      storeCode: z.string().min(1),
      locationCode: z.string().min(1),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      packages: z.array(Package),
      lines: z.array(LineQuantity).min(1),
    }),
    example: {
      shipmentId: "cm9ship01",
      number: "SH-000042",
      storeCode: "acme",
      locationCode: "DC-EAST",
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      packages: [{ boxSize: "M", weightGrams: 1200 }],
      lines: [{ orderLineId: "cm9line01", quantity: 2 }],
    },
  }),
  defineEvent({
    type: "ShipmentDelivered",
    version: 1,
    aggregate: "Order",
    description: "Every unit a shipment carried has been delivered (DELIVER fulfilment events); its delivered time is set.",
    payload: z.strictObject({ shipmentId: Id, number: z.string().min(1), deliveredAt: z.string().min(1) }),
    example: { shipmentId: "cm9ship01", number: "SH-000042", deliveredAt: "2026-03-02T14:05:00.000Z" },
  }),
  defineEvent({
    type: "AllocationExpired",
    version: 1,
    aggregate: "Order",
    description:
      "Allocated units were not released in time (ALLOCATION_EXPIRY_MINUTES): the allocation-expiry job moved them back to open and gave their inventory back (DEALLOCATION).",
    payload: z.strictObject({ lines: z.array(LineQuantity.extend({ sku: z.string().min(1) })).min(1) }),
    example: { lines: [{ orderLineId: "cm9line01", quantity: 2, sku: "SKU-MUG" }] },
  }),
] as const;
