// A pending amendment that changes lines holds them (SPEC §6: one active change request per line):
// fulfilment cannot move the held units, no cancellation or other amendment can take the line,
// and the line is free again once the amendment applies, fails, is withdrawn or is rejected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";
import { addOrderNote } from "../../lib/modules/orders/server/add-order-note.ts";
import { AddNote } from "../../lib/modules/orders/contracts/orders.ts";
import { CreateAmendmentRequest } from "../../lib/modules/amendments/contracts/amendments.ts";
import { createAmendmentRequest } from "../../lib/modules/amendments/server/create-amendment.ts";
import { applyAmendmentRequest, approveAmendmentRequest, rejectAmendmentRequest, withdrawAmendmentRequest } from "../../lib/modules/amendments/server/decide-amendment.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { withdrawCancellationRequest } from "../../lib/modules/cancellations/server/decide-cancellation.ts";

const quantity = (lineId: string, from: number, to: number, extra: Record<string, unknown> = {}) =>
  CreateAmendmentRequest.parse({ reasonCode: "CUSTOMER_REQUEST", changes: [{ path: `/lines/${lineId}/quantity`, op: "REPLACE", oldValue: from, newValue: to }], ...extra });
const cancel = (orderLineId: string, n: number) =>
  CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId, quantity: n }] } });

