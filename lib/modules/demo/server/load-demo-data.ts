import bcrypt from "bcryptjs";
import type { Db } from "../../../platform/db/client.ts";
import { loadActor, type Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel, Role } from "../../../platform/auth/permissions.ts";
import { adjustInventory } from "../../inventory/server/adjust-inventory.ts";
import { DEMO_ITEMS, loadDemoOrders } from "./demo-orders.ts";
import { loadDemoPoints } from "./demo-points.ts";
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
  { code: "CUSTOMER_CHANGED_MIND", label: "Customer changed their mind", buyerVisible: true },
  { code: "OUT_OF_STOCK", label: "Out of stock" },
  { code: "FRAUD_SUSPECTED", label: "Fraud suspected" },
  { code: "PRICE_ERROR", label: "Price error" },
  { code: "DUPLICATE_ORDER", label: "Duplicate order", buyerVisible: true },
  { code: "DAMAGED_IN_WAREHOUSE", label: "Damaged in warehouse" },
  { code: "LATE_DELIVERY", label: "Delivery would be too late", buyerVisible: true },
  { code: "CUSTOMER_ADDRESS_CORRECTION", label: "Customer corrected the address", appliesTo: "AMENDMENT", buyerVisible: true },
  { code: "CUSTOMER_REQUEST", label: "Customer asked for a change", appliesTo: "AMENDMENT", buyerVisible: true },
  { code: "PRICE_CORRECTION", label: "Price correction", appliesTo: "AMENDMENT" },
  { code: "ITEM_SUBSTITUTION", label: "Item substituted", appliesTo: "AMENDMENT" },
  { code: "DAMAGED_ON_ARRIVAL", label: "Arrived damaged", appliesTo: "RETURN", buyerVisible: true },
  { code: "WRONG_ITEM", label: "Wrong item received", appliesTo: "RETURN", buyerVisible: true },
  { code: "NOT_AS_DESCRIBED", label: "Not as described", appliesTo: "RETURN", buyerVisible: true },
  { code: "NO_LONGER_NEEDED", label: "No longer needed", appliesTo: "RETURN", buyerVisible: true },
  { code: "ADD_ITEMS", label: "Customer adds items", appliesTo: "SUPPLEMENTAL", buyerVisible: true },
  { code: "REPLACE_DAMAGED", label: "Replacement for damaged goods", appliesTo: "SUPPLEMENTAL" },
  { code: "GOODWILL", label: "Goodwill gesture", appliesTo: "SUPPLEMENTAL" },
];

/**
 * Idempotent: reference data is upserted; demo orders are keyed by externalRef and created through
 * the same commands the API uses, so they carry real ledgers, history and events.
 */
export async function loadDemoData(db: Db, log: (s: string) => void = () => {}, options: { approvalRules?: boolean } = {}) {
  const stores = await loadDemoReferenceData(db);
  await loadDemoUsers(db, stores, log);
  const actor = (await loadActor(db, { email: "integration@demo.test" }, { via: "system", correlationId: "demo-data" }))!;
  if (options.approvalRules !== false) {
    const rules = await installDefaultApprovalRules(db);
    if (rules) log(`stored ${rules} default approval rules`);
  }
  await loadDemoStock(db, actor);
  await loadDemoOrders(db, actor, log);
  await loadDemoPoints(db, actor, log);
}

/** Stores, locations and reason codes; returns store ids by code. */
async function loadDemoReferenceData(db: Db): Promise<Map<string, string>> {
  for (const s of STORES) await db.store.upsert({ where: { code: s.code }, create: s, update: {} });
  const stores = new Map((await db.store.findMany()).map((s) => [s.code, s.id]));
  for (const { store, ...l } of LOCATIONS) {
    await db.location.upsert({ where: { code: l.code }, create: { ...l, storeId: store ? stores.get(store)! : null }, update: {} });
  }
  for (const [i, r] of DEMO_REASON_CODES.entries())
    await db.reasonCode.upsert({ where: { code: r.code }, create: { ...r, sortOrder: i }, update: {} });
  return stores;
}

/** Each demo user not there yet, with the demo password, roles, approver level and store memberships. */
async function loadDemoUsers(db: Db, stores: Map<string, string>, log: (s: string) => void) {
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
}

/** The demo items, and on an empty inventory 200 of each at every location that may ship it. */
async function loadDemoStock(db: Db, actor: Actor) {
  for (const item of DEMO_ITEMS) {
    await db.item.upsert({ where: { sku: item.sku }, create: { sku: item.sku, name: item.name, category: item.category }, update: {} });
  }
  if ((await db.inventorySupply.count()) > 0) return;
  for (const item of DEMO_ITEMS) {
    for (const loc of LOCATIONS.filter((l) => !l.store || l.store === item.store)) {
      await adjustInventory(db, actor, { sku: item.sku, locationCode: loc.code, quantity: 200, reason: "RECEIPT" });
    }
  }
}
