// Returns (SPEC §7): shipped or delivered units come back through a RETURN order linked to the
// original; receipt moves them to RETURNED, restocks or writes them off, and pays the §4.5 refund
// at the line's cumulative position; no unit is held by two returns or returned twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { CreateReturn, ReceiveReturn } from "../../lib/modules/returns/contracts/returns.ts";
import { createReturn } from "../../lib/modules/returns/server/create-return.ts";
import { receiveReturn } from "../../lib/modules/returns/server/receive-return.ts";
import { approveReturn, rejectReturn } from "../../lib/modules/returns/server/decide-return.ts";
import { RETURN_CAUSE } from "../../lib/modules/returns/server/queries.ts";
import { failNextRefunds, healGateway } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { drainJobs, runnerId } from "../../lib/platform/jobs/runner.ts";
import { JOB_HANDLERS } from "../../lib/wiring.ts";
import { listFalloutCases, resolveFalloutCase, retryFalloutCase } from "../../lib/modules/compensation/server/fallout-cases.ts";

describe.each(engines())("returns on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const ship = async (orderId: string, lineId: string, quantity: number, deliver = 0) => {
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"] as const) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity }] });
    if (deliver) await recordFulfillmentEvent(f.db, seller, orderId, { type: "DELIVER", lines: [{ orderLineId: lineId, quantity: deliver }] });
  };
  const returnOf = (lines: { orderLineId: string; quantity: number }[]) => CreateReturn.parse({ reasonCode: "WRONG_ITEM", lines });
  const line = (id: string) => f.db.orderLine.findUniqueOrThrow({ where: { id } });
  const supply = async () => (await f.db.inventorySupply.findFirstOrThrow({ where: { item: { sku: "SKU-MUG" }, location: { code: "DC-EAST" } } })).onHand;

  it("cancelling 1 of 3 × 9.99 (+1.00 tax) and returning the other 2 refunds exactly 30.97; one restocked, one damaged", async () => {
    const o = await f.order({ lines: [{ sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 3, unitPrice: 999, taxAmount: 100, shipFromLocationCode: "DC-EAST" }], payments: [{ method: "CARD", amount: 3097 }] });
    const l = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    await createCancellationRequest(f.db, buyer, o.id, CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: l.id, quantity: 1 }] } }));
    await ship(o.id, l.id, 2, 2);
    const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 2 }]));
    expect(r).toMatchObject({ status: "PENDING_APPROVAL", number: expect.stringMatching(/^RT-/), originalOrderId: o.id, refund: { total: 2065, refunded: 0 }, lines: [{ quantity: 2, received: 0 }] });
    // Shipped or delivered units: a director signs first (the default rules), never the requester.
    expect(r.approvals.map((t) => [t.level, t.status])).toEqual([["DIRECTOR", "PENDING"]]);
    expect(await outcome(async () => receiveReturn(f.db, await f.as("seller@demo.test"), r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] })))).toBe("CONFLICT");
    expect(await outcome(async () => approveReturn(f.db, await f.as("manager@demo.test"), r.id, {}))).toBe("FORBIDDEN");
    expect((await approveReturn(f.db, await f.as("director@demo.test"), r.id, { comment: "ok" })).status).toBe("AWAITING_RECEIPT");
    const returnOrder = await f.db.order.findUniqueOrThrow({ where: { id: r.orderId } });
    expect([returnOrder.orderType, returnOrder.parentOrderId]).toEqual(["RETURN", o.id]);
    expect(await f.db.orderRelation.findMany({ where: { toOrderId: o.id }, select: { fromOrderId: true, type: true } })).toEqual([{ fromOrderId: r.orderId, type: "RETURNS" }]);
    // The units are held: a second return of them is refused, nothing stored.
    expect(await outcome(() => createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("INSUFFICIENT_QUANTITY");
    expect(await f.db.returnOrder.count({ where: { originalOrderId: o.id } })).toBe(1);

    const seller = await f.as("seller@demo.test");
    const onHand = await supply();
    const first = await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] }));
    expect(first).toMatchObject({ status: "AWAITING_RECEIPT", lines: [{ received: 1, restocked: 1, damaged: 0 }] });
    expect(await supply()).toBe(onHand + 1);
    const done = await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "DAMAGED" }] }));
    expect(done).toMatchObject({ status: "COMPLETED", refund: { refunded: 2065 }, lines: [{ received: 2, restocked: 1, damaged: 1 }] });
    expect(await supply()).toBe(onHand + 1);
    const after = await line(l.id);
    expect([after.qtyCancelled, after.qtyReturned, after.qtyDelivered, after.refunded]).toEqual([1, 2, 0, 3097]);
    const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect([order.refunded, order.total]).toEqual([3097, 3097]);
    expect(await f.db.orderLineHold.count({ where: { orderLineId: l.id, active: true } })).toBe(0);
    const events = await f.db.outboxEvent.findMany({ where: { orderId: o.id, type: { startsWith: "OrderReturn" } }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["OrderReturnRequested", "OrderReturnApproved", "OrderReturnReceived", "OrderReturnReceived", "OrderReturnCompleted"]);
    await f.assertConsistent();
  });

  it("refuses what cannot come back and changes nothing: unshipped units, more than shipped, receiving more than expected, a return not awaiting receipt", async () => {
    const o = await f.order({ quantity: 3 });
    const l = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    expect(await outcome(() => createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("INSUFFICIENT_QUANTITY");
    await ship(o.id, l.id, 2);
    expect(await outcome(() => createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 3 }])))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(() => createReturn(f.db, buyer, o.id, CreateReturn.parse({ reasonCode: "CUSTOMER_CHANGED_MIND", lines: [{ orderLineId: l.id, quantity: 1 }] })))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => createReturn(f.db, await f.as("buyer2@demo.test"), o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))).toBe("NOT_FOUND");
    expect(await f.db.returnOrder.count({ where: { originalOrderId: o.id } })).toBe(0);
    const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }]));
    await approveReturn(f.db, await f.as("director@demo.test"), r.id, {});
    const seller = await f.as("seller@demo.test");
    expect(await outcome(() => receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 2, disposition: "RESTOCK" }] })))).toBe("CONFLICT");
    expect(await outcome(() => receiveReturn(f.db, buyer, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] })))).toBe("FORBIDDEN");
    expect((await line(l.id)).qtyReturned).toBe(0);
    await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] }));
    expect(await outcome(() => receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] })))).toBe("CONFLICT");
    expect((await line(l.id)).qtyReturned).toBe(1);
    await f.assertConsistent();
  });

  it("a rejected return ends: its RETURN order is cancelled and the units can be returned again", async () => {
    const o = await f.order({ quantity: 1 });
    const l = o.lines[0]!;
    await ship(o.id, l.id, 1);
    const buyer = await f.as("buyer@demo.test");
    const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }]));
    const rejected = await rejectReturn(f.db, await f.as("director@demo.test"), r.id, { comment: "outside the return window" });
    expect(rejected.status).toBe("REJECTED");
    expect((await f.db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("CANCELLED");
    expect(await f.db.orderLineHold.count({ where: { orderLineId: l.id, active: true } })).toBe(0);
    expect((await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }]))).status).toBe("PENDING_APPROVAL");
  });

  it("a cancellation whose scope holds shipped units cancels the rest and returns those through a linked return awaiting receipt", async () => {
    const o = await f.order({ quantity: 3 });
    const l = o.lines[0]!;
    await ship(o.id, l.id, 2);
    const seller = await f.as("seller@demo.test");
    const body = CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: l.id, quantity: 3 }] } });
    const c = await createCancellationRequest(f.db, seller, o.id, body);
    expect(c.status).toBe("PENDING_APPROVAL");
    const { approveCancellationRequest } = await import("../../lib/modules/cancellations/server/decide-cancellation.ts");
    const approved = await approveCancellationRequest(f.db, await f.as("director@demo.test"), o.id, c.id, {});
    expect(approved).toMatchObject({ status: "PARTIALLY_COMPLETED", returnId: expect.any(String) });
    const r = await f.db.returnOrder.findUniqueOrThrow({ where: { id: approved.returnId! }, include: { lines: true } });
    expect([r.status, r.cancellationRequestId, r.reasonCode, r.lines.map((x) => x.quantity)]).toEqual(["AWAITING_RECEIPT", c.id, "CUSTOMER_CHANGED_MIND", [2]]);
    const line = await f.db.orderLine.findUniqueOrThrow({ where: { id: l.id } });
    expect([line.qtyCancelled, line.qtyShipped]).toEqual([1, 2]);
    const done = await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 2, disposition: "RESTOCK" }] }));
    expect(done.status).toBe("COMPLETED");
    const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(order.refunded).toBe(order.total);
    await f.assertConsistent();
  });

  it("concurrent returns of the last shipped unit: exactly one is created, the others are 409 INSUFFICIENT_QUANTITY and store nothing", async () => {
    const o = await f.order({ quantity: 1 });
    const l = o.lines[0]!;
    await ship(o.id, l.id, 1);
    const buyer = await f.as("buyer@demo.test");
    const results = await Promise.all(Array.from({ length: 6 }, () => outcome(() => createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }])))));
    expect(results.sort()).toEqual(["INSUFFICIENT_QUANTITY", "INSUFFICIENT_QUANTITY", "INSUFFICIENT_QUANTITY", "INSUFFICIENT_QUANTITY", "INSUFFICIENT_QUANTITY", "OK"]);
    expect(await f.db.returnOrder.count({ where: { originalOrderId: o.id } })).toBe(1);
    expect(await f.db.order.count({ where: { parentOrderId: o.id, orderType: "RETURN" } })).toBe(1);
    expect(await f.db.orderLineHold.count({ where: { orderLineId: l.id, active: true } })).toBe(1);
  });

  it("a return refund the gateway keeps declining falls out to OPS; a retry once the gateway is healthy, or a manual refund with evidence, books it and COMPLETES the return", async () => {
    const o = await f.order({ quantity: 2 });
    const l = o.lines[0]!;
    await ship(o.id, l.id, 2, 2);
    const buyer = await f.as("buyer@demo.test");
    const seller = await f.as("seller@demo.test");
    const ops = await f.as("ops@demo.test");
    const runLater = (ms: number) => drainJobs(f.db, { owner: runnerId("test"), handlers: JOB_HANDLERS, now: () => new Date(Date.now() + ms) });
    const declinedReturn = async () => {
      const r = await createReturn(f.db, buyer, o.id, returnOf([{ orderLineId: l.id, quantity: 1 }]));
      await approveReturn(f.db, await f.as("director@demo.test"), r.id, {});
      await failNextRefunds(f.db, o.id, "DECLINE", 3);
      const received = await receiveReturn(f.db, seller, r.id, ReceiveReturn.parse({ lines: [{ orderLineId: l.id, quantity: 1, disposition: "RESTOCK" }] }));
      expect(received).toMatchObject({ status: "RECEIVED", refund: { total: 2200, refunded: 0 } });
      await runLater(10_000); // attempt 2
      await runLater(60 * 60_000); // attempt 3: retries exhausted
      const task = await f.db.compensationTask.findFirstOrThrow({ where: { causeType: RETURN_CAUSE, causeId: r.id, type: "ISSUE_REFUND" } });
      expect(task).toMatchObject({ status: "FAILED", orderId: o.id, amount: 2200, lastError: expect.stringMatching(/declined/) });
      expect(await f.db.job.findUniqueOrThrow({ where: { key: `compensation:${task.id}` } })).toMatchObject({ status: "FAILED", attempts: 3 });
      const cases = await f.db.falloutCase.findMany({ where: { causeType: RETURN_CAUSE, causeId: r.id } });
      expect(cases.map((c) => [c.status, c.orderId, c.compensationTaskId])).toEqual([["OPEN", o.id, task.id]]);
      expect((await listFalloutCases(f.db, ops, { status: "OPEN", limit: 100, orderId: o.id })).items.map((c) => c.id)).toContain(cases[0]!.id);
      // Nothing was paid: the refund failed, the return waits, the tender shows nothing refunded.
      expect((await f.db.financialAdjustment.findMany({ where: { causeType: RETURN_CAUSE, causeId: r.id } })).map((a) => [a.status, a.amount])).toEqual([["FAILED", 2200]]);
      expect((await f.db.returnOrder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("RECEIVED");
      return { r, task, fallout: cases[0]! };
    };
    const tender = () => f.db.paymentTender.findFirstOrThrow({ where: { orderId: o.id } });

    const first = await declinedReturn();
    expect((await tender()).refunded).toBe(0);
    await healGateway(f.db);
    const retried = await retryFalloutCase(f.db, ops, first.fallout.id);
    expect(retried).toMatchObject({ status: "RESOLVED", task: { status: "DONE" } });
    expect(await f.db.returnOrder.findUniqueOrThrow({ where: { id: first.r.id } })).toMatchObject({ status: "COMPLETED", refundedTotal: 2200 });
    expect((await f.db.order.findUniqueOrThrow({ where: { id: first.r.orderId } })).status).toBe("COMPLETED");
    const paid = await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: RETURN_CAUSE, causeId: first.r.id } });
    expect(paid).toMatchObject({ status: "SUCCEEDED", amount: 2200 });
    expect(await f.db.gatewayRefund.findMany({ where: { orderId: o.id }, select: { idempotencyKey: true, amount: true } })).toEqual([{ idempotencyKey: paid.causeKey, amount: 2200 }]);
    expect((await tender()).refunded).toBe(2200);

    const second = await declinedReturn();
    const resolved = await resolveFalloutCase(f.db, ops, second.fallout.id, { evidence: "Refunded by bank transfer, ticket FIN-77" });
    expect(resolved).toMatchObject({ status: "RESOLVED", evidence: "Refunded by bank transfer, ticket FIN-77" });
    expect(await f.db.compensationTask.findUniqueOrThrow({ where: { id: second.task.id } })).toMatchObject({ status: "DONE" });
    expect(await f.db.returnOrder.findUniqueOrThrow({ where: { id: second.r.id } })).toMatchObject({ status: "COMPLETED", refundedTotal: 2200 });
    expect(await f.db.financialAdjustment.findFirstOrThrow({ where: { causeType: RETURN_CAUSE, causeId: second.r.id } })).toMatchObject({ status: "SUCCEEDED", processorReference: `manual:${second.fallout.number}` });
    expect(await f.db.gatewayRefund.count({ where: { orderId: o.id } })).toBe(1);
    const after = await f.db.order.findUniqueOrThrow({ where: { id: o.id }, include: { payments: true, lines: true } });
    expect([after.refunded, after.payments[0]!.refunded, after.lines[0]!.refunded, after.lines[0]!.qtyReturned]).toEqual([4400, 4400, 4400, 2]);
    await f.assertConsistent();
  });
});
