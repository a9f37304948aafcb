// The machinery every change (cancellations now; amendments and returns next) plugs into: line
// holds owned by orders, for any holder type; compensation keyed by cause and settled in one step;
// a cancellation plan whose every item is carried out or recorded; money booked as assessed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { inTransaction } from "../../lib/platform/db/tx.ts";
import { activeHolds, placeHolds, releaseHolds, type Holder } from "../../lib/modules/orders/server/holds.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { IntakeOrder } from "../../lib/modules/orders/contracts/orders.ts";
import { intakeOrder } from "../../lib/modules/orders/server/intake-order.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { approveCancellationRequest, rejectCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";
import { registerCauseHandler, settleCause } from "../../lib/modules/compensation/server/causes.ts";
import { completeCompensationTask, failCompensationTask, listCompensationTasks } from "../../lib/modules/compensation/server/compensation-tasks.ts";
import { abandonFalloutCase, getFalloutCase, listFalloutCases } from "../../lib/modules/compensation/server/fallout-cases.ts";
import { lockOrder } from "../../lib/modules/orders/server/order-command.ts";

const cancel = (lines: { orderLineId: string; quantity: number }[]) =>
  CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines } });

/** A change of a kind cancellations know nothing about; it records what the settle step tells it. */
const TEST_CAUSE = "TestChange";
const settled: { id: string; settlement: string; reason: string }[] = [];
registerCauseHandler(TEST_CAUSE, {
  describe: async (_db, ids) => new Map(ids.map((id) => [id, { number: `TC-${id}`, status: "APPLYING" }])),
  ref: (id) => ({ cancellationRequestId: id }),
  hasBlockedUnits: async () => false,
  async recordSettlement(_tx, _actor, _order, id, settlement, reason) {
    settled.push({ id, settlement, reason });
    return settlement;
  },
  refundPaid: async () => {},
});

