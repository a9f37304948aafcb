import { z } from "zod";
import { FULFILMENT_EVENTS } from "../domain/buckets.ts";
import { TARGET_STAGES, fulfilmentPath } from "../domain/fulfilment-path.ts";
import { OrderFieldsInput, OrderFieldsView } from "../domain/order-fields.ts";
import { TENDER_METHODS } from "../../../platform/money/payments.ts";
import { Code, ListQuery, MinorUnits, PositiveQuantity, pageOf } from "../../../platform/contracts/common.ts";
import { OrderLineView } from "./order-line.ts";
import { ShipmentInput, ShipmentView } from "./shipments.ts";

export { OrderLineView };

export const IntakeLine = z.object({
  sku: Code,
  itemName: z.string().trim().min(1).max(200),
  category: Code,
  storeCode: Code,
  quantity: PositiveQuantity,
  unitPrice: MinorUnits,
  taxAmount: MinorUnits.default(0),
  shippingAmount: MinorUnits.default(0),
  discountAmount: MinorUnits.default(0),
  shipFromLocationCode: Code,
  assetTracked: z.boolean().optional(),
});

export const IntakePayment = z.object({
  method: z.enum(TENDER_METHODS),
  amount: MinorUnits,
  reference: z.string().max(200).optional(),
  pointsWithdrawTransactionId: z.string().max(100).optional(),
});

export const IntakeOrder = z
  .object({
    externalRef: z.string().trim().min(1).max(100).optional(),
    buyerEmail: z.email().max(254),
    customerType: z.string().trim().min(1).max(32).default("STANDARD"),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like USD"),
    orderType: z.string().trim().min(1).max(32).default("STANDARD"),
    lines: z.array(IntakeLine).min(1, "an order needs at least one line").max(500),
    payments: z.array(IntakePayment).min(1, "an order needs at least one payment").max(20),
    ...OrderFieldsInput.shape,
  })
  .meta({ id: "IntakeOrder" });
export type IntakeOrderInput = z.infer<typeof IntakeOrder>;

export const FulfillmentEvent = z
  .object({
    type: z.enum(FULFILMENT_EVENTS),
    lines: z
      .array(z.object({ orderLineId: z.string().min(1).max(100), quantity: PositiveQuantity }))
      .min(1)
      .max(500),
    trackingNumber: z.string().trim().min(1).max(100).optional(),
    toStage: z
      .enum(TARGET_STAGES)
      .optional()
      .describe(
        "Move the units on to this stage in the same step: `type` is the first event, every stage in between is recorded (ledger rows, history entry, event) in one transaction. Default: the stage `type` leads to",
      ),
    shipment: ShipmentInput.optional(),
  })
  .superRefine((v, ctx) => {
    const path = fulfilmentPath(v.type, v.toStage);
    if (!path.ok) ctx.addIssue({ code: "custom", path: ["toStage"], message: path.message });
    else if (v.shipment && !path.events.includes("SHIP")) ctx.addIssue({ code: "custom", path: ["shipment"], message: "shipment details go with units being shipped" });
  })
  .meta({ id: "FulfillmentEvent" });
export type FulfillmentEventInput = z.infer<typeof FulfillmentEvent>;

export const AddNote = z
  .object({
    body: z.string().trim().min(1, "a note cannot be empty").max(4000),
    visibility: z.enum(["INTERNAL", "CUSTOMER"]).default("INTERNAL"),
    notifyCustomer: z.boolean().default(false),
    storeCode: Code.optional().describe(
      "The store whose part of the order the note is about. Default: the caller's store when they hold exactly one store of the order; none (the whole order) for OPS or a seller holding every store of it",
    ),
  })
  .meta({ id: "AddNote" });
export type AddNoteInput = z.infer<typeof AddNote>;

export const InventoryAdjustment = z
  .object({
    sku: Code,
    locationCode: Code,
    quantity: z
      .number()
      .int("must be a whole number of units")
      .refine((n) => n !== 0, "must not be zero")
      .refine((n) => Math.abs(n) <= 10_000_000, "is too large"),
    reason: z.string().trim().min(1).max(64).default("ADJUSTMENT"),
  })
  .meta({ id: "InventoryAdjustment" });
