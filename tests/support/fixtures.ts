// A test database with the demo reference data (stores, locations, users, reason codes, stock)
// plus helpers to act as each demo user and to take in orders through the real command.
import { loadActor, type Actor } from "../../lib/platform/auth/actor.ts";
import type { Db } from "../../lib/platform/db/client.ts";
import type { z } from "zod";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { loadDemoData } from "../../lib/modules/demo/server/load-demo-data.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { adjustInventory } from "../../lib/modules/inventory/server/adjust-inventory.ts";
import { findInventoryMismatches, findMoneyMismatches, findQuantityLedgerMismatches } from "../../lib/modules/checks/server/consistency.ts";
import { findReturnAndAssetMismatches } from "../../lib/modules/checks/server/return-checks.ts";
import { createTestDatabase, type Engine, type TestDatabase } from "./test-db.ts";

export interface Fixture extends TestDatabase {
  as(email: string, via?: Actor["via"]): Promise<Actor>;
  /** Takes in an order through the intake contract (overrides as a storefront sends them) and the real command. */
  order(overrides?: Partial<z.input<typeof IntakeOrder>> & { quantity?: number; sku?: string; storeCode?: string }): ReturnType<typeof intakeOrder>;
  /** Sets free stock of a SKU at a location to exactly `available` (on hand = allocated + available). */
  stock(sku: string, locationCode: string, available: number): Promise<void>;
  assertConsistent(): Promise<void>;
}

let counter = 0;

/**
 * `approvalRules: false` (the default here) leaves the rule table empty, so approvals follow the
 * default rules without storing them; `true` stores them as a fresh install does.
 */
export async function createFixture(engine: Engine, options: { approvalRules?: boolean } = {}): Promise<Fixture> {
  const t = await createTestDatabase(engine);
  await loadDemoData(t.db, () => {}, { approvalRules: options.approvalRules ?? false });
  const actors = new Map<string, Actor>();
  const as = async (email: string, via: Actor["via"] = "web") => {
    const key = `${email}:${via}`;
    if (!actors.has(key)) {
      const actor = await loadActor(t.db, { email }, { via, correlationId: `test-${email}` });
      if (!actor) throw new Error(`no user ${email}`);
      actors.set(key, actor);
    }
    return actors.get(key)!;
  };
  return {
    ...t,
    as,
    async order(o = {}) {
      const quantity = o.quantity ?? 5;
      const sku = o.sku ?? "SKU-MUG";
      const unitPrice = 2000;
      const tax = 200 * quantity;
      const input = IntakeOrder.parse({
        externalRef: `t-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 7)}`,
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [
          {
            sku,
            itemName: "Test item",
            category: "KITCHEN",
            storeCode: o.storeCode ?? "acme",
            quantity,
            unitPrice,
            taxAmount: tax,
            shipFromLocationCode: "DC-EAST",
          },
        ],
        payments: [{ method: "CARD", amount: quantity * unitPrice + tax }],
        ...o,
      });
      return intakeOrder(t.db, await as("integration@demo.test"), input);
    },
    async stock(sku, locationCode, available) {
      const item = await t.db.item.findUniqueOrThrow({ where: { sku } });
      const location = await t.db.location.findUniqueOrThrow({ where: { code: locationCode } });
      const supply = await t.db.inventorySupply.findUnique({ where: { itemId_locationId: { itemId: item.id, locationId: location.id } } });
      const current = supply ? supply.onHand - supply.allocated : 0;
      if (current !== available) {
        await adjustInventory(t.db, await as("ops@demo.test"), { sku, locationCode, quantity: available - current, reason: "COUNT" });
      }
    },
    async assertConsistent() {
      const ledger = await findQuantityLedgerMismatches(t.db);
      const inventory = await findInventoryMismatches(t.db);
      const money = await findMoneyMismatches(t.db);
      const returns = await findReturnAndAssetMismatches(t.db);
      if (ledger.length || inventory.length || money.length || returns.length) {
        throw new Error(`inconsistent data: ${JSON.stringify({ ledger, inventory, money, returns }, null, 1)}`);
      }
    },
  };
}

/** Runs `fn` and returns the DomainError code it threw, or "OK". */
export async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code || (e as Error).name !== "DomainError") throw e;
    return code;
  }
}
