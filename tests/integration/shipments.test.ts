import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { getOrder, getOrderHistory } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";

describe.each(engines())("shipment records on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const snapshot = async (orderId: string) => ({
    order: await f.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, status: true } }),
    lines: await f.db.orderLine.findMany({ where: { orderId }, orderBy: { lineNumber: "asc" } }),
    shipments: await f.db.shipment.count({ where: { orderId } }),
    packages: await f.db.shipmentPackage.count({ where: { shipment: { orderId } } }),
    counter: await f.db.counter.findUnique({ where: { name: "shipment" } }),
    ledger: await f.db.quantityLedgerEntry.count({ where: { orderId } }),
    history: await f.db.orderHistory.count({ where: { orderId } }),
    events: await f.db.outboxEvent.count({ where: { orderId } }),
  });

  it("a SHIP event records a shipment with a counter number, carrier, tracking, packages, stage times and lines", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-MUG", quantity: 5 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const before = await f.db.counter.findUnique({ where: { name: "shipment" } });
    const o = await recordFulfillmentEvent(f.db, seller, order.id, {
      type: "ALLOCATE",
      toStage: "SHIPPED",
      lines: [{ orderLineId: line, quantity: 3 }],
      trackingNumber: "1Z-SHIP-1",
      shipment: { carrier: "UPS", notes: "fragile", packages: [{ boxSize: "M", weightGrams: 1200 }, { boxSize: "S", weightGrams: 400 }] },
    });
    const row = await f.db.shipment.findFirstOrThrow({ where: { orderId: order.id }, include: { lines: true, packages: { orderBy: { sequence: "asc" } } } });
    expect(row.number).toBe(`SH-${String((before?.value ?? 0) + 1).padStart(6, "0")}`);
    expect(row).toMatchObject({ carrier: "UPS", trackingNumber: "1Z-SHIP-1", notes: "fragile", assigneeId: seller.userId, deliveredAt: null });
    for (const t of [row.allocatedAt, row.releasedAt, row.pickedAt, row.packedAt]) expect(t).toBeInstanceOf(Date);
    expect(row.lines.map((l) => [l.orderLineId, l.quantity, l.delivered])).toEqual([[line, 3, 0]]);
    expect(row.packages.map((p) => [p.sequence, p.boxSize, p.weightGrams])).toEqual([[1, "M", 1200], [2, "S", 400]]);
    // The answer carries the shipment; the order view lists it and the line's shipments name the carrier.
    expect(o.shipment).toMatchObject({ id: row.id, number: row.number, carrier: "UPS", storeCode: "acme", locationCode: "DC-EAST", assignee: expect.any(String) });
    expect(o.shipments).toHaveLength(1);
    expect(o.lines[0]!.shipments).toEqual([expect.objectContaining({ quantity: 3, carrier: "UPS", trackingNumber: "1Z-SHIP-1", delivered: 0, deliveredAt: null })]);
    const created = await f.db.outboxEvent.findMany({ where: { orderId: order.id, type: "ShipmentCreated" } });
    expect(created).toHaveLength(1);
    const history = await getOrderHistory(f.db, seller, order.id, { limit: 50 });
    expect(history.items.find((h) => h.action === "SHIPMENT_CREATED")?.description).toContain(row.number);
    // The buyer reads carrier and tracking but not the packing notes or who shipped.
    const buyerView = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(buyerView.shipments[0]).toMatchObject({ carrier: "UPS", trackingNumber: "1Z-SHIP-1", notes: null, assignee: null });
    await f.assertConsistent();
  });

  it("adds units to a named shipment, and DELIVER sets delivered-at once all its units are delivered", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-MUG", quantity: 4 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const first = await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", toStage: "SHIPPED", lines: [{ orderLineId: line, quantity: 2 }] });
    const number = first.shipment!.number;
    const more = await recordFulfillmentEvent(f.db, seller, order.id, {
      type: "ALLOCATE",
      toStage: "SHIPPED",
      lines: [{ orderLineId: line, quantity: 1 }],
      shipment: { number, packages: [{ boxSize: "L", weightGrams: 3000 }] },
    });
    expect(more.shipment).toMatchObject({ number, lines: [expect.objectContaining({ quantity: 3 })], packages: [{ boxSize: "L", weightGrams: 3000 }] });
    expect(await f.db.shipment.count({ where: { orderId: order.id } })).toBe(1);
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "DELIVER", lines: [{ orderLineId: line, quantity: 2 }] });
    let row = await f.db.shipment.findUniqueOrThrow({ where: { id: first.shipment!.id }, include: { lines: true } });
    expect(row.deliveredAt).toBeNull();
    expect(row.lines[0]!.delivered).toBe(2);
    const done = await recordFulfillmentEvent(f.db, seller, order.id, { type: "DELIVER", lines: [{ orderLineId: line, quantity: 1 }] });
    row = await f.db.shipment.findUniqueOrThrow({ where: { id: first.shipment!.id }, include: { lines: true } });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.lines[0]!.delivered).toBe(3);
    expect(done.shipments[0]!.stages.deliveredAt).toBe(row.deliveredAt!.toISOString());
    expect(done.lines[0]!.shipments[0]).toMatchObject({ delivered: 3, deliveredAt: row.deliveredAt!.toISOString() });
    expect(await f.db.outboxEvent.count({ where: { orderId: order.id, type: "ShipmentDelivered" } })).toBe(1);
    await f.assertConsistent();
  });

  it("bad shipment input changes nothing", async () => {
    await f.stock("SKU-MUG", "DC-EAST", 50);
    const order = await f.order({ sku: "SKU-MUG", quantity: 4 });
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", toStage: "PACKED", lines: [{ orderLineId: line, quantity: 3 }] });
    const before = await snapshot(order.id);
    // A shipment number that is not this order's.
    expect(await outcome(() => recordFulfillmentEvent(f.db, seller, order.id, { type: "SHIP", lines: [{ orderLineId: line, quantity: 1 }], shipment: { number: "SH-999999" } }))).toBe(
      "VALIDATION_FAILED",
    );
    // Shipment details without units being shipped.
    expect(await outcome(() => recordFulfillmentEvent(f.db, seller, order.id, { type: "PICK", lines: [{ orderLineId: line, quantity: 1 }], shipment: { carrier: "UPS" } }))).toBe(
      "VALIDATION_FAILED",
    );
    // More units than are packed: the whole event fails, no shipment.
    expect(await outcome(() => recordFulfillmentEvent(f.db, seller, order.id, { type: "SHIP", lines: [{ orderLineId: line, quantity: 4 }], shipment: { carrier: "UPS" } }))).toBe(
      "INSUFFICIENT_QUANTITY",
    );
    expect(await snapshot(order.id)).toEqual(before);
  });
});
