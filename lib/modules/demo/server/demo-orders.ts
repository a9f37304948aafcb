import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { intakeOrder } from "../../orders/server/intake-order.ts";
import { withDemoOrderFields } from "./demo-order-fields.ts";
import { recordFulfillmentEvent } from "../../orders/server/record-fulfillment-event.ts";
import type { IntakeOrderInput, OrderViewT } from "../../orders/contracts/orders.ts";

export const DEMO_ITEMS = [
  { sku: "SKU-MUG", name: "Stoneware mug", category: "KITCHEN", store: "acme" },
  { sku: "SKU-KETTLE", name: "Copper kettle", category: "KITCHEN", store: "acme" },
  { sku: "SKU-PAN", name: "Cast-iron pan", category: "KITCHEN", store: "acme" },
  { sku: "SKU-TENT", name: "Two-person tent", category: "OUTDOOR", store: "globex" },
  { sku: "SKU-LAMP", name: "Camping lamp", category: "OUTDOOR", store: "globex" },
];

function line(sku: string, quantity: number, unitPrice: number, extra: Partial<IntakeOrderInput["lines"][number]> = {}) {
  const item = DEMO_ITEMS.find((i) => i.sku === sku)!;
  return {
    sku,
    itemName: item.name,
    category: item.category,
    storeCode: item.store,
    quantity,
    unitPrice,
    taxAmount: 0,
    shippingAmount: 0,
    discountAmount: 0,
    shipFromLocationCode: "DC-EAST",
    ...extra,
  };
}

const DEMO_ORDERS: IntakeOrderInput[] = [
  {
    externalRef: "demo-1001",
    buyerEmail: "buyer@demo.test",
    customerType: "STANDARD",
    currency: "USD",
    orderType: "STANDARD",
    lines: [line("SKU-MUG", 5, 2000, { taxAmount: 1000 })],
    payments: [{ method: "CARD", amount: 11000 }],
  },
  {
    externalRef: "demo-1002",
    buyerEmail: "buyer@demo.test",
    customerType: "VIP",
    currency: "USD",
    orderType: "STANDARD",
    lines: [line("SKU-KETTLE", 1, 8900, { taxAmount: 712, shippingAmount: 500 }), line("SKU-TENT", 2, 24900, { taxAmount: 3984, shippingAmount: 1500, discountAmount: 2000 })],
    payments: [
      { method: "CARD", amount: 50000 },
      { method: "GIFT_CARD", amount: 13396 },
    ],
  },
  {
    externalRef: "demo-1003",
    buyerEmail: "buyer@demo.test",
    customerType: "STANDARD",
    currency: "USD",
    orderType: "STANDARD",
    lines: [line("SKU-PAN", 3, 4500, { taxAmount: 1080 }), line("SKU-MUG", 4, 2000, { taxAmount: 640 })],
    payments: [{ method: "CARD", amount: 23220 }],
  },
  {
    externalRef: "demo-2001",
    buyerEmail: "buyer2@demo.test",
    customerType: "B2B",
    currency: "USD",
    orderType: "STANDARD",
    lines: [line("SKU-LAMP", 10, 1500, { taxAmount: 1200, shipFromLocationCode: "DC-WEST" })],
    payments: [{ method: "CARD", amount: 16200 }],
  },
  {
    // Used by the approval-rules journey (e2e/approval-rules.spec.ts); no other spec touches it.
    externalRef: "demo-2002",
    buyerEmail: "buyer2@demo.test",
    customerType: "STANDARD",
    currency: "USD",
    orderType: "STANDARD",
    lines: [line("SKU-LAMP", 3, 1500, { taxAmount: 360, shipFromLocationCode: "DC-WEST" })],
    payments: [{ method: "CARD", amount: 4860 }],
  },
];

/** Demo orders keyed by externalRef, each created once through the intake command. */
export async function loadDemoOrders(db: Db, actor: Actor, log: (s: string) => void) {
  let created = 0;
  for (const o of DEMO_ORDERS) {
    if (await db.order.findUnique({ where: { externalRef: o.externalRef! } })) continue;
    const order = await intakeOrder(db, actor, withDemoOrderFields(o));
    created++;
    if (o.externalRef === "demo-1003") await progressDemoFulfilment(db, actor, order);
  }
  if (created) log(`created ${created} demo orders`);
}

// Order demo-1003 is part-way through fulfilment: 3 pans packed, 2 of 4 mugs shipped.
async function progressDemoFulfilment(db: Db, actor: Actor, o3: OrderViewT) {
  const [pan, mug] = o3.lines;
  for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK"] as const) {
    await recordFulfillmentEvent(db, actor, o3.id, { type, lines: [{ orderLineId: pan!.id, quantity: 3 }, { orderLineId: mug!.id, quantity: 2 }] });
  }
  await recordFulfillmentEvent(db, actor, o3.id, { type: "SHIP", lines: [{ orderLineId: mug!.id, quantity: 2 }], trackingNumber: "1Z-DEMO-0001" });
}
