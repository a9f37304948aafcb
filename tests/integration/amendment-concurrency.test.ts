// Amendments fired at once against one order: a decision and a withdrawal never both win, and of
// many requests made from the same old value exactly one changes the order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { recordFulfillmentEvent } from "../../lib/modules/orders/server/record-fulfillment-event.ts";
import { CreateAmendmentRequest } from "../../lib/modules/amendments/contracts/amendments.ts";
import { createAmendmentRequest } from "../../lib/modules/amendments/server/create-amendment.ts";
import { approveAmendmentRequest, withdrawAmendmentRequest } from "../../lib/modules/amendments/server/decide-amendment.ts";

const ADDRESS = { name: "Bea Buyer", line1: "1 Main St", line2: null, city: "Springfield", region: "IL", postalCode: "10000", country: "US" };

const change = (path: string, oldValue: unknown, newValue: unknown, extra: Record<string, unknown> = {}) =>
  CreateAmendmentRequest.parse({ reasonCode: "CUSTOMER_REQUEST", changes: [{ path, op: "REPLACE", oldValue, newValue }], ...extra });

function tally(results: string[]) {
  return results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
}

/** Fires `n` amendments at once; returns each one's outcome. */
async function fireAmendments(f: Fixture, orderId: string, n: number, make: (i: number) => ReturnType<typeof change>) {
  const buyer = await f.as("buyer@demo.test");
  return Promise.all(Array.from({ length: n }, (_, i) => outcome(() => createAmendmentRequest(f.db, buyer, orderId, make(i)))));
}

/** Exactly one of `n` requests from the same old quantity is stored and changes the line, once. */
async function assertOneQuantityChange(f: Fixture, from: number, to: number) {
  const o = await f.order({ quantity: from });
  const lineId = o.lines[0]!.id;
  const before = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
  const results = await fireAmendments(f, o.id, 10, () => change(`/lines/${lineId}/quantity`, from, to));
  expect(results.filter((r) => r === "OK")).toHaveLength(1);
  expect(results.every((r) => ["OK", "STALE_VALUE", "CONFLICT"].includes(r))).toBe(true);
  const stored = await f.db.amendmentRequest.findMany({ where: { orderId: o.id } });
  expect(stored.map((a) => a.status)).toEqual(["APPLIED"]);
  const after = await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } });
  const active = (l: typeof after) => l.qtyOpen + l.qtyAllocated + l.qtyReleased + l.qtyPicked + l.qtyPacked + l.qtyShipped + l.qtyDelivered;
  expect([active(before), active(after)]).toEqual([from, to]);
  expect(await f.db.orderHistory.count({ where: { orderId: o.id, action: "AMENDMENT_APPLIED" } })).toBe(1);
  await f.assertConsistent();
}

