import { describe, expect, it } from "vitest";
import { call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");
const ADDRESS = { name: "Bea Buyer", line1: "1 Main St", city: "Springfield", region: "IL", postalCode: "12930", country: "US" };

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code });
}

async function newOrder() {
  const res = await call("POST", "/orders", { key: await ALL(), body: orderBody({ shippingAddress: ADDRESS, contact: { name: "Bea Buyer", email: "bea@example.test", phone: "+1 555 0100" } }, { quantity: 3 }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const postal = (from: string, to: string) => ({ path: "/shippingAddress/postalCode", op: "REPLACE", oldValue: from, newValue: to });

describe("amendment requests over HTTP", () => {
  it("preview stores nothing and needs no Idempotency-Key; create applies an allowed change; the order shows it", async () => {
    const order = await newOrder();
    const buyer = await keyFor("buyer@demo.test", "amendments:write,orders:read");
    const path = `/orders/${order.id}/amendment-requests`;
    const preview = await call("POST", `${path}/preview`, { key: buyer, idempotencyKey: null, body: { changes: [postal("12930", "12940")] } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ orderVersion: order.version, assessment: { feasibility: "ALLOWED" }, changes: [{ command: "ChangeShippingAddress", phase: "BEFORE_RELEASE" }] });
    expect((await call("GET", path, { key: buyer })).body.items).toHaveLength(0);

    const created = await call("POST", path, { key: buyer, ifMatch: `"${order.version}"`, body: { reasonCode: "CUSTOMER_ADDRESS_CORRECTION", changes: [postal("12930", "12940")] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ number: expect.stringMatching(/^AM-/), status: "APPLIED", fingerprint: expect.any(String), appliedAt: expect.any(String), approvals: [] });
    const read = await call("GET", `${path}/${created.body.id}`, { key: buyer });
    expect(read.body.id).toBe(created.body.id);
    const o = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect(o.body.shippingAddress.postalCode).toBe("12940");
  });

  it("409 STALE_VALUE, 409 AMENDMENT_BLOCKED with the assessment, 422 unknown path or reason; nothing stored", async () => {
    const order = await newOrder();
    const key = await ALL();
    const path = `/orders/${order.id}/amendment-requests`;
    const stale = await call("POST", path, { key, body: { reasonCode: "CUSTOMER_ADDRESS_CORRECTION", changes: [postal("00000", "12940")] } });
    expectProblem(stale, 409, "STALE_VALUE");
    expect(stale.body.errors[0]).toMatchObject({ path: "changes[0].oldValue", currentValue: "12930" });
    expectProblem(await call("POST", path, { key, body: { reasonCode: "NOPE", changes: [postal("12930", "1")] } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", path, { key, body: { reasonCode: "CUSTOMER_REQUEST", changes: [{ path: "/colour", op: "REPLACE", oldValue: 1, newValue: 2 }] } }), 422, "VALIDATION_FAILED");
    const steps = ["RELEASE", "PICK", "PACK", "SHIP"];
    // Intake allocates when stock allows; otherwise allocate first.
    if (order.lines[0].quantities.open > 0) steps.unshift("ALLOCATE");
    for (const type of steps) {
      const res = await call("POST", `/orders/${order.id}/fulfillment-events`, { key, body: { type, lines: [{ orderLineId: order.lines[0].id, quantity: 3 }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const blocked = await call("POST", path, { key, body: { reasonCode: "CUSTOMER_ADDRESS_CORRECTION", changes: [postal("12930", "12940")] } });
    expectProblem(blocked, 409, "AMENDMENT_BLOCKED");
    expect(blocked.body.assessment).toMatchObject({ feasibility: "BLOCKED", blockers: [{ changeIndex: 0 }] });
    expect((await call("GET", path, { key })).body.items).toHaveLength(0);
  });

  it("apply later, 409 ASSESSMENT_CHANGED when the order moved on; withdraw", async () => {
    const order = await newOrder();
    const key = await ALL();
    const path = `/orders/${order.id}/amendment-requests`;
    const later = await call("POST", path, { key, body: { reasonCode: "CUSTOMER_REQUEST", applyNow: false, changes: [postal("12930", "12940")] } });
    expect(later.body.status).toBe("REQUESTED");
    await call("POST", `/orders/${order.id}/notes`, { key, body: { body: "moved on", storeCode: "acme" } });
    expectProblem(await call("POST", `${path}/${later.body.id}/apply`, { key }), 409, "ASSESSMENT_CHANGED");
    expect((await call("GET", `${path}/${later.body.id}`, { key })).body.status).toBe("FAILED");

    const other = await call("POST", path, { key, body: { reasonCode: "CUSTOMER_REQUEST", applyNow: false, changes: [postal("12930", "12950")] } });
    const withdrawn = await call("POST", `${path}/${other.body.id}/withdraw`, { key });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe("WITHDRAWN");
    expectProblem(await call("POST", `${path}/${other.body.id}/apply`, { key }), 409, "CONFLICT");
  });
});

/** Bad input refused with a typed problem naming the field, and nothing changed: the order and its amendment list read back the same. */
describe("amendment requests over HTTP: bad input", () => {
  const WINDOW = { from: "2027-03-01T09:00:00.000Z", to: "2027-03-01T12:00:00.000Z" };
  const change = (path: string, oldValue: unknown, newValue: unknown, op = "REPLACE") => ({ path, op, oldValue, newValue });
  const amend = (key: string, orderId: string, changes: unknown[], extra: Record<string, unknown> = {}) =>
    call("POST", `/orders/${orderId}/amendment-requests`, { key, body: { reasonCode: "CUSTOMER_REQUEST", changes, ...extra } });

  async function orderWithWindow() {
    const body = orderBody({ shippingAddress: ADDRESS, deliveryNote: "Leave at the door", deliveryWindow: WINDOW }, { quantity: 3 });
    const res = await call("POST", "/orders", { key: await ALL(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  /** The order and its amendments as read back over the API. */
  async function readBack(orderId: string) {
    const key = await ALL();
    const order = await call("GET", `/orders/${orderId}`, { key });
    const list = await call("GET", `/orders/${orderId}/amendment-requests`, { key });
    return { order: order.body, amendments: list.body.items.map((a: { id: string; status: string }) => [a.id, a.status]) };
  }
  async function expectRefused(orderId: string, send: () => Promise<{ status: number; headers: Headers; body: any }>, status: number, code: string, path?: string) {
    const before = await readBack(orderId);
    const res = await send();
    expectProblem(res, status, code);
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect(await readBack(orderId)).toEqual(before);
    return res;
  }
  async function advance(order: { id: string; lines: { id: string; quantities: { open: number } }[] }, steps: string[]) {
    const all = [...steps];
    // Intake allocates when stock allows; otherwise allocate first.
    if (order.lines[0]!.quantities.open > 0 && all[0] === "RELEASE") all.unshift("ALLOCATE");
    for (const type of all) {
      const res = await call("POST", `/orders/${order.id}/fulfillment-events`, { key: await ALL(), body: { type, lines: [{ orderLineId: order.lines[0]!.id, quantity: 3 }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  }
  /** An address change on picked goods: it waits for a manager's review. */
  async function awaitingApproval(key: string) {
    const order = await orderWithWindow();
    await advance(order, ["RELEASE", "PICK"]);
    const res = await amend(key, order.id, [postal("12930", "12940")]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe("REQUIRES_APPROVAL");
    return { order, amendment: res.body, path: `/orders/${order.id}/amendment-requests/${res.body.id}` };
  }

  it("an unknown path is 422 at changes[i].path", async () => {
    const order = await orderWithWindow();
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change("/colour", "red", "blue")]), 422, "VALIDATION_FAILED", "changes[0].path");
  });

  it("an unknown op is 422 at changes[i].op", async () => {
    const order = await orderWithWindow();
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change("/deliveryNote", "Leave at the door", "Back door", "ADD")]), 422, "VALIDATION_FAILED", "changes[0].op");
  });

  it("an oldValue of the wrong type is 422 at changes[i].oldValue, not a stale value", async () => {
    const order = await orderWithWindow();
    const res = await expectRefused(order.id, async () => amend(await ALL(), order.id, [change("/shippingAddress/postalCode", 12930, "12940")]), 422, "VALIDATION_FAILED", "changes[0].oldValue");
    expect(res.body.errors[0].message).toContain("must be a string");
  });

  it("an empty postal code is 422 at changes[i].newValue", async () => {
    const order = await orderWithWindow();
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [postal("12930", "")]), 422, "VALIDATION_FAILED", "changes[0].newValue");
  });

  it("a negative quantity or quantity 0 (a cancellation removes a line) is 422 at changes[i].newValue", async () => {
    const order = await orderWithWindow();
    const qty = `/lines/${order.lines[0].id}/quantity`;
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change(qty, 3, -1)]), 422, "VALIDATION_FAILED", "changes[0].newValue");
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change(qty, 3, 0)]), 422, "VALIDATION_FAILED", "changes[0].newValue");
  });

  it("a fractional quantity is 422 at changes[i].newValue", async () => {
    const order = await orderWithWindow();
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change(`/lines/${order.lines[0].id}/quantity`, 3, 2.5)]), 422, "VALIDATION_FAILED", "changes[0].newValue");
  });

  it("a delivery window that ends before it starts is 422 at changes[i].newValue.to", async () => {
    const order = await orderWithWindow();
    const backwards = { from: "2027-03-02T12:00:00.000Z", to: "2027-03-02T09:00:00.000Z" };
    await expectRefused(order.id, async () => amend(await ALL(), order.id, [change("/deliveryWindow", WINDOW, backwards)]), 422, "VALIDATION_FAILED", "changes[0].newValue.to");
  });

  it("a substitution to an unknown SKU is 422 at changes[i].newValue", async () => {
    const order = await orderWithWindow();
    const res = await expectRefused(order.id, async () => amend(await ALL(), order.id, [change(`/lines/${order.lines[0].id}/sku`, "SKU-MUG", "SKU-NO-SUCH-ITEM")]), 422, "VALIDATION_FAILED", "changes[0].newValue");
    expect(res.body.errors[0].message).toBe("no item with SKU SKU-NO-SUCH-ITEM in the catalogue");
  });

  it("a line whose units are all cancelled cannot be amended: 409 AMENDMENT_BLOCKED naming the change", async () => {
    const order = await orderWithWindow();
    const line = order.lines[0].id;
    const cancelled = await call("POST", `/orders/${order.id}/cancellation-requests`, {
      key: await ALL(),
      body: { cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: line, quantity: 3 }] }, refundMethod: "ORIGINAL_PAYMENT" },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(201);
    const res = await expectRefused(order.id, async () => amend(await ALL(), order.id, [change(`/lines/${line}/quantity`, 0, 1)]), 409, "AMENDMENT_BLOCKED");
    expect(res.body.assessment.blockers).toEqual([{ changeIndex: 0, path: `/lines/${line}/quantity`, message: expect.stringContaining("no units left") }]);
  });

  it("another buyer's order is 404", async () => {
    const order = await orderWithWindow();
    const other = await keyFor("buyer2@demo.test", "amendments:write,orders:read");
    await expectRefused(order.id, () => amend(other, order.id, [postal("12930", "12940")]), 404, "NOT_FOUND");
  });

  it("approving one's own amendment is 403; it stays waiting", async () => {
    const { order, path } = await awaitingApproval(await ALL());
    await expectRefused(order.id, async () => call("POST", `${path}/approve`, { key: await ALL(), body: { comment: "mine" } }), 403, "FORBIDDEN");
    expect((await call("GET", path, { key: await ALL() })).body).toMatchObject({ status: "REQUIRES_APPROVAL", approvals: [{ status: "PENDING" }] });
  });

  it("applying a REJECTED amendment is 409", async () => {
    const { order, path } = await awaitingApproval(await ALL());
    const manager = await keyFor("manager@demo.test", "approvals:write,orders:read");
    const rejected = await call("POST", `${path}/reject`, { key: manager, body: { comment: "already picked for the old address" } });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const res = await expectRefused(order.id, async () => call("POST", `${path}/apply`, { key: await ALL() }), 409, "CONFLICT");
    expect(res.body.requestStatus).toBe("REJECTED");
  });

  it("applying a WITHDRAWN amendment is 409", async () => {
    const order = await orderWithWindow();
    const key = await ALL();
    const later = await amend(key, order.id, [postal("12930", "12940")], { applyNow: false });
    const path = `/orders/${order.id}/amendment-requests/${later.body.id}`;
    expect((await call("POST", `${path}/withdraw`, { key })).body.status).toBe("WITHDRAWN");
    const res = await expectRefused(order.id, () => call("POST", `${path}/apply`, { key }), 409, "CONFLICT");
    expect(res.body.requestStatus).toBe("WITHDRAWN");
  });

  it("applying an APPLIED amendment again is 409", async () => {
    const order = await orderWithWindow();
    const key = await ALL();
    const applied = await amend(key, order.id, [postal("12930", "12940")]);
    expect(applied.body.status).toBe("APPLIED");
    const res = await expectRefused(order.id, () => call("POST", `/orders/${order.id}/amendment-requests/${applied.body.id}/apply`, { key }), 409, "CONFLICT");
    expect(res.body.requestStatus).toBe("APPLIED");
    expect((await readBack(order.id)).order.shippingAddress.postalCode).toBe("12940");
  });
});
