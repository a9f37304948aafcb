import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { getOrderHistory } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";

describe.each(engines())("multi-stage fulfilment on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const twoLines = () =>
    f.order({
      lines: [
        { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1000, shipFromLocationCode: "DC-EAST" },
        { sku: "SKU-KETTLE", itemName: "Kettle", category: "KITCHEN", storeCode: "acme", quantity: 2, unitPrice: 1000, shipFromLocationCode: "DC-EAST" },
      ],
      payments: [{ method: "CARD", amount: 5000 }],
    });
  const snapshot = async (orderId: string) => ({
    order: await f.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, status: true } }),
    lines: await f.db.orderLine.findMany({ where: { orderId }, orderBy: { lineNumber: "asc" } }),
    ledger: await f.db.quantityLedgerEntry.count({ where: { orderId } }),
    history: await f.db.orderHistory.count({ where: { orderId } }),
    events: await f.db.outboxEvent.count({ where: { orderId } }),
    supply: await f.db.inventorySupply.findMany({ orderBy: { id: "asc" } }),
  });

  it("ships open units in one step, recording every stage in the ledger and history under one version", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-MUG", quantity: 5 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const o = await recordFulfillmentEvent(f.db, seller, order.id, {
      type: "ALLOCATE",
      toStage: "SHIPPED",
      lines: [{ orderLineId: line, quantity: 2 }],
      trackingNumber: "TRK-MULTI",
    });
    expect(o.version).toBe(2);
    expect(o.lines[0]!.quantities).toMatchObject({ open: 3, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 2 });
    const ledger = await f.db.quantityLedgerEntry.findMany({ where: { orderLineId: line, reason: { startsWith: "FULFILLMENT_" } }, orderBy: { id: "asc" } });
    expect(ledger.map((e) => [e.fromBucket, e.toBucket, e.quantity, e.reference])).toEqual([
      ["OPEN", "ALLOCATED", 2, null],
      ["ALLOCATED", "RELEASED", 2, null],
      ["RELEASED", "PICKED", 2, null],
      ["PICKED", "PACKED", 2, null],
      ["PACKED", "SHIPPED", 2, "TRK-MULTI"],
    ]);
    const history = await getOrderHistory(f.db, seller, order.id, { limit: 20 });
    const actions = history.items.map((h) => h.action);
    for (const a of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"]) expect(actions).toContain(`FULFILLMENT_${a}`);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id, type: "OrderFulfillmentProgressed" } });
    expect(events).toHaveLength(5);
    expect(o.status).toBe("PARTIALLY_SHIPPED");
    await f.assertConsistent();
  });

  it("moves several lines at once, all or nothing", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    await f.stock("SKU-KETTLE", "DC-EAST", 50);
    const order = await twoLines();
    const seller = await f.as("seller@demo.test");
    const [mug, kettle] = order.lines.map((l) => l.id);
    const before = await snapshot(order.id);
    // The kettle line holds 2: asking for 3 fails the whole command, the mug line included.
    const failed = await outcome(() =>
      recordFulfillmentEvent(f.db, seller, order.id, {
        type: "ALLOCATE",
        toStage: "PACKED",
        lines: [{ orderLineId: mug!, quantity: 3 }, { orderLineId: kettle!, quantity: 3 }],
      }),
    );
    expect(failed).toBe("INSUFFICIENT_QUANTITY");
    expect(await snapshot(order.id)).toEqual(before);
    const o = await recordFulfillmentEvent(f.db, seller, order.id, {
      type: "ALLOCATE",
      toStage: "PACKED",
      lines: [{ orderLineId: mug!, quantity: 3 }, { orderLineId: kettle!, quantity: 1 }],
    });
    expect(o.lines.map((l) => [l.quantities.open, l.quantities.packed])).toEqual([[0, 3], [1, 1]]);
    expect(o.version).toBe(before.order.version + 1);
    await f.assertConsistent();
  });

  it("refuses a move beyond what the line holds, or backwards, changing nothing", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-MUG", quantity: 2 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const before = await snapshot(order.id);
    expect(await outcome(() => recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 3 }] }))).toBe(
      "INSUFFICIENT_QUANTITY",
    );
    await expect(
      recordFulfillmentEvent(f.db, seller, order.id, { type: "PICK", toStage: "ALLOCATED", lines: [{ orderLineId: line, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await snapshot(order.id)).toEqual(before);
  });
});
