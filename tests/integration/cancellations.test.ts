import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import { getOrder } from "../../lib/modules/orders/server/queries.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest, rejectCancellationRequest, withdrawCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { completeCompensationTask, listCompensationTasks } from "../../lib/modules/compensation/server/compensation-tasks.ts";
import { failNextRefunds } from "../../lib/modules/payments/server/built-in-gateway.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";

const cancel = (lines: { orderLineId: string; quantity: number }[] | "ORDER", extra: Record<string, unknown> = {}) =>
  CreateCancellationRequest.parse({
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: "CUSTOMER_CHANGED_MIND",
    scope: lines === "ORDER" ? { type: "ORDER" } : { type: "LINES", lines },
    ...extra,
  });

describe.each(engines())("cancellations on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const advance = async (orderId: string, lineId: string, steps: FulfilmentEventType[], quantity: number) => {
    const seller = await f.as("seller@demo.test");
    for (const type of steps) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity }] });
  };
  const supplyOf = () => f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-MUG" }, location: { code: "DC-EAST" } } });

  it("cancels 2 of 5 open units at once and refunds 2 × (20.00 + 2.00) = 44.00 to the card", async () => {
    const order = await f.order({ quantity: 5 });
    // f.order uses tax 200 per unit: 5 × 2000 + 1000 tax, paid 11000.
    const buyer = await f.as("buyer@demo.test");
    const r = await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 2 }]));
    expect(r.status).toBe("COMPLETED");
    expect(r.number).toMatch(/^CX-\d{6}$/);
    expect(r.assessment.feasibility).toBe("FULLY_CANCELLABLE");
    expect(r.lines).toMatchObject([{ requestedQuantity: 2, cancelledQuantity: 2, byStage: { open: 2 }, refund: { merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 } }]);
    expect(r.refund).toMatchObject({ total: 4400, refunded: 4400, byTender: [{ method: "CARD", amount: 4400, status: "SUCCEEDED" }] });
    expect(r.compensationTasks).toMatchObject([{ type: "ISSUE_REFUND", status: "DONE" }]);
    const o = await getOrder(f.db, buyer, order.id);
    expect(o.lines[0]).toMatchObject({ status: "PARTIALLY_CANCELLED", statusCode: "1050", refunded: 4400, quantities: { open: 3, cancelled: 2 } });
    expect(o.totals.refunded).toBe(4400);
    expect(o.payments[0]!.refunded).toBe(4400);
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(1);
    const events = (await f.db.outboxEvent.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } })).map((e) => e.type);
    expect(events).toEqual(
      expect.arrayContaining(["OrderCancellationRequested", "OrderCancellationAssessed", "OrderLineCancellationProcessed", "PaymentRefundProcessed", "CancellationCompleted"]),
    );
    await f.assertConsistent();
  });

  it("cancelling allocated units frees the inventory (DEALLOCATION) with an automatic release task", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE"], 5);
    const before = await supplyOf();
    const r = await createCancellationRequest(f.db, await f.as("seller@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 3 }], { cancellationType: "INVENTORY_SHORTAGE", reasonCode: "OUT_OF_STOCK" }));
    expect(r.status).toBe("COMPLETED");
    expect(r.lines[0]!.byStage).toEqual({ allocated: 3 });
    expect(r.compensationTasks.map((t) => [t.type, t.status]).sort()).toEqual([["ISSUE_REFUND", "DONE"], ["RELEASE_ALLOCATION", "DONE"]]);
    const after = await supplyOf();
    expect(after.allocated).toBe(before.allocated - 3);
    expect(after.onHand).toBe(before.onHand);
    const txn = await f.db.inventoryTransaction.findMany({ where: { orderLineId: line, type: "DEALLOCATION" } });
    expect(txn).toMatchObject([{ allocatedDelta: -3, onHandDelta: 0 }]);
    await f.assertConsistent();
  });

  it("cancelling released units needs a supervisor, holds the units meanwhile, and completes after the recall is confirmed", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE"], 5);
    const seller = await f.as("seller@demo.test");
    const r = await createCancellationRequest(f.db, seller, order.id, cancel([{ orderLineId: line, quantity: 1 }]));
    expect(r.status).toBe("PENDING_APPROVAL");
    expect(r.lines[0]).toMatchObject({ cancelledQuantity: 0, byStage: { released: 1 } });
    expect(r.approvals).toMatchObject([{ level: "SUPERVISOR", status: "PENDING" }]);
    // The held unit cannot be picked; the other four can.
    expect(await outcome(async () => recordFulfillmentEvent(f.db, seller, order.id, { type: "PICK", lines: [{ orderLineId: line, quantity: 5 }] }))).toBe("INSUFFICIENT_QUANTITY");
    await recordFulfillmentEvent(f.db, seller, order.id, { type: "PICK", lines: [{ orderLineId: line, quantity: 4 }] });
    // A second request on the same line conflicts while this one is active.
    expect(await outcome(async () => createCancellationRequest(f.db, seller, order.id, cancel([{ orderLineId: line, quantity: 1 }])))).toBe("CONFLICT");
    const approved = await approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, r.id, { comment: "ok" });
    expect(approved.status).toBe("EXECUTING");
    expect(approved.approvals).toMatchObject([{ status: "APPROVED", reviewer: "supervisor@demo.test", comment: "ok" }]);
    const recall = approved.compensationTasks.find((t) => t.type === "RECALL_FROM_WAREHOUSE")!;
    expect(recall).toMatchObject({ mode: "MANUAL", status: "PENDING", quantity: 1 });
    const tasks = await listCompensationTasks(f.db, seller, { status: "OPEN", limit: 50 });
    expect(tasks.items.map((t) => t.id)).toContain(recall.id);
    expect((await listCompensationTasks(f.db, await f.as("seller2@demo.test"), { status: "OPEN", limit: 50 })).items.map((t) => t.id)).not.toContain(recall.id);
    expect(await outcome(async () => completeCompensationTask(f.db, await f.as("seller2@demo.test"), recall.id, { evidence: "x" }))).toBe("NOT_FOUND");
    await completeCompensationTask(f.db, seller, recall.id, { evidence: "Picked back from wave 12" });
    expect(await outcome(async () => completeCompensationTask(f.db, seller, recall.id, { evidence: "again" }))).toBe("CONFLICT");
    const o = await getOrder(f.db, seller, order.id);
    expect(o.lines[0]!.quantities).toMatchObject({ released: 0, picked: 4, cancelled: 1 });
    const [done] = (await f.db.cancellationRequest.findMany({ where: { id: r.id } }));
    expect(done!.status).toBe("COMPLETED");
    await f.assertConsistent();
  });

  it("mixed shipped and open units: after the DIRECTOR's approval the open ones are cancelled, the shipped ones are blocked (requires return)", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"], 2);
    const requested = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 5 }]));
    expect(requested.assessment.feasibility).toBe("PARTIALLY_CANCELLABLE");
    expect(requested.assessment.blockers).toMatchObject([{ orderLineId: line, stage: "SHIPPED", quantity: 2, reason: "REQUIRES_RETURN" }]);
    // Any shipped or delivered units need a DIRECTOR (SPEC §5 default).
    expect(requested).toMatchObject({ status: "PENDING_APPROVAL", approvals: [{ level: "DIRECTOR", rule: "DEFAULT_SHIPPED_DELIVERED" }] });
    const r = await approveCancellationRequest(f.db, await f.as("director@demo.test"), order.id, requested.id, {});
    expect(r.status).toBe("PARTIALLY_COMPLETED");
    expect(r.lines[0]).toMatchObject({ requestedQuantity: 5, cancelledQuantity: 3, blockedQuantity: 2, refund: { total: 3 * 2200 } });
    const o = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(o.lines[0]).toMatchObject({ status: "PARTIALLY_SHIPPED", statusCode: "4050", quantities: { shipped: 2, cancelled: 3 } });
    expect(o.status).toBe("SHIPPED");
  });

  it("cancels a whole multi-line, multi-tender order exactly: refund = total, every tender back in full", async () => {
    const integration = await f.as("integration@demo.test");
    const order = await intakeOrder(
      f.db,
      integration,
      IntakeOrder.parse({
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [
          { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 999, taxAmount: 101, shippingAmount: 55, discountAmount: 7, shipFromLocationCode: "DC-EAST" },
          { sku: "SKU-TENT", itemName: "Tent", category: "OUTDOOR", storeCode: "globex", quantity: 1, unitPrice: 24900, taxAmount: 1992, shipFromLocationCode: "DC-WEST" },
        ],
        payments: [
          { method: "CARD", amount: 20000 },
          { method: "GIFT_CARD", amount: 3 * 999 + 101 + 55 - 7 + 24900 + 1992 - 20000 },
        ],
      }),
    );
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel("ORDER"));
    expect(r.status).toBe("COMPLETED");
    expect(r.refund.total).toBe(order.totals.total);
    const o = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(o.status).toBe("CANCELLED");
    expect(o.lines.map((l) => [l.status, l.statusCode])).toEqual([["CANCELLED", "9000"], ["CANCELLED", "9000"]]);
    expect(o.payments.map((p) => p.refunded)).toEqual(o.payments.map((p) => p.amount));
    expect(o.totals.refunded).toBe(o.totals.total);
    const adjustments = await f.db.financialAdjustment.findMany({ where: { orderId: order.id } });
    expect(adjustments.every((a) => a.type === "FULL_REFUND" && a.status === "SUCCEEDED")).toBe(true);
    expect(await outcome(async () => createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel("ORDER")))).toBe("CONFLICT");
  });

  it("one unit at a time of a 3-unit line with odd tax, shipping and discount refunds exactly the line total", async () => {
    const integration = await f.as("integration@demo.test");
    const order = await intakeOrder(
      f.db,
      integration,
      IntakeOrder.parse({
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 999, taxAmount: 100, shippingAmount: 50, discountAmount: 10, shipFromLocationCode: "DC-EAST" }],
        payments: [
          { method: "CARD", amount: 2000 },
          { method: "STORE_CREDIT", amount: 3 * 999 + 100 + 50 - 10 - 2000 },
        ],
      }),
    );
    const buyer = await f.as("buyer@demo.test");
    const refunds = [];
    for (let i = 0; i < 3; i++) refunds.push(await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 1 }])));
    expect(refunds.map((r) => r.refund.components.tax)).toEqual([33, 34, 33]);
    expect(refunds.reduce((n, r) => n + r.refund.total, 0)).toBe(order.totals.total);
    const o = await getOrder(f.db, buyer, order.id);
    expect(o.payments.map((p) => p.refunded)).toEqual([2000, order.totals.total - 2000]);
  });

  it("refuses bad requests and changes nothing", async () => {
    const order = await f.order({ quantity: 4 });
    const line = order.lines[0]!.id;
    const buyer = await f.as("buyer@demo.test");
    const before = await f.db.cancellationRequest.count();
    expect(await outcome(async () => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 5 }])))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(async () => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 1 }], { reasonCode: "NOPE" })))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: "other-line", quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await outcome(async () => createCancellationRequest(f.db, await f.as("buyer2@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await outcome(async () => createCancellationRequest(f.db, await f.as("seller2@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await outcome(async () => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 1 }]), { expectedVersion: 99 }))).toBe("VERSION_MISMATCH");
    expect(await f.db.cancellationRequest.count()).toBe(before);
    expect((await getOrder(f.db, buyer, order.id)).version).toBe(1);
  });

  it("approval rules: not one's own request, not above one's level, reject needs a comment, final requests are final", async () => {
    const order = await f.order({ quantity: 4 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE", "PICK"], 4);
    // Picked units need a MANAGER.
    const director = await f.as("director@demo.test");
    const r = await createCancellationRequest(f.db, await f.as("integration@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 2 }], { damaged: true }));
    expect(r.approvals).toMatchObject([{ level: "MANAGER", status: "PENDING" }]);
    expect(await outcome(async () => approveCancellationRequest(f.db, await f.as("supervisor@demo.test"), order.id, r.id, {}))).toBe("FORBIDDEN");
    expect(await outcome(async () => approveCancellationRequest(f.db, await f.as("integration@demo.test"), order.id, r.id, {}))).toBe("FORBIDDEN");
    expect(await outcome(async () => approveCancellationRequest(f.db, await f.as("seller@demo.test"), order.id, r.id, {}))).toBe("FORBIDDEN");
    expect(await outcome(async () => rejectCancellationRequest(f.db, director, order.id, r.id, { comment: " " }))).toBe("VALIDATION_FAILED");
    const rejected = await rejectCancellationRequest(f.db, director, order.id, r.id, { comment: "Customer called back" });
    expect(rejected.status).toBe("REJECTED");
    expect(await outcome(async () => approveCancellationRequest(f.db, director, order.id, r.id, {}))).toBe("CONFLICT");
    expect(await outcome(async () => withdrawCancellationRequest(f.db, await f.as("integration@demo.test"), order.id, r.id))).toBe("CONFLICT");
    // Rejection released the hold: the units can be packed again.
    await recordFulfillmentEvent(f.db, await f.as("seller@demo.test"), order.id, { type: "PACK", lines: [{ orderLineId: line, quantity: 4 }] });
    // A damaged write-off after manager approval removes stock from on-hand.
    const before = await supplyOf();
    const r2 = await createCancellationRequest(f.db, await f.as("seller@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }], { damaged: true, reasonCode: "DAMAGED_IN_WAREHOUSE", cancellationType: "BUSINESS_RULE" }));
    const done = await approveCancellationRequest(f.db, await f.as("manager@demo.test"), order.id, r2.id, {});
    expect(done.assessment.inventory).toMatchObject([{ stage: "PACKED", type: "WRITE_OFF", quantity: 1 }]);
    const after = await supplyOf();
    expect([after.onHand, after.allocated]).toEqual([before.onHand - 1, before.allocated - 1]);
    const r3 = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 1 }]));
    expect(await outcome(async () => withdrawCancellationRequest(f.db, await f.as("seller@demo.test"), order.id, r3.id))).toBe("FORBIDDEN");
    expect((await withdrawCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, r3.id)).status).toBe("WITHDRAWN");
    await f.assertConsistent();
  });

  it("a declined refund leaves the request visibly FAILED with nothing refunded", async () => {
    const order = await f.order({ quantity: 2 });
    await failNextRefunds(f.db, order.id, "DECLINE", 1);
    const r = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: order.lines[0]!.id, quantity: 1 }]));
    expect(r.status).toBe("FAILED");
    expect(r.failureReason).toMatch(/declined/);
    expect(r.refund).toMatchObject({ total: 2200, refunded: 0, byTender: [{ status: "FAILED" }] });
    const o = await getOrder(f.db, await f.as("buyer@demo.test"), order.id);
    expect(o.totals.refunded).toBe(0);
    expect(o.lines[0]!.quantities.cancelled).toBe(1);
    expect(await f.db.gatewayRefund.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("30 concurrent one-unit requests on a 10-unit line: exactly 10 succeed and the refund equals the line total", async () => {
    const order = await f.order({ quantity: 10 });
    const line = order.lines[0]!.id;
    const buyer = await f.as("buyer@demo.test");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => outcome(async () => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 1 }])))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(10);
    expect(results.filter((r) => r !== "OK").every((r) => r === "INSUFFICIENT_QUANTITY" || r === "CONFLICT")).toBe(true);
    const o = await getOrder(f.db, buyer, order.id);
    expect(o.lines[0]!.quantities).toMatchObject({ open: 0, cancelled: 10 });
    expect(o.totals.refunded).toBe(o.totals.total);
    expect(o.payments[0]!.refunded).toBe(o.payments[0]!.amount);
    expect(await f.db.gatewayRefund.aggregate({ where: { orderId: order.id }, _sum: { amount: true } })).toMatchObject({ _sum: { amount: o.totals.total } });
    await f.assertConsistent();
  });
});
