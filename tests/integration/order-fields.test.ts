// An order's shipping address, contact, delivery note and delivery window (SPEC §6): intake stores
// them in the order's columns, the order view returns them (null when absent), bad values are
// refused at intake with their field paths and store nothing, and migration 0010 leaves the
// orders it finds with none of them.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";
import { orderFieldsOf } from "../../lib/modules/orders/server/order-field-columns.ts";
import { createDb } from "../../lib/platform/db/client.ts";
import { migrate } from "../../lib/platform/db/migrate.ts";
import { zodFieldErrors } from "../../lib/platform/errors.ts";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { execSql } from "../support/schema-catalog.ts";
import { createEmptyDatabase, engines, migrationsUpTo } from "../support/test-db.ts";

const ADDRESS = { name: " Ada Buyer ", line1: "1 Main St", line2: "Apt 4", city: "Springfield", region: "IL", postalCode: "12930", country: "US" };
const CONTACT = { name: "Ada Buyer", email: "ada@example.test", phone: "+1 555 0100" };
const WINDOW = { from: "2030-05-01T10:00:00+02:00", to: "2030-05-01T12:00:00Z" };

describe.each(engines())("order fields on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("intake stores every field in the order's columns and the view returns them", async () => {
    const order = await f.order({ shippingAddress: ADDRESS, contact: CONTACT, deliveryNote: "Ring twice\nthen leave at the door", deliveryWindow: WINDOW });
    const row = await f.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({
      shipToName: "Ada Buyer",
      shipToLine1: "1 Main St",
      shipToLine2: "Apt 4",
      shipToCity: "Springfield",
      shipToRegion: "IL",
      shipToPostalCode: "12930",
      shipToCountry: "US",
      contactName: "Ada Buyer",
      contactEmail: "ada@example.test",
      contactPhone: "+1 555 0100",
      deliveryNote: "Ring twice\nthen leave at the door",
    });
    expect(row.deliveryWindowFrom?.toISOString()).toBe("2030-05-01T08:00:00.000Z");
    expect(row.deliveryWindowTo?.toISOString()).toBe("2030-05-01T12:00:00.000Z");

    for (const email of ["buyer@demo.test", "seller@demo.test", "ops@demo.test"]) {
      const view = await getOrder(f.db, await f.as(email), order.id);
      expect(view.shippingAddress, email).toEqual({ ...ADDRESS, name: "Ada Buyer" });
      expect(view.contact, email).toEqual(CONTACT);
      expect(view.deliveryNote, email).toBe("Ring twice\nthen leave at the door");
      expect(view.deliveryWindow, email).toEqual({ from: "2030-05-01T08:00:00.000Z", to: "2030-05-01T12:00:00.000Z" });
    }
  });

  it("optional parts left out are null; an order without any field shows each as null", async () => {
    const partial = await f.order({ shippingAddress: { ...ADDRESS, line2: " ", region: undefined }, contact: { name: "Bo", email: "bo@example.test" } });
    const read = await getOrder(f.db, await f.as("ops@demo.test"), partial.id);
    expect(read.shippingAddress).toEqual({ ...ADDRESS, name: "Ada Buyer", line2: null, region: null });
    expect(read.contact).toEqual({ name: "Bo", email: "bo@example.test", phone: null });
    expect([read.deliveryNote, read.deliveryWindow]).toEqual([null, null]);

    const bare = await f.order();
    const row = await f.db.order.findUniqueOrThrow({ where: { id: bare.id } });
    expect([row.shipToName, row.contactEmail, row.deliveryNote, row.deliveryWindowFrom]).toEqual([null, null, null, null]);
    const view = await getOrder(f.db, await f.as("buyer@demo.test"), bare.id);
    expect([view.shippingAddress, view.contact, view.deliveryNote, view.deliveryWindow]).toEqual([null, null, null, null]);
  });

  it("the demo orders carry delivery details, but one that shows an order without them", async () => {
    const ops = await f.as("ops@demo.test");
    const byRef = async (externalRef: string) => getOrder(f.db, ops, (await f.db.order.findUniqueOrThrow({ where: { externalRef } })).id);
    const first = await byRef("demo-1001");
    expect(first.shippingAddress).toMatchObject({ line1: "742 Evergreen Terrace", postalCode: "62704", country: "US" });
    expect(first.contact).toMatchObject({ email: "buyer@demo.test" });
    expect(first.deliveryNote).toMatch(/neighbour/);
    expect(Date.parse(first.deliveryWindow!.to) - Date.parse(first.deliveryWindow!.from)).toBe(3 * 3_600_000);
    expect((await byRef("demo-2001")).shippingAddress).toMatchObject({ line2: "Loading dock B", region: "CA" });
    const none = await byRef("demo-2002");
    expect([none.shippingAddress, none.contact, none.deliveryNote, none.deliveryWindow]).toEqual([null, null, null, null]);
  });

  it("bad values are refused with their field paths, and nothing is stored", async () => {
    const before = await f.db.order.count();
    const base = {
      buyerEmail: "buyer@demo.test",
      currency: "USD",
      lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 100, shipFromLocationCode: "DC-EAST" }],
      payments: [{ method: "CARD", amount: 100 }],
    };
    const bad = IntakeOrder.safeParse({
      ...base,
      shippingAddress: { ...ADDRESS, postalCode: "1".repeat(21), country: "UK" },
      contact: { ...CONTACT, email: "not-an-email" },
      deliveryNote: "x".repeat(1001),
      deliveryWindow: { from: WINDOW.to, to: WINDOW.from },
    });
    expect(bad.success).toBe(false);
    expect(zodFieldErrors(bad.error!).map((e) => e.path)).toEqual([
      "shippingAddress.postalCode",
      "shippingAddress.country",
      "contact.email",
      "deliveryNote",
      "deliveryWindow.to",
    ]);
    expect(IntakeOrder.safeParse({ ...base, deliveryWindow: { from: "2030-05-01T10:00:00", to: WINDOW.to } }).success).toBe(false);
    expect(await f.db.order.count()).toBe(before);
  });
});