describe.each(engines())("change kernel on %s", (engine) => {
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
  const tryFulfil = async (orderId: string, lineId: string, type: FulfilmentEventType, quantity: number) => {
    try {
      await recordFulfillmentEvent(f.db, await f.as("seller@demo.test"), orderId, { type, lines: [{ orderLineId: lineId, quantity }] });
      return "OK";
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };

  it("a hold of any holder type keeps fulfilment off its units; a second holder of the line gets 409; released, the line is free", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    const amendment: Holder = { type: "AmendmentRequest", id: `am-${order.id}`, number: "AM-000001" };
    await inTransaction(f.db, (tx) => placeHolds(tx, amendment, [{ orderId: order.id, orderLineId: line, byStage: { OPEN: 2 } }]));

    expect(await tryFulfil(order.id, line, "ALLOCATE", 4)).toMatch(/^INSUFFICIENT_QUANTITY: .*3 unit\(s\) open \(2 more held by amendment request AM-000001\)/);
    expect(await tryFulfil(order.id, line, "ALLOCATE", 3)).toBe("OK");
    expect(await f.db.orderLine.findUniqueOrThrow({ where: { id: line } })).toMatchObject({ qtyOpen: 2, qtyAllocated: 3 });

    // Any other change is refused the line, whatever its type: a cancellation request, another holder.
    const buyer = await f.as("buyer@demo.test");
    expect(await outcome(() => createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 1 }])))).toBe("CONFLICT");
    expect(await f.db.cancellationRequest.count({ where: { orderId: order.id } })).toBe(0);
    const other: Holder = { type: "ReturnOrder", id: `rt-${order.id}`, number: "RT-000001" };
    await expect(inTransaction(f.db, (tx) => placeHolds(tx, other, [{ orderId: order.id, orderLineId: line, byStage: { ALLOCATED: 1 } }]))).rejects.toMatchObject({
      code: "CONFLICT",
      details: { errors: [{ path: "lines[0].orderLineId", message: "line is held by active amendment request AM-000001" }] },
    });
    expect(await f.db.orderLineHold.count({ where: { orderLineId: line } })).toBe(1);
    const holds = await inTransaction(f.db, (tx) => activeHolds(tx, [line]));
    expect(holds.get(line)).toEqual({ holder: amendment, byStage: { OPEN: 2 } });

    await inTransaction(f.db, (tx) => releaseHolds(tx, amendment));
    expect(await f.db.orderLineHold.findFirstOrThrow({ where: { holderId: amendment.id } })).toMatchObject({ active: false, heldOpen: 2 });
    expect(await tryFulfil(order.id, line, "ALLOCATE", 2)).toBe("OK");
    const r = await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: line, quantity: 1 }]));
    expect(r.status).toBe("COMPLETED");
    // The cancellation held its unit while it ran, and let go of it when it executed.
    expect(await f.db.orderLineHold.findMany({ where: { holderId: r.id } })).toMatchObject([{ holderType: "CancellationRequest", holderNumber: r.number, heldAllocated: 1, active: false }]);
  });

  it("a return can hold shipped units: they cannot be delivered while it holds them", async () => {
    const order = await f.order({ quantity: 3 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"], 2);
    const ret: Holder = { type: "ReturnOrder", id: `rt-${order.id}`, number: "RT-000002" };
    await inTransaction(f.db, (tx) => placeHolds(tx, ret, [{ orderId: order.id, orderLineId: line, byStage: { SHIPPED: 2 } }]));
    expect(await tryFulfil(order.id, line, "DELIVER", 1)).toMatch(/^INSUFFICIENT_QUANTITY: .*held by return order RT-000002/);
    expect(await f.db.orderLine.findUniqueOrThrow({ where: { id: line } })).toMatchObject({ qtyShipped: 2, qtyDelivered: 0 });
  });

  it("settleCause settles any registered cause from its tasks, through task completion, failure, fallout and abandonment", async () => {
    const order = await f.order({ quantity: 2 });
    const ops = await f.as("ops@demo.test");
    const cause = { causeType: TEST_CAUSE, causeId: `tc-${order.id}` };
    const task = (n: number) =>
      f.db.compensationTask.create({ data: { causeKey: `${cause.causeId}:${n}`, orderId: order.id, ...cause, type: "RECALL_FROM_WAREHOUSE", mode: "MANUAL", status: "PENDING", quantity: 1 } });
    const [t1, t2] = [await task(1), await task(2)];
    const mine = () => settled.filter((s) => s.id === cause.causeId).map((s) => [s.settlement, s.reason]);

    await inTransaction(f.db, async (tx) => settleCause(tx, ops, await lockOrder(tx, order.id, {}), { type: TEST_CAUSE, id: cause.causeId }));
    expect(mine()).toEqual([["EXECUTING", "a compensation step failed"]]);

    await completeCompensationTask(f.db, ops, t1.id, { evidence: "recalled" });
    expect(mine().at(-1)).toEqual(["EXECUTING", "a compensation step failed"]);
    const failed = await failCompensationTask(f.db, ops, t2.id, { reason: "truck left" });
    expect(failed).toMatchObject({ status: "FAILED", cancellationRequestId: null, cancellationNumber: null });
    expect(mine().at(-1)).toEqual(["FAILED", "truck left"]);

    const [fallout] = (await listFalloutCases(f.db, ops, { status: "ACTIVE", limit: 10, orderId: order.id })).items;
    expect(await f.db.falloutCase.findUniqueOrThrow({ where: { id: fallout!.id } })).toMatchObject({ ...cause, compensationTaskId: t2.id, status: "OPEN" });
    expect(await getFalloutCase(f.db, ops, fallout!.id)).toMatchObject({ cancellationRequestId: null, cancellationNumber: null, cancellationStatus: null });
    await abandonFalloutCase(f.db, ops, fallout!.id, { reason: "not worth it" });
    expect(mine().at(-1)![0]).toBe("PARTIALLY_COMPLETED");
    expect((await listCompensationTasks(f.db, ops, { status: "ALL", limit: 10, orderId: order.id })).items.map((t) => [t.id, t.status, t.cancellationRequestId])).toEqual([
      [t1.id, "DONE", null],
      [t2.id, "CANCELLED", null],
    ]);
  });

  it("shipped units a cancellation cannot take back are recorded on the order as needing a return", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!.id;
    await advance(order.id, line, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"], 2);
    const requested = await createCancellationRequest(f.db, await f.as("buyer@demo.test"), order.id, cancel([{ orderLineId: line, quantity: 5 }]));
    const r = await approveCancellationRequest(f.db, await f.as("director@demo.test"), order.id, requested.id, {});
    expect(r.status).toBe("PARTIALLY_COMPLETED");
    const entry = await f.db.orderHistory.findFirstOrThrow({ where: { orderId: order.id, action: "RETURN_REQUIRED" }, include: { storeParts: true } });
    expect(entry.description).toBe(`Cancellation ${r.number}: 2 shipped unit(s) of line 1 (SKU-MUG) can only come back through a return`);
    expect(entry.data).toEqual({ cancellationRequestId: r.id, orderLineId: line, stage: "SHIPPED", quantity: 2 });
    expect(entry.storeParts).toHaveLength(1);
    const event = await f.db.outboxEvent.findFirstOrThrow({ where: { orderId: order.id, type: "OrderLineReturnRequired" } });
    expect(event.payload).toMatchObject({ cancellationRequestId: r.id, orderLineId: line, stage: "SHIPPED", quantity: 2 });
    // No compensation task pretends to do it.
    expect(await f.db.compensationTask.count({ where: { causeId: r.id, type: "CREATE_RETURN" } })).toBe(0);
  });

  it("execution books the assessed refund; when the order moved so that it would differ, approval is refused (409) and nothing changes", async () => {
    // Two equal tenders and odd refunds: a split depends on what was refunded before it.
    const order = await intakeOrder(
      f.db,
      await f.as("integration@demo.test"),
      IntakeOrder.parse({
        externalRef: `kernel-split-${engine}`,
        buyerEmail: "buyer@demo.test",
        currency: "USD",
        lines: [
          { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 2001, taxAmount: 200, shipFromLocationCode: "DC-EAST" },
          { sku: "SKU-PAN", itemName: "Pan", category: "KITCHEN", storeCode: "acme", quantity: 1, unitPrice: 2001, taxAmount: 200, shipFromLocationCode: "DC-EAST" },
        ],
        payments: [
          { method: "CARD", amount: 2201 },
          { method: "GIFT_CARD", amount: 2201 },
        ],
      }),
    );
    const [mug, pan] = [order.lines[0]!.id, order.lines[1]!.id];
    await advance(order.id, mug, ["ALLOCATE", "RELEASE"], 1);
    const buyer = await f.as("buyer@demo.test");
    const a = await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: mug, quantity: 1 }]));
    expect(a.status).toBe("PENDING_APPROVAL");
    const b = await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: pan, quantity: 1 }]));
    expect(b.status).toBe("COMPLETED");
    expect(b.refund.byTender.map((t) => t.amount)).toEqual(a.refund.byTender.map((t) => t.amount)); // both assessed against nothing refunded

    const supervisor = await f.as("supervisor@demo.test");
    await expect(approveCancellationRequest(f.db, supervisor, order.id, a.id, {})).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`Cancellation ${a.number} was assessed against an order that has changed since (the split of the refund across the payment tenders`),
    });
    expect(await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "PENDING_APPROVAL" });
    expect(await f.db.approvalTask.findMany({ where: { subjectId: a.id } })).toMatchObject([{ status: "PENDING" }]);
    expect(await f.db.orderLine.findUniqueOrThrow({ where: { id: mug } })).toMatchObject({ qtyReleased: 1, qtyCancelled: 0, refunded: 0 });
    expect(await f.db.financialAdjustment.count({ where: { causeId: a.id } })).toBe(0);
    expect(await f.db.orderLineHold.findFirstOrThrow({ where: { holderId: a.id } })).toMatchObject({ active: true, heldReleased: 1 });

    // Rejected, its line is free; asked again, the new assessment is booked exactly and every tender is back in full.
    await rejectCancellationRequest(f.db, supervisor, order.id, a.id, { comment: "assessed before another refund" });
    const again = await createCancellationRequest(f.db, buyer, order.id, cancel([{ orderLineId: mug, quantity: 1 }]));
    const done = await approveCancellationRequest(f.db, supervisor, order.id, again.id, {});
    expect(done.status).toBe("EXECUTING"); // the recall from the warehouse waits for the store
    // `again` was read while pending: its byTender is the stored assessment's.
    const assessed = again.refund.byTender.filter((t) => t.amount > 0).map((t) => [t.tenderId, t.amount]);
    const booked = (await f.db.financialAdjustment.findMany({ where: { causeId: again.id } })).map((x) => [x.tenderId, x.amount]);
    expect(booked).toHaveLength(assessed.length);
    expect(booked).toEqual(expect.arrayContaining(assessed));
    const tenders = await f.db.paymentTender.findMany({ where: { orderId: order.id } });
    const owed = await f.db.financialAdjustment.groupBy({ by: ["tenderId"], where: { orderId: order.id }, _sum: { amount: true } });
    expect(tenders.map((t) => owed.find((o) => o.tenderId === t.id)?._sum.amount)).toEqual([2201, 2201]);
    await f.assertConsistent();
  });
});
