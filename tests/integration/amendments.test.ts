// Amendment requests of delivery details (SPEC §6): stored with their assessment, applied all or
// nothing with the old values kept, refused with nothing stored, bound to the order they assessed.
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
import { getAmendmentRequest, listAmendmentRequests } from "../../lib/modules/amendments/server/queries.ts";

const ADDRESS = { name: "Bea Buyer", line1: "1 Main St", line2: null, city: "Springfield", region: "IL", postalCode: "12930", country: "US" };
const CONTACT = { name: "Bea Buyer", email: "bea@example.test", phone: "+1 555 0100" };

const request = (changes: { path: string; oldValue: unknown; newValue: unknown }[], extra: Record<string, unknown> = {}) =>
  CreateAmendmentRequest.parse({ reasonCode: "CUSTOMER_ADDRESS_CORRECTION", changes: changes.map((c) => ({ op: "REPLACE", ...c })), ...extra });
const postalCode = (from: string, to: string) => ({ path: "/shippingAddress/postalCode", oldValue: from, newValue: to });

describe.each(engines())("amendment requests on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 500);
  });
  afterAll(async () => {
    await f?.drop();
  });

  const order = () => f.order({ quantity: 2, shippingAddress: ADDRESS, contact: CONTACT, deliveryNote: "Leave at the door" } as never);
  const advance = async (orderId: string, lineId: string, steps: FulfilmentEventType[]) => {
    const seller = await f.as("seller@demo.test");
    for (const type of steps) await recordFulfillmentEvent(f.db, seller, orderId, { type, lines: [{ orderLineId: lineId, quantity: 2 }] });
  };
  const row = (id: string) => f.db.order.findUniqueOrThrow({ where: { id } });
  const amendments = (orderId: string) => f.db.amendmentRequest.count({ where: { orderId } });

  it("an allowed change applies at once: new values stored, old ones kept in history, events written", async () => {
    const o = await order();
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940"), { path: "/contact/phone", oldValue: "+1 555 0100", newValue: "+1 555 0199" }]));
    expect(a).toMatchObject({ status: "APPLIED", number: expect.stringMatching(/^AM-\d+$/), assessment: { feasibility: "ALLOWED", requiredApprovals: [] } });
    expect(a.changes.map((c) => [c.command, c.phase, c.safety])).toEqual([
      ["ChangeShippingAddress", "BEFORE_RELEASE", "ALLOWED"],
      ["ChangeContact", "BEFORE_RELEASE", "ALLOWED"],
    ]);
    const after = await row(o.id);
    expect([after.shipToPostalCode, after.contactPhone, after.shipToCity]).toEqual(["12940", "+1 555 0199", "Springfield"]);
    expect(after.version).toBe(o.version + 1);
    const history = await f.db.orderHistory.findMany({ where: { orderId: o.id, action: { startsWith: "AMENDMENT_" } }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["AMENDMENT_REQUESTED", "AMENDMENT_APPLIED"]);
    expect((history[1]!.data as { changes: unknown[] }).changes).toContainEqual({ path: "/shippingAddress/postalCode", command: "ChangeShippingAddress", oldValue: "12930", newValue: "12940" });
    const events = await f.db.outboxEvent.findMany({ where: { orderId: o.id, type: { startsWith: "OrderAmendment" } }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["OrderAmendmentRequested", "OrderAmendmentAssessed", "OrderAmendmentApplied"]);
    expect((await getAmendmentRequest(f.db, buyer, o.id, a.id)).appliedAt).not.toBeNull();
    expect((await listAmendmentRequests(f.db, buyer, o.id, { limit: 10 })).items.map((i) => i.id)).toEqual([a.id]);
    await f.assertConsistent();
  });

  it("refusals store nothing: stale old value, blocked after shipping, unknown reason, another buyer's order", async () => {
    const o = await order();
    const buyer = await f.as("buyer@demo.test");
    const stale = createAmendmentRequest(f.db, buyer, o.id, request([postalCode("99999", "12940")]));
    await expect(stale).rejects.toMatchObject({ code: "STALE_VALUE", details: { errors: [{ path: "changes[0].oldValue", currentValue: "12930" }] } });
    expect(await outcome(() => createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "1")], { reasonCode: "CUSTOMER_CHANGED_MIND" })))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => createAmendmentRequest(f.db, await f.as("buyer2@demo.test"), o.id, request([postalCode("12930", "12940")])))).toBe("NOT_FOUND");
    await advance(o.id, o.lines[0]!.id, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"]);
    const version = (await row(o.id)).version;
    const blocked = createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940")]));
    await expect(blocked).rejects.toMatchObject({
      code: "AMENDMENT_BLOCKED",
      details: { assessment: { feasibility: "BLOCKED", blockers: [{ changeIndex: 0 }] }, changes: [{ phase: "SHIPPED", safety: "BLOCKED" }] },
    });
    expect(await amendments(o.id)).toBe(0);
    expect((await row(o.id)).version).toBe(version);
    expect((await row(o.id)).shipToPostalCode).toBe("12930");
  });

  it("a manual review waits for a manager; the order is not changed meanwhile", async () => {
    const o = await order();
    await advance(o.id, o.lines[0]!.id, ["ALLOCATE", "RELEASE", "PICK"]);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([postalCode("12930", "12940")]));
    expect(a).toMatchObject({ status: "REQUIRES_APPROVAL", assessment: { feasibility: "MANUAL_REVIEW", requiredApprovals: [{ level: "MANAGER" }] } });
    const tasks = await f.db.approvalTask.findMany({ where: { subjectType: "AMENDMENT", subjectId: a.id } });
    expect(tasks.map((t) => [t.level, t.status])).toEqual([["MANAGER", "PENDING"]]);
    expect(a.approvals).toHaveLength(1);
    expect((await row(o.id)).shipToPostalCode).toBe("12930");
  });

  it("applied later only while the order stands as assessed; otherwise FAILED with ASSESSMENT_CHANGED", async () => {
    const o = await order();
    const buyer = await f.as("buyer@demo.test");
    const later = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940")], { applyNow: false }));
    expect(later.status).toBe("REQUESTED");
    expect((await row(o.id)).shipToPostalCode).toBe("12930");
    expect((await applyAmendmentRequest(f.db, buyer, o.id, later.id)).status).toBe("APPLIED");
    expect((await row(o.id)).shipToPostalCode).toBe("12940");
    expect(await outcome(() => applyAmendmentRequest(f.db, buyer, o.id, later.id))).toBe("CONFLICT");

    const moved = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12940", "12950")], { applyNow: false }));
    await addOrderNote(f.db, await f.as("seller@demo.test"), o.id, AddNote.parse({ body: "Customer called" }));
    expect(await outcome(() => applyAmendmentRequest(f.db, buyer, o.id, moved.id))).toBe("ASSESSMENT_CHANGED");
    const failed = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: moved.id } });
    expect([failed.status, failed.failureReason]).toEqual(["FAILED", expect.stringContaining("changed")]);
    expect((await row(o.id)).shipToPostalCode).toBe("12940");
  });

  it("withdraw: only the requester or OPS, only before it applies", async () => {
    const o = await order();
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940")], { applyNow: false }));
    expect(await outcome(async () => withdrawAmendmentRequest(f.db, await f.as("seller@demo.test"), o.id, a.id))).toBe("FORBIDDEN");
    expect((await withdrawAmendmentRequest(f.db, buyer, o.id, a.id)).status).toBe("WITHDRAWN");
    expect(await outcome(() => applyAmendmentRequest(f.db, buyer, o.id, a.id))).toBe("CONFLICT");
    expect(await outcome(() => withdrawAmendmentRequest(f.db, buyer, o.id, a.id))).toBe("CONFLICT");
  });

  it("two applies at once: exactly one applies", async () => {
    const o = await order();
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940")], { applyNow: false }));
    const results = await Promise.all([0, 1, 2].map(() => outcome(() => applyAmendmentRequest(f.db, buyer, o.id, a.id))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(await f.db.orderHistory.count({ where: { orderId: o.id, action: "AMENDMENT_APPLIED" } })).toBe(1);
    expect((await row(o.id)).shipToPostalCode).toBe("12940");
  });

  it("approvals: a manager's sign-off applies it, a rejection ends it, the requester never signs", async () => {
    const o = await order();
    await advance(o.id, o.lines[0]!.id, ["ALLOCATE", "RELEASE", "PICK"]);
    const buyer = await f.as("buyer@demo.test");
    const a = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12930", "12940")]));
    expect(await outcome(async () => approveAmendmentRequest(f.db, await f.as("supervisor@demo.test"), o.id, a.id, {}))).toBe("FORBIDDEN");
    const approved = await approveAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, a.id, { comment: "customer called" });
    expect(approved.status).toBe("APPLIED");
    expect(approved.approvals).toMatchObject([{ level: "MANAGER", status: "APPROVED", comment: "customer called" }]);
    expect((await row(o.id)).shipToPostalCode).toBe("12940");
    const signed = await f.db.orderHistory.findMany({ where: { orderId: o.id, action: { in: ["APPROVAL_SIGNED", "AMENDMENT_APPLIED"] } }, orderBy: { createdAt: "asc" } });
    expect(signed.map((h) => h.action)).toEqual(["APPROVAL_SIGNED", "AMENDMENT_APPLIED"]);
    expect(await f.db.outboxEvent.count({ where: { orderId: o.id, type: "OrderAmendmentApproved" } })).toBe(1);

    const b = await createAmendmentRequest(f.db, buyer, o.id, request([postalCode("12940", "12950")]));
    expect(await outcome(async () => rejectAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, b.id, { comment: " " }))).toBe("VALIDATION_FAILED");
    const rejected = await rejectAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, b.id, { comment: "Already packed for the old address" });
    expect(rejected.status).toBe("REJECTED");
    expect((await row(o.id)).shipToPostalCode).toBe("12940");
    expect(await outcome(async () => approveAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, b.id, {}))).toBe("CONFLICT");
  });

  it("an approval signed after the order moved on fails the amendment instead of applying it", async () => {
    const o = await order();
    await advance(o.id, o.lines[0]!.id, ["ALLOCATE", "RELEASE", "PICK"]);
    const a = await createAmendmentRequest(f.db, await f.as("buyer@demo.test"), o.id, request([postalCode("12930", "12940")]));
    await addOrderNote(f.db, await f.as("seller@demo.test"), o.id, AddNote.parse({ body: "Packed already?" }));
    const after = await approveAmendmentRequest(f.db, await f.as("manager@demo.test"), o.id, a.id, {});
    expect(after).toMatchObject({ status: "FAILED", failureReason: expect.stringContaining("changed") });
    expect((await row(o.id)).shipToPostalCode).toBe("12930");
  });

  it("a quantity decrease runs as a linked cancellation: the cancellation engine's refund, units cancelled, refund paid", async () => {
    const o = await f.order({ quantity: 5 });
    const line = o.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    const qty = (from: number, to: number) =>
      CreateAmendmentRequest.parse({ reasonCode: "CUSTOMER_REQUEST", changes: [{ path: `/lines/${line.id}/quantity`, op: "REPLACE", oldValue: from, newValue: to }] });
    const a = await createAmendmentRequest(f.db, buyer, o.id, qty(5, 3));
    expect(a).toMatchObject({ status: "APPLIED", cancellationRequestId: expect.any(String) });
    expect(a.impact.lines[0]!.cancellation).toMatchObject({ quantity: 2, refund: { total: 4400 } });
    const cancellation = await f.db.cancellationRequest.findUniqueOrThrow({ where: { id: a.cancellationRequestId! } });
    expect([cancellation.status, cancellation.reasonCode, cancellation.refundTotal, cancellation.refundedTotal]).toEqual(["COMPLETED", "CUSTOMER_REQUEST", 4400, 4400]);
    const after = await f.db.orderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect([after.qtyOpen, after.qtyCancelled, after.refunded]).toEqual([3, 2, 4400]);
    expect((await row(o.id)).refunded).toBe(4400);
    expect(await f.db.approvalTask.count({ where: { subjectId: a.cancellationRequestId! } })).toBe(0);
    await f.assertConsistent();
  });
});