const T = "'2026-01-02T03:04:05.000Z'";
const ORDER_AT_0009 = `
INSERT INTO "users" ("id", "email", "name") VALUES ('u1', 'buyer@example.test', 'Buyer');
INSERT INTO "orders" ("id", "number", "buyerId", "buyerEmail", "currency", "status", "subtotal", "tax", "shipping", "discount", "total", "updatedAt")
  VALUES ('o1', 'ORD-1', 'u1', 'buyer@example.test', 'USD', 'OPEN', 10000, 1000, 0, 0, 11000, ${T});
`;

describe.each(engines("migration 0010 on PostgreSQL"))("migration 0010 on %s", (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("carries existing orders over with no address, contact, note or window", async () => {
    const empty = await createEmptyDatabase(engine);
    cleanups.push(empty.remove);
    const upTo0009 = migrationsUpTo("0009_line_holds_and_causes");
    cleanups.push(() => rmSync(upTo0009, { recursive: true, force: true }));
    expect((await migrate(empty.url, upTo0009)).applied.at(-1)).toBe("0009_line_holds_and_causes");
    await execSql(empty.url, ORDER_AT_0009);

    expect((await migrate(empty.url)).applied[0]).toBe("0010_order_fields");
    const db = createDb(empty.url);
    cleanups.push(() => db.$disconnect());
    const row = await db.order.findUniqueOrThrow({ where: { id: "o1" } });
    expect(row).toMatchObject({ number: "ORD-1", total: 11000 });
    expect(orderFieldsOf(row)).toEqual({ shippingAddress: null, contact: null, deliveryNote: null, deliveryWindow: null });
    const columns = Object.entries(row).filter(([k]) => /^(shipTo|contact|deliveryNote|deliveryWindow)/.test(k));
    expect(columns).toHaveLength(13);
    expect(columns.filter(([, v]) => v !== null)).toEqual([]);
  });
});
