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
