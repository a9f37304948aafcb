// The amendment preview (SPEC §6, API "Amendment requests"): the assessment an amendment would
// get now — command, phase, safety, money, approvals, fingerprint — read from the database and
// storing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import type { FulfilmentEventType } from "../../lib/modules/orders/domain/buckets.ts";
import { previewAmendment } from "../../lib/modules/amendments/server/preview.ts";
import { previewCancellation } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { PreviewAmendmentRequest } from "../../lib/modules/amendments/contracts/amendments.ts";

const changes = (...list: { path: string; oldValue: unknown; newValue: unknown }[]) =>
  PreviewAmendmentRequest.parse({ changes: list.map((c) => ({ op: "REPLACE", ...c })) });

describe.each(engines())("amendment preview on %s", (engine) => {
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
  const footprint = async (orderId: string) => {
    const order = await f.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    const history = await f.db.orderHistory.count({ where: { orderId } });
    const events = await f.db.outboxEvent.count({ where: { orderId } });
    const tasks = await f.db.approvalTask.count({ where: { orderId } });
    return JSON.stringify({ version: order.version, lines: order.lines.map((l) => [l.quantity, l.unitPrice, l.sku, l.qtyOpen]), history, events, tasks });
  };

  it("a quantity increase before release charges price × units plus the scaled tax, and stores nothing", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!;
    const before = await footprint(order.id);
    const p = await previewAmendment(f.db, await f.as("buyer@demo.test"), order.id, changes({ path: `/lines/${line.id}/quantity`, oldValue: 5, newValue: 7 }));
    expect(p.orderVersion).toBe(order.version);
    expect(p.assessment).toEqual({ feasibility: "ALLOWED", blockers: [], requiredApprovals: [] });
    expect(p.changes).toMatchObject([{ command: "ChangeLineQuantity", direction: "INCREASE", phase: "BEFORE_RELEASE", safety: "ALLOWED", blocker: null }]);
    expect(p.impact).toMatchObject({ charge: 4400, refund: 0, byTender: [{ method: "CARD", amount: 4400 }] });
    expect(p.impact.lines).toMatchObject([{ orderLineId: line.id, quantityDelta: 2, merchandise: 4000, tax: 400, total: 4400 }]);
    expect(p.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
    expect(await footprint(order.id)).toBe(before);
  });

  it("a decrease refunds exactly what the cancellation engine computes for those units", async () => {
    const order = await f.order({ quantity: 3 });
    const line = order.lines[0]!;
    const p = await previewAmendment(f.db, await f.as("buyer@demo.test"), order.id, changes({ path: `/lines/${line.id}/quantity`, oldValue: 3, newValue: 2 }));
    const c = await previewCancellation(f.db, await f.as("buyer@demo.test"), order.id, { scope: { type: "LINES", lines: [{ orderLineId: line.id, quantity: 1 }] }, damaged: false });
    expect(p.impact.lines[0]!.cancellation).toEqual({ quantity: 1, refund: c.lines[0]!.refund });
    expect(c.lines[0]!.refund.total).toBe(2000 + 200);
    expect(p.changes[0]).toMatchObject({ direction: "DECREASE", safety: "ALLOWED" });
  });

  it("a price change needs a manager, a blocked change is shown, a stale value is a 409 with the current value", async () => {
    const order = await f.order({ quantity: 5 });
    const line = order.lines[0]!;
    const ops = await f.as("ops@demo.test");
    const price = await previewAmendment(f.db, ops, order.id, changes({ path: `/lines/${line.id}/unitPrice`, oldValue: 2000, newValue: 1800 }));
    expect(price.assessment.feasibility).toBe("REQUIRES_APPROVAL");
    expect(price.assessment.requiredApprovals).toMatchObject([{ level: "MANAGER", rule: "SAFETY_MATRIX" }]);
    expect(price.impact.refund).toBeGreaterThan(0);
    expect(price.impact.charge).toBe(0);

    await advance(order.id, line.id, ["ALLOCATE", "RELEASE", "PICK", "PACK", "SHIP"], 5);
    const blocked = await previewAmendment(f.db, ops, order.id, changes({ path: `/lines/${line.id}/quantity`, oldValue: 5, newValue: 6 }));
    expect(blocked.assessment.feasibility).toBe("BLOCKED");
    expect(blocked.assessment.blockers).toMatchObject([{ changeIndex: 0, path: `/lines/${line.id}/quantity` }]);
    expect(blocked.changes[0]).toMatchObject({ phase: "SHIPPED", safety: "BLOCKED" });

    const stale = previewAmendment(f.db, ops, order.id, changes({ path: `/lines/${line.id}/quantity`, oldValue: 4, newValue: 6 }));
    await expect(stale).rejects.toMatchObject({ code: "STALE_VALUE", details: { errors: [{ path: "changes[0].oldValue", currentValue: 5 }] } });
  });

  it("reach and roles: another buyer 404, a buyer may not set prices, an unknown path is 422, a pinned old version 412", async () => {
    const order = await f.order({ quantity: 2 });
    const line = order.lines[0]!;
    const qty = changes({ path: `/lines/${line.id}/quantity`, oldValue: 2, newValue: 3 });
    expect(await outcome(async () => previewAmendment(f.db, await f.as("buyer2@demo.test"), order.id, qty))).toBe("NOT_FOUND");
    expect(await outcome(async () => previewAmendment(f.db, await f.as("seller2@demo.test"), order.id, qty))).toBe("NOT_FOUND");
    expect(await outcome(async () => previewAmendment(f.db, await f.as("supervisor@demo.test"), order.id, qty))).toBe("FORBIDDEN");
    const price = changes({ path: `/lines/${line.id}/unitPrice`, oldValue: 2000, newValue: 1 });
    expect(await outcome(async () => previewAmendment(f.db, await f.as("buyer@demo.test"), order.id, price))).toBe("FORBIDDEN");
    expect(await outcome(async () => previewAmendment(f.db, await f.as("seller@demo.test"), order.id, price))).toBe("OK");
    const unknown = changes({ path: "/lines/nope/colour", oldValue: 1, newValue: 2 });
    expect(await outcome(async () => previewAmendment(f.db, await f.as("buyer@demo.test"), order.id, unknown))).toBe("VALIDATION_FAILED");
    expect(await outcome(async () => previewAmendment(f.db, await f.as("buyer@demo.test"), order.id, qty, { expectedVersion: order.version - 1 }))).toBe(
      "VERSION_MISMATCH",
    );
  });

  it("a substitution names an item of the catalogue: an unknown SKU is 422 at its newValue, a known one is assessed", async () => {
    const order = await f.order({ quantity: 2 });
    const line = order.lines[0]!;
    const buyer = await f.as("buyer@demo.test");
    const before = await footprint(order.id);
    const unknown = previewAmendment(f.db, buyer, order.id, changes({ path: `/lines/${line.id}/sku`, oldValue: "SKU-MUG", newValue: "SKU-NOPE" }));
    await expect(unknown).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { errors: [{ path: "changes[0].newValue", message: "no item with SKU SKU-NOPE in the catalogue" }] } });
    const known = await previewAmendment(f.db, buyer, order.id, changes({ path: `/lines/${line.id}/sku`, oldValue: "SKU-MUG", newValue: "SKU-KETTLE" }));
    expect(known.changes).toMatchObject([{ command: "SubstituteItem", safety: "ALLOWED" }]);
    expect(await footprint(order.id)).toBe(before);
  });
});
