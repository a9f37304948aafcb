import { z } from "zod";

// One line of the order view (API "orders"): money, units per stage, status and shipments.

/** Units of a line that left in one shipment (or, shipped before shipments were recorded, in one SHIP event). */
export const Shipment = z.object({
  quantity: z.number().int(),
  trackingNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  shippedAt: z.string(),
  delivered: z.number().int().describe("How many of these units have been delivered"),
  deliveredAt: z.string().nullable().describe("When the whole shipment was delivered"),
});

const Quantities = z.object({
  open: z.number().int(),
  allocated: z.number().int(),
  released: z.number().int(),
  picked: z.number().int(),
  packed: z.number().int(),
  shipped: z.number().int(),
  delivered: z.number().int(),
  cancelled: z.number().int(),
  returned: z.number().int(),
});

export const OrderLineView = z.object({
  id: z.string(),
  lineNumber: z.number().int(),
  sku: z.string(),
  itemName: z.string(),
  category: z.string(),
  storeCode: z.string(),
  shipFromLocationCode: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  taxAmount: z.number().int(),
  shippingAmount: z.number().int(),
  discountAmount: z.number().int(),
  lineTotal: z.number().int(),
  quantities: Quantities,
  status: z.string(),
  statusCode: z.string(),
  statusLabel: z.string(),
  refunded: z.number().int(),
  shipments: z
    .array(Shipment)
    .describe("Each shipment of the line's units, oldest first: how many units left and the carrier's tracking number, if the store gave one"),
});
