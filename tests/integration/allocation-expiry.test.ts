import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { expireAllocations } from "../../lib/modules/orders/server/expire-allocations.ts";
import { drainJobs } from "../../lib/platform/jobs/runner.ts";
import { enqueueJob } from "../../lib/platform/jobs/queue.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe.each(engines())("allocation expiry on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const supplyOf = async (sku: string) => f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku }, location: { code: "DC-EAST" } } });
  const lineOf = (id: string) => f.db.orderLine.findUniqueOrThrow({ where: { id } });

  it("releases only expired allocations back to open, deallocating inventory, with history and an event", async () => {
    const order = await f.order({
      lines: [
        { sku: "SKU-EXP-1", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 5, unitPrice: 1000, shipFromLocationCode: "DC-EAST" },
        { sku: "SKU-EXP-2", itemName: "Kettle", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 1000, shipFromLocationCode: "DC-EAST" },
      ],
      payments: [{ method: "CARD", amount: 8000 }],
    });
    await f.stock("SKU-EXP-1", "DC-EAST", 20);
    await f.stock("SKU-EXP-2", "DC-EAST", 20);
    const seller = await f.as("seller@demo.test");
    const [a, b] = order.lines.map((l) => l.id) as [string, string];
    const t0 = new Date();
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: a, quantity: 4 }] }, { allocationExpiryMinutes: 30 });
    // 1 of line a's allocated units moves on (released): it must not be touched.
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "RELEASE", lines: [{ orderLineId: a, quantity: 1 }] });
    // Line b is allocated with a longer expiry: not yet expired at t0 + 31 min.
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: b, quantity: 2 }] }, { allocationExpiryMinutes: 120 });
    const before = await supplyOf("SKU-EXP-1");
    expect(before.allocated).toBe(4);

    expect(await expireAllocations(f.db, { now: minutes(t0, 29) })).toEqual({ orders: 0, released: 0 });
    const result = await expireAllocations(f.db, { now: minutes(t0, 31) });
    expect(result.released).toBe(3);
    expect(await lineOf(a)).toMatchObject({ qtyOpen: 4, qtyAllocated: 0, qtyReleased: 1 });
    expect(await lineOf(b)).toMatchObject({ qtyOpen: 1, qtyAllocated: 2 });
    expect((await supplyOf("SKU-EXP-1")).allocated).toBe(1);
    expect((await supplyOf("SKU-EXP-2")).allocated).toBe(2);
    const history = await f.db.orderHistory.findMany({ where: { orderId: order.id, action: "ALLOCATION_EXPIRED" } });
    expect(history.map((h) => [h.description, h.actorLabel])).toEqual([["Allocation expired: 3 unit(s) of SKU-EXP-1 back to open", "system@countermand"]]);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: order.id, type: "AllocationExpired" } });
    expect(events).toHaveLength(1);
    const ledger = await f.db.quantityLedgerEntry.findMany({ where: { orderLineId: a, reason: "ALLOCATION_EXPIRED" } });
    expect(ledger.map((e) => [e.fromBucket, e.toBucket, e.quantity, e.actorId])).toEqual([["ALLOCATED", "OPEN", 3, "system"]]);
    const tx = await f.db.inventoryTransaction.findMany({ where: { orderLineId: a, type: "DEALLOCATION" } });
    expect(tx.map((t) => t.allocatedDelta)).toEqual([-3]);
    // A second pass finds nothing more until line b's allocation expires — through the job runner.
    expect((await expireAllocations(f.db, { now: minutes(t0, 60) })).released).toBe(0);
    await enqueueJob(f.db, { type: "allocations.expire", key: `allocations.expire@test-${engine}`, runAt: t0, maxAttempts: 1 });
    const pass = await drainJobs(f.db, { owner: "r", now: () => minutes(t0, 121), handlers: JOB_HANDLERS, keys: [`allocations.expire@test-${engine}`] });
    expect(pass.outcomes.SUCCEEDED).toBe(1);
    expect(await lineOf(b)).toMatchObject({ qtyOpen: 3, qtyAllocated: 0 });
    expect((await supplyOf("SKU-EXP-2")).allocated).toBe(0);
    await f.assertConsistent();
  });

  it("allocations without a configured expiry never expire", async () => {
    const order = await f.order({ sku: "SKU-EXP-3", quantity: 2 });
    await f.stock("SKU-EXP-3", "DC-EAST", 5);
    const seller = await f.as("seller@demo.test");
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2 }] }, { allocationExpiryMinutes: null });
    expect(await f.db.lineAllocation.count({ where: { orderId: order.id } })).toBe(0);
    await expireAllocations(f.db, { now: minutes(new Date(), 10_000) });
    expect(await lineOf(order.lines[0]!.id)).toMatchObject({ qtyAllocated: 2 });
  });

  it("two runners at once release the units once", async () => {
    const order = await f.order({ sku: "SKU-EXP-4", quantity: 6 });
    await f.stock("SKU-EXP-4", "DC-EAST", 10);
    const seller = await f.as("seller@demo.test");
    const line = order.lines[0]!.id;
    const t0 = new Date();
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "ALLOCATE", lines: [{ orderLineId: line, quantity: 4 }] }, { allocationExpiryMinutes: 5 });
    const now = minutes(t0, 6);
    const [r1, r2] = await Promise.all([expireAllocations(f.db, { now }), expireAllocations(f.db, { now })]);
    expect(r1.released + r2.released).toBe(4);
    expect(await lineOf(line)).toMatchObject({ qtyOpen: 6, qtyAllocated: 0 });
    expect((await supplyOf("SKU-EXP-4")).allocated).toBe(0);
    expect(await f.db.orderHistory.count({ where: { orderId: order.id, action: "ALLOCATION_EXPIRED" } })).toBe(1);
    expect(await f.db.inventoryTransaction.count({ where: { orderLineId: line, type: "DEALLOCATION" } })).toBe(1);
    await f.assertConsistent();
  });
});