describe.each(engines())("concurrent amendments on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("approve and withdraw of one amendment fired at once, round after round: exactly one wins, the other gets CONFLICT", async () => {
    const o = await f.order({ quantity: 2, shippingAddress: ADDRESS } as never);
    const seller = await f.as("seller@demo.test");
    for (const type of ["ALLOCATE", "RELEASE", "PICK"] as const) await recordFulfillmentEvent(f.db, seller, o.id, { type, lines: [{ orderLineId: o.lines[0]!.id, quantity: 2 }] });
    const buyer = await f.as("buyer@demo.test");
    const manager = await f.as("manager@demo.test");
    let postalCode = 10000;
    for (let round = 0; round < 8; round++) {
      // Picked goods: an address change waits for a manager's review.
      const a = await createAmendmentRequest(f.db, buyer, o.id, change("/shippingAddress/postalCode", String(postalCode), String(postalCode + 1)));
      expect(a.status).toBe("REQUIRES_APPROVAL");
      const approving = () => outcome(() => approveAmendmentRequest(f.db, manager, o.id, a.id, { comment: `round ${round}` }));
      const withdrawing = () => outcome(() => withdrawAmendmentRequest(f.db, buyer, o.id, a.id));
      // Each goes first in every other round.
      const [approve, withdraw] = round % 2 ? (await Promise.all([withdrawing(), approving()])).reverse() : await Promise.all([approving(), withdrawing()]);
      expect([approve, withdraw].sort()).toEqual(["CONFLICT", "OK"]);
      const row = await f.db.amendmentRequest.findUniqueOrThrow({ where: { id: a.id } });
      const history = (await f.db.orderHistory.findMany({ where: { orderId: o.id, action: { in: ["APPROVAL_SIGNED", "AMENDMENT_APPLIED", "AMENDMENT_WITHDRAWN"] } } }))
        .filter((h) => JSON.stringify(h.data).includes(a.id))
        .map((h) => h.action)
        .sort();
      const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
      if (approve === "OK") {
        expect([row.status, history, order.shipToPostalCode]).toEqual(["APPLIED", ["AMENDMENT_APPLIED", "APPROVAL_SIGNED"], String(postalCode + 1)]);
        postalCode += 1;
      } else {
        expect([row.status, history, order.shipToPostalCode]).toEqual(["WITHDRAWN", ["AMENDMENT_WITHDRAWN"], String(postalCode)]);
      }
      const tasks = await f.db.approvalTask.findMany({ where: { subjectType: "AMENDMENT", subjectId: a.id } });
      expect(tasks.map((t) => t.status)).toEqual([approve === "OK" ? "APPROVED" : expect.not.stringMatching(/^(PENDING|APPROVED)$/)]);
    }
  });

  it("10 quantity decreases from the same old value (10 → 9): exactly one applies, the line changes once", async () => {
    await assertOneQuantityChange(f, 10, 9);
  });

  it("10 decreases stored to apply later from the same old value: exactly one is stored and holds the line, the others get CONFLICT", async () => {
    const o = await f.order({ quantity: 10 });
    const lineId = o.lines[0]!.id;
    const results = await fireAmendments(f, o.id, 10, () => change(`/lines/${lineId}/quantity`, 10, 9, { applyNow: false }));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 9 });
    const stored = await f.db.amendmentRequest.findMany({ where: { orderId: o.id } });
    expect(stored.map((a) => a.status)).toEqual(["REQUESTED"]);
    const holds = await f.db.orderLineHold.findMany({ where: { orderLineId: lineId, active: true } });
    expect(holds.map((h) => [h.holderId, h.heldOpen])).toEqual([[stored[0]!.id, 10]]);
    expect(await f.db.orderLine.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ qtyOpen: 10, qtyCancelled: 0 });
  });

  it("10 delivery note changes from the same old value: exactly one applies, the others get STALE_VALUE", async () => {
    const o = await f.order({ quantity: 1, deliveryNote: "Leave at the door" } as never);
    const results = await fireAmendments(f, o.id, 10, (i) => change("/deliveryNote", "Leave at the door", `Ring the bell (${i})`));
    expect(tally(results)).toEqual({ OK: 1, STALE_VALUE: 9 });
    const winner = results.indexOf("OK");
    const order = await f.db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect([order.deliveryNote, order.version]).toEqual([`Ring the bell (${winner})`, o.version + 1]);
    const stored = await f.db.amendmentRequest.findMany({ where: { orderId: o.id } });
    expect(stored.map((a) => a.status)).toEqual(["APPLIED"]);
    expect(await f.db.orderHistory.count({ where: { orderId: o.id, action: "AMENDMENT_APPLIED" } })).toBe(1);
  });
});

// Quantity increases are charged through the payment gateway; they become requestable with that change.
describe.each(engines())("concurrent quantity increases on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("10 quantity increases from the same old value (5 → 6): exactly one applies, the line changes once", async () => {
    await assertOneQuantityChange(f, 5, 6);
  });
});
