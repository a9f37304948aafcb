import bcrypt from "bcryptjs";
import type { Db } from "../../../platform/db/client.ts";
import { loadActor, type Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel, Role } from "../../../platform/auth/permissions.ts";
import { intakeOrder } from "../../orders/server/intake-order.ts";
import { recordFulfillmentEvent } from "../../orders/server/record-fulfillment-event.ts";
import { adjustInventory } from "../../inventory/server/adjust-inventory.ts";
import type { IntakeOrderInput, OrderViewT } from "../../orders/contracts/orders.ts";
import { loadDemoPoints } from "./demo-points.ts";
import { withDemoOrderFields } from "./demo-order-fields.ts";
import { installDefaultApprovalRules } from "../../approvals/server/rules.ts";

export const DEMO_PASSWORD = "demo1234";

export const DEMO_USERS: { email: string; name: string; roles: Role[]; level?: ApproverLevel; stores?: string[]; service?: boolean }[] = [
  { email: "buyer@demo.test", name: "Bea Buyer", roles: ["BUYER"] },
  { email: "buyer2@demo.test", name: "Bo Buyer", roles: ["BUYER"] },
  { email: "seller@demo.test", name: "Sam Seller (Acme)", roles: ["SELLER"], stores: ["acme"] },
  { email: "seller2@demo.test", name: "Gia Seller (Globex)", roles: ["SELLER"], stores: ["globex"] },
  { email: "supervisor@demo.test", name: "Sue Supervisor", roles: ["APPROVER"], level: "SUPERVISOR" },
  { email: "manager@demo.test", name: "Max Manager", roles: ["APPROVER"], level: "MANAGER" },
  { email: "director@demo.test", name: "Dee Director", roles: ["APPROVER"], level: "DIRECTOR" },
  { email: "ops@demo.test", name: "Oli Ops", roles: ["OPS"] },
  {
    email: "integration@demo.test",
    name: "Integration service",
    roles: ["BUYER", "SELLER", "APPROVER", "OPS"],
    level: "VP",
    stores: ["acme", "globex"],
    service: true,
  },
];

const STORES = [
  { code: "acme", name: "Acme Kitchen" },
  { code: "globex", name: "Globex Outdoors" },
];
// Distribution centres are shared (no store; OPS adjusts their stock); a store's own location is
// where its sellers adjust stock themselves.
const LOCATIONS: { code: string; name: string; type?: "DC" | "STORE"; store?: string }[] = [
  { code: "DC-EAST", name: "East distribution centre" },
  { code: "DC-WEST", name: "West distribution centre" },
  { code: "ACME-STORE", name: "Acme Kitchen shop", type: "STORE", store: "acme" },
  { code: "GLOBEX-STORE", name: "Globex Outdoors shop", type: "STORE", store: "globex" },
];
export const DEMO_REASON_CODES = [
  { code: "CUSTOMER_CHANGED_MIND", label: "Customer changed their mind" },
  { code: "OUT_OF_STOCK", label: "Out of stock" },
  { code: "FRAUD_SUSPECTED", label: "Fraud suspected" },
  { code: "PRICE_ERROR", label: "Price error" },
  { code: "DUPLICATE_ORDER", label: "Duplicate order" },
  { code: "DAMAGED_IN_WAREHOUSE", label: "Damaged in warehouse" },
  { code: "LATE_DELIVERY", label: "Delivery would be too late" },
];
const ITEMS = [
  { sku: "SKU-MUG", name: "Stoneware mug", category: "KITCHEN", store: "acme" },
  { sku: "SKU-KETTLE", name: "Copper kettle", category: "KITCHEN", store: "acme" },
  { sku: "SKU-PAN", name: "Cast-iron pan", category: "KITCHEN", store: "acme" },
  { sku: "SKU-TENT", name: "Two-person tent", category: "OUTDOOR", store: "globex" },
  { sku: "SKU-LAMP", name: "Camping lamp", category: "OUTDOOR", store: "globex" },
];

function line(sku: string, quantity: number, unitPrice: number, extra: Partial<IntakeOrderInput["lines"][number]> = {}) {
  const item = ITEMS.find((i) => i.sku === sku)!;
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

/**
 * Idempotent: reference data is upserted; demo orders are keyed by externalRef and created through
 * the same commands the API uses, so they carry real ledgers, history and events.
 */
export async function loadDemoData(db: Db, log: (s: string) => void = () => {}, options: { approvalRules?: boolean } = {}) {
  for (const s of STORES) await db.store.upsert({ where: { code: s.code }, create: s, update: {} });
  const stores = new Map((await db.store.findMany()).map((s) => [s.code, s.id]));
  for (const { store, ...l } of LOCATIONS) {
    await db.location.upsert({ where: { code: l.code }, create: { ...l, storeId: store ? stores.get(store)! : null }, update: {} });
  }
  for (const [i, r] of DEMO_REASON_CODES.entries())
    await db.reasonCode.upsert({ where: { code: r.code }, create: { ...r, sortOrder: i }, update: {} });
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    if (existing) continue;
    await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 10),
        approverLevel: u.level ?? null,
        isService: u.service ?? false,
        roles: { create: u.roles.map((role) => ({ role })) },
        memberships: { create: (u.stores ?? []).map((code) => ({ storeId: stores.get(code)! })) },
      },
    });
    log(`created demo user ${u.email}`);
  }
  const actor = (await loadActor(db, { email: "integration@demo.test" }, { via: "system", correlationId: "demo-data" }))!;
  if (options.approvalRules !== false) {
    const rules = await installDefaultApprovalRules(db);
    if (rules) log(`stored ${rules} default approval rules`);
  }
  for (const item of ITEMS) {
    await db.item.upsert({ where: { sku: item.sku }, create: { sku: item.sku, name: item.name, category: item.category }, update: {} });
  }
  if ((await db.inventorySupply.count()) === 0) {
    for (const item of ITEMS) {
      for (const loc of LOCATIONS.filter((l) => !l.store || l.store === item.store)) {
        await adjustInventory(db, actor, { sku: item.sku, locationCode: loc.code, quantity: 200, reason: "RECEIPT" });
      }
    }
  }
  {
    const orders: IntakeOrderInput[] = [
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
    let created = 0;
    for (const o of orders) {
      if (await db.order.findUnique({ where: { externalRef: o.externalRef! } })) continue;
      const order = await intakeOrder(db, actor, withDemoOrderFields(o));
      created++;
      if (o.externalRef === "demo-1003") await progressDemoFulfilment(db, actor, order);
    }
    if (created) log(`created ${created} demo orders`);
  }
  await loadDemoPoints(db, actor, log);
}

// Order demo-1003 is part-way through fulfilment: 3 pans packed, 2 of 4 mugs shipped.
async function progressDemoFulfilment(db: Db, actor: Actor, o3: OrderViewT) {
    const [pan, mug] = o3.lines;
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK"] as const) {
      await recordFulfillmentEvent(db, actor, o3.id, { type, lines: [{ orderLineId: pan!.id, quantity: 3 }, { orderLineId: mug!.id, quantity: 2 }] });
    }
    await recordFulfillmentEvent(db, actor, o3.id, { type: "SHIP", lines: [{ orderLineId: mug!.id, quantity: 2 }], trackingNumber: "1Z-DEMO-0001" });
}