export type InventoryAdjustmentInput = z.infer<typeof InventoryAdjustment>;

export const OrderStatusFilter = z.enum(["OPEN", "PREPARING", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED"]);
export const OrderSort = z.enum(["createdAt_desc", "createdAt_asc", "total_desc", "total_asc"]);

export const ListOrdersQuery = ListQuery.extend({
  status: OrderStatusFilter.optional(),
  storeCode: Code.optional(),
  buyerEmail: z.string().max(254).optional(),
  sort: OrderSort.default("createdAt_desc"),
});
export type ListOrdersInput = z.infer<typeof ListOrdersQuery>;

export const InventoryQuery = z.object({ sku: Code.optional(), locationCode: Code.optional() });

export const OrderView = z
  .object({
    id: z.string(),
    number: z.string(),
    externalRef: z.string().nullable(),
    version: z.number().int(),
    view: z
      .enum(["ORDER", "STORES"])
      .describe(
        "ORDER: the whole order. STORES: the caller's stores' part of a mixed order (a seller): its sub-orders and lines, status and totals of those lines, no payment tenders",
      ),
    status: z.string(),
    statusLabel: z.string(),
    currency: z.string(),
    orderType: z.string().describe("STANDARD, SUPPLEMENTAL or RETURN (and whatever a storefront sent)"),
    supplementalType: z.string().nullable().describe("A SUPPLEMENTAL order's kind: ADD_ON, REPLACEMENT or BILLING_ADJUSTMENT"),
    parentOrderId: z.string().nullable().describe("The order a SUPPLEMENTAL or RETURN order belongs to"),
    customerType: z.string(),
    buyerEmail: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    totals: z.object({
      subtotal: z.number().int(),
      tax: z.number().int(),
      shipping: z.number().int(),
      discount: z.number().int(),
      total: z.number().int(),
      refunded: z.number().int(),
    }),
    subOrders: z.array(
      z.object({ id: z.string(), storeCode: z.string(), storeName: z.string(), status: z.string(), total: z.number().int(), refunded: z.number().int() }),
    ),
    ...OrderFieldsView.shape,
    lines: z.array(OrderLineView),
    shipments: z.array(ShipmentView).describe("The order's shipments the caller sees (a seller: their stores'), oldest first"),
    payments: z.array(
      z.object({ id: z.string(), method: z.string(), amount: z.number().int(), refunded: z.number().int(), pointsWithdrawTransactionId: z.string().nullable() }),
    ),
  })
  .meta({ id: "Order" });
export type OrderViewT = z.infer<typeof OrderView>;

export const FulfillmentEventResult = OrderView.extend({
  shipment: ShipmentView.nullable().describe("The shipment this SHIP event recorded or added to (the first, when the lines left from several stores or locations); null when nothing shipped"),
}).meta({ id: "FulfillmentEventResult" });

export const OrderSummary = OrderView.pick({
  id: true,
  number: true,
  version: true,
  view: true,
  status: true,
  statusLabel: true,
  currency: true,
  buyerEmail: true,
  createdAt: true,
  totals: true,
}).extend({ storeCodes: z.array(z.string()), lineCount: z.number().int(), unitCount: z.number().int() });
export type OrderSummaryT = z.infer<typeof OrderSummary>;
export const OrderPage = pageOf(OrderSummary).meta({ id: "OrderPage" });

export const HistoryEntry = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.string(),
  oldStatus: z.string().nullable(),
  newStatus: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
  data: z.unknown(),
});
export type HistoryEntryT = z.infer<typeof HistoryEntry>;
export const HistoryPage = pageOf(HistoryEntry).meta({ id: "HistoryPage" });

export const SupplyView = z
  .object({ sku: z.string(), locationCode: z.string(), onHand: z.number().int(), allocated: z.number().int(), available: z.number().int() })
  .meta({ id: "Supply" });
export const SupplyPage = pageOf(SupplyView);
