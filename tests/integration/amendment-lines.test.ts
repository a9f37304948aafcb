// Amendments of order lines (SPEC §6): a quantity increase is charged through the payment gateway
// before its units are added; a declined charge adds nothing; a charge that cannot be used is
// refunded; a price change charges or refunds the difference; a substitution moves the units to a
// new line with the new SKU; replanning tasks fall out to OPS when nobody confirms them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateAmendmentRequest } from "../../lib/modules/amendments/contracts/amendments.ts";
import { createAmendmentRequest } from "../../lib/modules/amendments/server/create-amendment.ts";
import { approveAmendmentRequest } from "../../lib/modules/amendments/server/decide-amendment.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { AddNote } from "../../lib/modules/orders/contracts/orders.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { failNextCharges, healGateway } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { drainJobs, runnerId } from "../../lib/platform/jobs/runner.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";
import { cumulativeShare } from "../../lib/platform/money/rounding.ts";

type Change = { path: string; oldValue: unknown; newValue: unknown };
const request = (changes: Change[], reasonCode = "CUSTOMER_REQUEST") =>
  CreateAmendmentRequest.parse({ reasonCode, changes: changes.map((c) => ({ op: "REPLACE", ...c })) });

describe.each(engines())("amendments of order lines on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const line = (id: string) => f.db.orderLine.findUniqueOrThrow({ where: { id } });
  const order = (id: string) => f.db.order.findUniqueOrThrow({ where: { id }, include: { payments: true } });
  const runLater = (ms: number) => drainJobs(f.db, { owner: runnerId("test"), handlers: JOB_HANDLERS, now: () => new Date(Date.now() + ms) });
  const quantity = (lineId: string, from: number, to: number): Change => ({ path: `/lines/${lineId}/quantity`, oldValue: from, newValue: to });

  it("an increase is charged first, then its units are added (OPEN, ledger AMENDMENT) with their exact tax", async () => {
    const o = await f.order({ quantity: 2 });
    const l = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, request([quantity(l.id, 2, 3)]));
    expect(a).toMatchObject({ status: "APPLIED", impact: { charge: 2200, refund: 0, byTender: [{ method: "CARD", amount: 2200 }] } });
    const after = await line(l.id);
    expect([after.quantity, after.qtyOpen, after.taxAmount]).toEqual([3, 3, 600]);
    const o2 = await order(o.id);
    expect([o2.total, o2.subtotal, o2.tax, o2.payments[0]!.amount]).toEqual([6600, 6000, 600, 6600]);
    expect(await f.db.gatewayCharge.findMany({ where: { orderId: o.id }, select: { amount: true } })).toEqual([{ amount: 2200 }]);
    const entry = await f.db.quantityLedgerEntry.findFirstOrThrow({ where: { orderLineId: l.id, reason: "AMENDMENT" } });
    expect([entry.fromBucket, entry.toBucket, entry.quantity, entry.causeType, entry.causeId]).toEqual([null, "OPEN", 1, "AmendmentRequest", a.id]);
    const history = await f.db.orderHistory.findMany({ where: { orderId: o.id, action: { startsWith: "AMENDMENT_" } }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["AMENDMENT_REQUESTED", "AMENDMENT_CHARGING", "AMENDMENT_APPLIED"]);
    await f.assertConsistent();
  });

  it("a 3-unit line with an odd tax increased one unit at a time: the charges and the later refund add up to the cent", async () => {
    const o = await f.order({ quantity: 3, lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 999, taxAmount: 101, shipFromLocationCode: "DC-EAST" }], payments: [{ method: "CARD", amount: 3098 }] });
    const l = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    const charges: number[] = [];
    for (let q = 3; q < 6; q++) charges.push((await createAmendmentRequest(f.db, buyer, o.id, request([quantity(l.id, q, q + 1)]))).impact.charge);
    const after = await line(l.id);
    expect(after.quantity).toBe(6);
    expect(charges.reduce((a, b) => a + b, 0)).toBe(after.taxAmount - 101 + 3 * 999);
    expect((await order(o.id)).total).toBe(3098 + charges.reduce((a, b) => a + b, 0));
    // Taking five of the six back leaves exactly the last unit's share paid, to the cent.
    await createAmendmentRequest(f.db, buyer, o.id, request([quantity(l.id, 6, 1)]));
    const end = await order(o.id);
    const last = await line(l.id);
    expect(end.total - end.refunded).toBe(999 + last.taxAmount - cumulativeShare(last.taxAmount, 5, 6));
    await f.assertConsistent();
  });

  it("a declined charge fails the request: nothing added, nothing charged, the line free again", async () => {
    const o = await f.order({ quantity: 2 });
    const l = o.lines[0]!;
    await failNextCharges(f.db, o.id, "DECLINE", 1);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([quantity(l.id, 2, 4)]));
    expect(a.status).toBe("FAILED");
    expect(a.failureReason).toMatch(/declined/);
    expect([(await line(l.id)).quantity, (await order(o.id)).total]).toEqual([2, 4400]);
    expect(await f.db.gatewayCharge.count({ where: { orderId: o.id } })).toBe(0);
    expect(await f.db.orderLineHold.count({ where: { orderLineId: l.id, active: true } })).toBe(0);
    expect((await f.db.outboxEvent.findMany({ where: { orderId: o.id, type: "OrderAmendmentFailed" } })).length).toBe(1);
    await f.assertConsistent();
  });

  it("an unavailable gateway leaves the request APPLYING; the job runner's retry charges once and applies it", async () => {
    const o = await f.order({ quantity: 2 });
    const l = o.lines[0]!;
    await failNextCharges(f.db, o.id, "TIMEOUT", 1);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([quantity(l.id, 2, 3)]));
    expect(a.status).toBe("APPLYING");
    expect((await line(l.id)).quantity).toBe(2);
    await runLater(10 * 60_000);
    const stored = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored.status).toBe("APPLIED");
    expect((await line(l.id)).quantity).toBe(3);
    // The lost answer was a charge made: the retry with the same key did not charge again.
    expect(await f.db.gatewayCharge.count({ where: { orderId: o.id } })).toBe(1);
    await f.assertConsistent();
  });

  it("a charge collected after the order moved on is refunded, and the request FAILED with ASSESSMENT_CHANGED", async () => {
    const o = await f.order({ quantity: 2 });
    const l = o.lines[0]!;
    await failNextCharges(f.db, o.id, "TRANSIENT", 1);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([quantity(l.id, 2, 3)]));
    expect(a.status).toBe("APPLYING");
    await addOrderNote(f.db, await f.as("ops@demo.test"), o.id, AddNote.parse({ body: "called the buyer" }));
    await runLater(10 * 60_000);
    const stored = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect([stored.status, stored.failureReason]).toEqual(["FAILED", expect.stringMatching(/changed since/)]);
    expect((await line(l.id)).quantity).toBe(2);
    const o2 = await order(o.id);
    expect([o2.total, o2.refunded]).toEqual([4400 + 2200, 2200]);
    expect(await f.db.gatewayRefund.findMany({ where: { orderId: o.id }, select: { amount: true } })).toEqual([{ amount: 2200 }]);
    await f.assertConsistent();
  });

  it("a price correction waits for a manager, then refunds the difference on the units not cancelled", async () => {
    const o = await f.order({ quantity: 4 });
    const l = o.lines[0]!;
    const seller = await f.as("seller@demo.test");
    expect(await outcome(async () => createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([{ path: `/lines/${l.id}/unitPrice`, oldValue: 2000, newValue: 1800 }], "CUSTOMER_REQUEST")))).toBe("FORBIDDEN");
    const a = await createAmendmentRequest(f.db, seller, o.id, request([{ path: `/lines/${l.id}/unitPrice`, oldValue: 2000, newValue: 1800 }], "PRICE_CORRECTION"));
    expect(a).toMatchObject({ status: "REQUIRES_APPROVAL", impact: { charge: 0, refund: 800 } });
    expect((await line(l.id)).unitPrice).toBe(2000);
    const approved = await approveAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, a.id, { comment: "ok" });
    expect(approved.status).toBe("APPLIED");
    const after = await line(l.id);
    expect([after.unitPrice, after.refunded]).toEqual([1800, 800]);
    expect([(await order(o.id)).refunded, (await order(o.id)).total]).toEqual([800, 8800]);
    await f.assertConsistent();
  });

  it("a substitution ends the old line's units (reservation given back) and adds a line with the new SKU at the old price", async () => {
    await f.stock("SKU-KETTLE", "DC-EAST", 50);
    const o = await f.order({ quantity: 3 });
    const l = o.lines[0]!;
    await recordFulfillmentEvent(f.db, await f.as("seller@demo.test"), o.id, { type: "ALLOCATE", lines: [{ orderLineId: l.id, quantity: 2 }] });
    const before = await f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-MUG" } } });
    expect(await outcome(async () => createAmendmentRequest(f.db, await f.as("seller@demo.test"), o.id, request([{ path: `/lines/${l.id}/sku`, oldValue: "SKU-MUG", newValue: "SKU-NOPE" }], "ITEM_SUBSTITUTION")))).toBe("VALIDATION_FAILED");
    const a = await createAmendmentRequest(f.db, await f.as("seller@demo.test"), o.id, request([{ path: `/lines/${l.id}/sku`, oldValue: "SKU-MUG", newValue: "SKU-KETTLE" }], "ITEM_SUBSTITUTION"));
    expect(a).toMatchObject({ status: "APPLIED", impact: { charge: 0, refund: 0 } });
    const old = await line(l.id);
    expect([old.qtyOpen, old.qtyAllocated, old.qtyCancelled]).toEqual([0, 0, 3]);
    const added = await f.db.orderLine.findFirstOrThrow({ where: { orderId: o.id, sku: "SKU-KETTLE" } });
    expect([added.quantity, added.qtyOpen, added.unitPrice, added.taxAmount, added.lineNumber]).toEqual([3, 3, 2000, 600, 2]);
    const supply = await f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-MUG" } } });
    expect(supply.allocated).toBe(before.allocated - 2);
    expect((await order(o.id)).total).toBe(6600);
    await f.assertConsistent();
  });

  it("a new address after release applies and asks the store to recall the released units; unconfirmed, it falls out to OPS", async () => {
    const o = await f.order({ quantity: 2, shippingAddress: { name: "B", line1: "1 Main St", line2: null, city: "Springfield", region: "IL", postalCode: "12930", country: "US" } } as never);
    const l = o.lines[0]!;
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE"] as const) await recordFulfillmentEvent(f.db, seller, o.id, { type, lines: [{ orderLineId: l.id, quantity: 2 }] });
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([{ path: "/shippingAddress/postalCode", oldValue: "12930", newValue: "12940" }], "CUSTOMER_ADDRESS_CORRECTION"));
    expect(a).toMatchObject({ status: "APPLIED", assessment: { feasibility: "REQUIRES_REPLANNING" }, impact: { replanning: [{ type: "RECALL_FOR_REROUTE", quantity: 2 }] } });
    const task = await f.db.compensationTask.findFirstOrThrow({ where: { causeType: "AmendmentRequest", causeId: a.id } });
    expect([task.type, task.mode, task.status, task.quantity, task.orderLineId]).toEqual(["RECALL_FOR_REROUTE", "MANUAL", "PENDING", 2, l.id]);
    const job = { id: "overdue", type: "compensation.overdue", key: "overdue", payload: {}, attempts: 1, maxAttempts: 1 };
    await JOB_HANDLERS["compensation.overdue"]!.run({ db: f.db, now: new Date(Date.now() + 3 * 24 * 60 * 60_000), owner: "t", attempt: 1, maxAttempts: 1 }, job);
    const fallout = await f.db.falloutCase.findFirstOrThrow({ where: { compensationTaskId: task.id } });
    expect([fallout.status, fallout.causeType, fallout.causeId]).toEqual(["OPEN", "AmendmentRequest", a.id]);
  });

  it("healthy gateway again for the files after this one", async () => {
    await healGateway(f.db);
    expect(await f.db.gatewayControl.count()).toBe(0);
  });
});