describe.each(engines())("amendment line holds on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const advance = async (orderId: string, lineId: string, steps: FulfilmentEventType[], n: number) => {
    const seller = await f.as("seller@demo.test");
    for (const type of steps) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity: n }] });
  };
  const holdsOn = (lineId: string) =>
    f.db.orderLineHold.findMany({ where: { orderLineId: lineId }, orderBy: { createdAt: "asc" } }).then((rows) =>
      rows.map((r) => ({ holder: r.holderType, number: r.holderNumber, active: r.active, open: r.heldOpen, released: r.heldReleased, shipped: r.heldShipped })),
    );
  const line = (id: string) => f.db.orderLine.findUniqueOrThrow({ where: { id } });
  const counts = (orderId: string) =>
    Promise.all([f.db.amendmentRequest.count({ where: { orderId } }), f.db.cancellationRequest.count({ where: { orderId } })]);

  it("a pending quantity change holds the line: cancellations, other amendments and fulfilment are refused, nothing is stored", async () => {
    const o = await f.order({ quantity: 5 });
    const lineId = o.lines[0]!.id;
    const buyer = await f.as("buyer@demo.test");
    const seller = await f.as("seller@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 5, 3, { applyNow: false }));
    expect(a.status).toBe("REQUESTED");
    expect(await holdsOn(lineId)).toEqual([{ holder: "AmendmentRequest", number: a.number, active: true, open: 5, released: 0, shipped: 0 }]);
    const before = await line(lineId);
    const version = (await f.db.order.findUniqueOrThrow({ where: { id: o.id } })).version;

    const cancellation = createCancellationRequest(f.db, seller, o.id, cancel(lineId, 1));
    await expect(cancellation).rejects.toMatchObject({
      code: "CONFLICT",
      details: { errors: [{ path: "scope.lines[0].orderLineId", message: `line is held by active amendment request ${a.number}` }] },
    });
    const second = createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 5, 4));
    await expect(second).rejects.toMatchObject({
      code: "CONFLICT",
      details: { errors: [{ path: "changes[0].path", message: `line is held by active amendment request ${a.number}` }] },
    });
    const allocate = recordFulfillmentEvent(f.db, seller, o.id, { type: "ALLOCATE", lines: [{ orderLineId: lineId, quantity: 1 }] });
    await expect(allocate).rejects.toMatchObject({ code: "INSUFFICIENT_QUANTITY", details: { held: 5, available: 0 } });

    expect(await counts(o.id)).toEqual([1, 0]);
    expect(await line(lineId)).toEqual(before);
    expect((await f.db.order.findUniqueOrThrow({ where: { id: o.id } })).version).toBe(version);
    expect(await holdsOn(lineId)).toHaveLength(1);
  });

  it("withdrawn: the line is free again for fulfilment, a cancellation and another amendment", async () => {
    const o = await f.order({ quantity: 5 });
    const lineId = o.lines[0]!.id;
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 5, 3, { applyNow: false }));
    await withdrawAmendmentRequest(f.db, buyer, o.id, a.id);
    expect(await holdsOn(lineId)).toEqual([{ holder: "AmendmentRequest", number: a.number, active: false, open: 5, released: 0, shipped: 0 }]);
    await advance(o.id, lineId, ["ALLOCATE"], 1);
    const c = await createCancellationRequest(f.db, buyer, o.id, cancel(lineId, 1));
    expect(c.status).toBe("COMPLETED");
    const b = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 4, 2));
    expect(b.status).toBe("APPLIED");
    expect(await line(lineId)).toMatchObject({ qtyOpen: 1, qtyAllocated: 1, qtyCancelled: 3 });
    expect((await holdsOn(lineId)).filter((h) => h.active)).toEqual([]);
    await f.assertConsistent();
  });

  it("waiting for approval: units of every stage not yet shipped are held; a rejection frees the line", async () => {
    const o = await f.order({ quantity: 6 });
    const lineId = o.lines[0]!.id;
    await advance(o.id, lineId, ["ALLOCATE", "RELEASE"], 4);
    await advance(o.id, lineId, ["PICK", "PACK", "SHIP"], 1);
    const buyer = await f.as("buyer@demo.test");
    // Least progressed first: two OPEN units and one RELEASED, which needs a supervisor.
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 6, 3));
    expect(a.status).toBe("REQUIRES_APPROVAL");
    const held = await f.db.orderLineHold.findFirstOrThrow({ where: { orderLineId: lineId, active: true } });
    expect([held.holderNumber, held.heldOpen, held.heldAllocated, held.heldReleased, held.heldShipped]).toEqual([a.number, 2, 0, 3, 0]);
    // The shipped unit is not held: it may still be delivered; the released ones may not be picked.
    await advance(o.id, lineId, ["DELIVER"], 1);
    expect(await outcome(() => advance(o.id, lineId, ["PICK"], 1))).toBe("INSUFFICIENT_QUANTITY");
    expect(await outcome(async () => createCancellationRequest(f.db, await f.as("seller@demo.test"), o.id, cancel(lineId, 1)))).toBe("CONFLICT");

    await rejectAmendmentRequest(f.db, await f.as("supervisor@demo.test"), o.id, a.id, { comment: "the customer changed their mind again" });
    expect((await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("REJECTED");
    expect(await f.db.orderLineHold.count({ where: { orderLineId: lineId, active: true } })).toBe(0);
    await advance(o.id, lineId, ["PICK"], 1);
    expect(await line(lineId)).toMatchObject({ qtyOpen: 2, qtyReleased: 2, qtyPicked: 1, qtyDelivered: 1, qtyCancelled: 0 });
  });

  it("approved: it applies, the linked cancellation takes the units, and the amendment's hold is released", async () => {
    const o = await f.order({ quantity: 4 });
    const lineId = o.lines[0]!.id;
    await advance(o.id, lineId, ["ALLOCATE", "RELEASE"], 4);
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 4, 3));
    expect(a.status).toBe("REQUIRES_APPROVAL");
    const approved = await approveAmendmentRequest(f.db, await f.as("supervisor@demo.test"), o.id, a.id, {});
    expect(approved).toMatchObject({ status: "APPLIED", cancellationRequestId: expect.any(String) });
    const holds = await f.db.orderLineHold.findMany({ where: { orderLineId: lineId }, orderBy: { createdAt: "asc" } });
    // The cancellation executed at once (the recall of the released unit is a compensation task): no hold is left.
    expect(holds.map((h) => [h.holderType, h.holderId, h.active, h.heldReleased])).toEqual([
      ["AmendmentRequest", a.id, false, 4],
      ["CancellationRequest", approved.cancellationRequestId, false, 1],
    ]);
    const cancellation = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: approved.cancellationRequestId! } });
    expect([cancellation.status, cancellation.reasonCode]).toEqual(["EXECUTING", "CUSTOMER_REQUEST"]);
    await advance(o.id, lineId, ["PICK"], 3);
    expect(await line(lineId)).toMatchObject({ qtyReleased: 0, qtyPicked: 3, qtyCancelled: 1 });
  });

  it("approved but stored to apply later: the line stays held until it is applied", async () => {
    const o = await f.order({ quantity: 4 });
    const lineId = o.lines[0]!.id;
    await advance(o.id, lineId, ["ALLOCATE", "RELEASE"], 4);
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 4, 2, { applyNow: false }));
    expect((await approveAmendmentRequest(f.db, await f.as("supervisor@demo.test"), o.id, a.id, {})).status).toBe("APPROVED");
    expect(await f.db.orderLineHold.count({ where: { holderId: a.id, active: true } })).toBe(1);
    expect(await outcome(() => advance(o.id, lineId, ["PICK"], 1))).toBe("INSUFFICIENT_QUANTITY");
    expect((await applyAmendmentRequest(f.db, buyer, o.id, a.id)).status).toBe("APPLIED");
    expect(await f.db.orderLineHold.count({ where: { holderId: a.id, active: true } })).toBe(0);
    await advance(o.id, lineId, ["PICK"], 2);
    expect(await line(lineId)).toMatchObject({ qtyReleased: 0, qtyPicked: 2, qtyCancelled: 2 });
  });

  it("applied later or failed: the hold ends either way", async () => {
    const o = await f.order({ quantity: 5 });
    const lineId = o.lines[0]!.id;
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 5, 4, { applyNow: false }));
    expect((await applyAmendmentRequest(f.db, buyer, o.id, a.id)).status).toBe("APPLIED");
    expect(await line(lineId)).toMatchObject({ qtyOpen: 4, qtyCancelled: 1 });
    expect(await f.db.orderLineHold.count({ where: { holderId: a.id, active: true } })).toBe(0);

    const b = await createAmendmentRequest(f.db, buyer, o.id, quantity(lineId, 4, 2, { applyNow: false }));
    expect(await f.db.orderLineHold.count({ where: { holderId: b.id, active: true } })).toBe(1);
    await addOrderNote(f.db, await f.as("seller@demo.test"), o.id, AddNote.parse({ body: "Customer called" }));
    expect(await outcome(() => applyAmendmentRequest(f.db, buyer, o.id, b.id))).toBe("ASSESSMENT_CHANGED");
    expect((await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("FAILED");
    expect(await f.db.orderLineHold.count({ where: { orderLineId: lineId, active: true } })).toBe(0);
    expect(await line(lineId)).toMatchObject({ qtyOpen: 4, qtyCancelled: 1 });
    await f.assertConsistent();
  });

  it("a line held by a pending cancellation refuses an amendment, naming the cancellation, until it is withdrawn", async () => {
    const o = await f.order({ quantity: 3 });
    const lineId = o.lines[0]!.id;
    await advance(o.id, lineId, ["ALLOCATE", "RELEASE"], 3);
    const seller = await f.as("seller@demo.test");
    const c = await createCancellationRequest(f.db, seller, o.id, cancel(lineId, 1));
    expect(c.status).toBe("PENDING_APPROVAL");
    const refused = createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, quantity(lineId, 3, 2));
    await expect(refused).rejects.toMatchObject({
      code: "CONFLICT",
      details: { errors: [{ path: "changes[0].path", message: `line is held by active cancellation request ${c.number}` }] },
    });
    expect(await counts(o.id)).toEqual([0, 1]);
    expect(await line(lineId)).toMatchObject({ qtyReleased: 3, qtyCancelled: 0 });
    await withdrawCancellationRequest(f.db, seller, o.id, c.id);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, quantity(lineId, 3, 2));
    expect(a.status).toBe("REQUIRES_APPROVAL");
    expect(await f.db.orderLineHold.count({ where: { holderId: a.id, active: true } })).toBe(1);
  });
});
