import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { getOrder, getOrderHistory, listOrderNotes, listOrders } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { adjustInventory, listSupply } from "../../lib/modules/inventory/server/adjust-inventory.ts";

describe.each(engines())("order commands on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const counts = async () => ({
    orders: await f.db.order.count(),
    lines: await f.db.orderLine.count(),
    ledger: await f.db.quantityLedgerEntry.count(),
    events: await f.db.outboxEvent.count(),
    items: await f.db.item.count(),
    users: await f.db.user.count(),
  });

  it("takes in an order with lines, ledger, tenders, history and an event, under a counter number", async () => {
    const order = await f.order({ quantity: 5 });
    expect(order.number).toMatch(/^CM-\d{6}$/);
    expect(order.version).toBe(1);
    expect(order.status).toBe("OPEN");
    expect(order.totals).toEqual({ subtotal: 10000, tax: 1000, shipping: 0, discount: 0, total: 11000, refunded: 0 });
    expect(order.lines[0]).toMatchObject({ quantity: 5, status: "OPEN", statusCode: "1000", quantities: { open: 5, shipped: 0 } });
    const ledger = await f.db.quantityLedgerEntry.findMany({ where: { orderId: order.id } });
    expect(ledger).toMatchObject([{ fromBucket: null, toBucket: "OPEN", quantity: 5 }]);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id } });
    expect(events.map((e) => [e.type, e.sequence])).toEqual([["OrderCreated", 1]]);
    const history = await getOrderHistory(f.db, await f.as("buyer@demo.test"), order.id, { limit: 10 });
    expect(history.items.map((h) => h.action)).toEqual(["ORDER_CREATED"]);
    const tender = await f.db.paymentTender.findMany({ where: { orderId: order.id } });
    expect(tender).toMatchObject([{ method: "CARD", amount: 11000, refunded: 0 }]);
    await f.assertConsistent();
  });

  it("adds unknown SKUs to the catalogue", async () => {
    const order = await f.order({ sku: "SKU-NEW-1" });
    const item = await f.db.item.findUnique({ where: { sku: "SKU-NEW-1" } });
    expect(item).toMatchObject({ name: "Test item", category: "KITCHEN" });
    expect(order.lines[0]!.sku).toBe("SKU-NEW-1");
  });

  it("rejects payments that do not add up, unknown stores and locations, changing nothing", async () => {
    const integration = await f.as("integration@demo.test");
    const base = {
      buyerEmail: "new-buyer@demo.test",
      currency: "USD",
      lines: [{ sku: "SKU-BRAND-NEW", itemName: "X", category: "C", storeCode: "acme", quantity: 2, unitPrice: 1000, shipFromLocationCode: "DC-EAST" }],
      payments: [{ method: "CARD", amount: 2000 }],
    };
    const before = await counts();
    const short = IntakeOrder.parse({ ...base, payments: [{ method: "CARD", amount: 1999 }] });
    await expect(intakeOrder(f.db, integration, short)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const store = IntakeOrder.parse({ ...base, lines: [{ ...base.lines[0], storeCode: "nope" }] });
    await expect(intakeOrder(f.db, integration, store)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { errors: [{ path: "lines[0].storeCode" }] },
    });
    const location = IntakeOrder.parse({ ...base, lines: [{ ...base.lines[0], shipFromLocationCode: "DC-MOON" }] });
    await expect(intakeOrder(f.db, integration, location)).rejects.toMatchObject({ details: { errors: [{ path: "lines[0].shipFromLocationCode" }] } });
    const discount = IntakeOrder.parse({ ...base, lines: [{ ...base.lines[0], discountAmount: 999999 }] });
    await expect(intakeOrder(f.db, integration, discount)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
    expect(await f.db.item.findUnique({ where: { sku: "SKU-BRAND-NEW" } })).toBeNull();
  });

  it("refuses a second order with the same externalRef", async () => {
    const first = await f.order({ externalRef: "dup-ref" });
    expect(first.externalRef).toBe("dup-ref");
    expect(await outcome(() => f.order({ externalRef: "dup-ref" }))).toBe("CONFLICT");
  });

  it("a seller of another store cannot take in orders for it; a buyer cannot take in orders", async () => {
    const input = IntakeOrder.parse({
      buyerEmail: "buyer@demo.test",
      currency: "USD",
      lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 100, shipFromLocationCode: "DC-EAST" }],
      payments: [{ method: "CARD", amount: 100 }],
    });
    await expect(intakeOrder(f.db, await f.as("seller2@demo.test"), input)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(intakeOrder(f.db, await f.as("buyer@demo.test"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ok = await intakeOrder(f.db, await f.as("seller@demo.test"), input);
    expect(ok.lines).toHaveLength(1);
  });

  it("moves units one stage at a time, reserving on ALLOCATE and consuming on SHIP", async () => {
    await f.stock("SKU-KETTLE", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-KETTLE", quantity: 5 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const supplyBefore = (await listSupply(f.db, seller, { sku: "SKU-KETTLE", locationCode: "DC-EAST" }))[0]!;
    let o = await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 5 }] });
    expect(o.lines[0]!.quantities).toMatchObject({ open: 0, allocated: 5 });
    expect(o.status).toBe("PREPARING");
    const afterAllocate = (await listSupply(f.db, seller, { sku: "SKU-KETTLE", locationCode: "DC-EAST" }))[0]!;
    expect(afterAllocate).toMatchObject({ onHand: supplyBefore.onHand, allocated: supplyBefore.allocated + 5, available: supplyBefore.available - 5 });
    for (const type of ["RELEASE", "PICK", "PACK"] as const) {
      o = await recordFulfillmentEvent(f.db, seller, order.id, { type, lines: [{ orderLineId: line, quantity: 5 }] });
    }
    expect(o.lines[0]).toMatchObject({ status: "PACKED", statusCode: "3350" });
    o = await recordFulfillmentEvent(f.db, seller, order.id, { type: "SHIP", lines: [{ orderLineId: line, quantity: 2 }], trackingNumber: "TRK-1" });
    expect(o.lines[0]).toMatchObject({ status: "SHIPPING", statusCode: "4025", quantities: { packed: 3, shipped: 2 } });
    expect(o.status).toBe("PARTIALLY_SHIPPED");
    const afterShip = (await listSupply(f.db, seller, { sku: "SKU-KETTLE", locationCode: "DC-EAST" }))[0]!;
    expect(afterShip).toMatchObject({ onHand: supplyBefore.onHand - 2, allocated: supplyBefore.allocated + 3 });
    o = await recordFulfillmentEvent(f.db, seller, order.id, { type: "SHIP", lines: [{ orderLineId: line, quantity: 3 }] });
    expect(o.lines[0]).toMatchObject({ status: "SHIPPED", statusCode: "4000" });
    expect(o.status).toBe("SHIPPED");
    o = await recordFulfillmentEvent(f.db, seller, order.id, { type: "DELIVER", lines: [{ orderLineId: line, quantity: 5 }] });
    expect(o.status).toBe("DELIVERED");
    expect(o.version).toBe(8);
    // The buyer sees each shipment with its tracking number; delivery adds none.
    const seen = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(seen.lines[0]!.shipments.map(({ quantity, trackingNumber }) => ({ quantity, trackingNumber }))).toEqual([
      { quantity: 2, trackingNumber: "TRK-1" },
      { quantity: 3, trackingNumber: null },
    ]);
    const history = await getOrderHistory(f.db, seller, order.id, { limit: 50 });
    expect(history.items.map((h) => h.action)).toEqual([
      "ORDER_CREATED",
      "FULFILLMENT_ALLOCATE",
      "FULFILLMENT_RELEASE",
      "FULFILLMENT_PICK",
      "FULFILLMENT_PACK",
      "FULFILLMENT_SHIP",
      "SHIPMENT_CREATED",
      "FULFILLMENT_SHIP",
      "SHIPMENT_CREATED",
      "FULFILLMENT_DELIVER",
      // Each SHIP recorded its own shipment; delivering all 5 units delivers both.
      "SHIPMENT_DELIVERED",
      "SHIPMENT_DELIVERED",
    ]);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const reservation = await f.db.inventoryReservation.findFirstOrThrow({ where: { orderLineId: line } });
    expect(reservation).toMatchObject({ quantity: 0, consumed: 5, status: "CLOSED" });
    await f.assertConsistent();
  });

  it("refuses to move more units than the previous stage holds, changing nothing", async () => {
    const order = await f.order({ quantity: 5 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 3 }] });
    const before = await getOrder(f.db, seller, order.id);
    await expect(
      recordFulfillmentEvent(f.db, seller, order.id, { type: "RELEASE", lines: [{ orderLineId: line, quantity: 4 }] }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_QUANTITY", details: { available: 3, requested: 4 } });
    await expect(recordFulfillmentEvent(f.db, seller, order.id, { type: "SHIP", lines: [{ orderLineId: line, quantity: 1 }] })).rejects.toMatchObject({
      code: "INSUFFICIENT_QUANTITY",
    });
    expect(await getOrder(f.db, seller, order.id)).toEqual(before);
  });

  it("refuses to allocate beyond free inventory, changing nothing", async () => {
    await f.stock("SKU-PAN", "DC-EAST", 2);
    const order = await f.order({ sku: "SKU-PAN", quantity: 3 });
    const seller = await f.as("seller@demo.test");
    const txBefore = await f.db.inventoryTransaction.count();
    await expect(
      recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0]!.id, quantity: 3 }] }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_INVENTORY", details: { available: 2, requested: 3 } });
    expect(await f.db.inventoryTransaction.count()).toBe(txBefore);
    expect((await getOrder(f.db, seller, order.id)).version).toBe(1);
    const o = await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2 }] });
    expect(o.lines[0]).toMatchObject({ status: "ALLOCATING", quantities: { open: 1, allocated: 2 } });
    await f.assertConsistent();
  });

  it("rejects a stale pinned version with VERSION_MISMATCH", async () => {
    const order = await f.order();
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 1 }] }, { expectedVersion: 1 });
    await expect(
      recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 1 }] }, { expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "VERSION_MISMATCH", details: { currentVersion: 2 } });
    expect((await getOrder(f.db, seller, order.id)).lines[0]!.quantities.allocated).toBe(1);
  });

  it("keeps orders out of reach as not found: other buyers, other stores' sellers", async () => {
    const order = await f.order();
    const line = order.lines[0]!.id;
    await expect(getOrder(f.db, await f.as("buyer2@demo.test"), order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrder(f.db, await f.as("seller2@demo.test"), order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrderHistory(f.db, await f.as("seller2@demo.test"), order.id, { limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordFulfillmentEvent(f.db, await f.as("seller2@demo.test"), order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordFulfillmentEvent(f.db, await f.as("buyer@demo.test"), order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getOrder(f.db, await f.as("buyer@demo.test"), order.id)).id).toBe(order.id);
    const mine = await listOrders(f.db, await f.as("buyer2@demo.test"), { limit: 100, sort: "createdAt_desc" });
    expect(mine.items.every((o) => o.buyerEmail === "buyer2@demo.test")).toBe(true);
    expect(mine.items.some((o) => o.id === order.id)).toBe(false);
  });

  it("shows a seller only their own store's lines of a multi-store order", async () => {
    const integration = await f.as("integration@demo.test");
    const order = await intakeOrder(
      f.db,
      integration,
      IntakeOrder.parse({
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [
          { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 100, shipFromLocationCode: "DC-EAST" },
          { sku: "SKU-TENT", itemName: "Tent", category: "OUTDOOR", storeCode: "globex", quantity: 1, unitPrice: 100, shipFromLocationCode: "DC-EAST" },
        ],
        payments: [{ method: "CARD", amount: 200 }],
      }),
    );
    const forAcme = await getOrder(f.db, await f.as("seller@demo.test"), order.id);
    expect(forAcme.lines.map((l) => l.storeCode)).toEqual(["acme"]);
    expect(forAcme.subOrders.map((s) => s.storeCode)).toEqual(["acme"]);
    const forBuyer = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(forBuyer.lines.map((l) => l.storeCode)).toEqual(["acme", "globex"]);
    await expect(
      recordFulfillmentEvent(f.db, await f.as("seller@demo.test"), order.id, { type: "ALLOCATE", lines: [{ orderLineId: forBuyer.lines[1]!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists with filters, sorts and a cursor that walks every row exactly once", async () => {
    const ops = await f.as("ops@demo.test");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders(f.db, ops, { limit: 3, cursor, sort: "createdAt_desc" });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await f.db.order.count());
    const byTotal = await listOrders(f.db, ops, { limit: 100, sort: "total_desc" });
    const totals = byTotal.items.map((o) => o.totals.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const shipped = await listOrders(f.db, ops, { limit: 100, status: "PARTIALLY_SHIPPED", sort: "createdAt_desc" });
    expect(shipped.items.length).toBeGreaterThan(0);
    expect(shipped.items.every((o) => o.status === "PARTIALLY_SHIPPED")).toBe(true);
    const globex = await listOrders(f.db, ops, { limit: 100, storeCode: "globex", sort: "createdAt_desc" });
    expect(globex.items.every((o) => o.storeCodes.includes("globex"))).toBe(true);
  });

  it("adjusts inventory down to the allocated amount, never below, and rejects unknown SKUs", async () => {
    const ops = await f.as("ops@demo.test");
    await f.stock("SKU-LAMP", "DC-EAST", 4);
    const order = await f.order({ sku: "SKU-LAMP", quantity: 3, storeCode: "globex" });
    await recordFulfillmentEvent(f.db, ops, order.id, { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0]!.id, quantity: 3 }] });
    const [supply] = await listSupply(f.db, ops, { sku: "SKU-LAMP", locationCode: "DC-EAST" });
    expect(supply!.available).toBe(1);
    await expect(adjustInventory(f.db, ops, { sku: "SKU-LAMP", locationCode: "DC-EAST", quantity: -2, reason: "COUNT" })).rejects.toMatchObject({
      code: "INSUFFICIENT_INVENTORY",
    });
    const after = await adjustInventory(f.db, ops, { sku: "SKU-LAMP", locationCode: "DC-EAST", quantity: -1, reason: "COUNT" });
    expect(after).toMatchObject({ available: 0, allocated: supply!.allocated });
    await expect(adjustInventory(f.db, ops, { sku: "SKU-NOPE", locationCode: "DC-EAST", quantity: 1, reason: "X" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(adjustInventory(f.db, await f.as("buyer@demo.test"), { sku: "SKU-LAMP", locationCode: "DC-EAST", quantity: 1, reason: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await f.assertConsistent();
  });

  it("adds notes with a version bump; buyers see customer-visible notes only", async () => {
    const order = await f.order();
    const seller = await f.as("seller@demo.test");
    await addOrderNote(f.db, seller, order.id, { body: "Packed with care", visibility: "CUSTOMER", notifyCustomer: true });
    await addOrderNote(f.db, seller, order.id, { body: "Fragile — check", visibility: "INTERNAL", notifyCustomer: false });
    expect((await getOrder(f.db, seller, order.id)).version).toBe(3);
    expect((await listOrderNotes(f.db, seller, order.id)).map((n) => n.body).sort()).toEqual(["Fragile — check", "Packed with care"]);
    expect((await listOrderNotes(f.db, await f.as("buyer@demo.test"), order.id)).map((n) => n.body)).toEqual(["Packed with care"]);
    await expect(addOrderNote(f.db, await f.as("buyer@demo.test"), order.id, { body: "hi", visibility: "INTERNAL", notifyCustomer: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(addOrderNote(f.db, await f.as("seller2@demo.test"), order.id, { body: "hi", visibility: "INTERNAL", notifyCustomer: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
