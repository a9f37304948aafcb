import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code });
}

async function newOrder(quantity = 5) {
  const res = await call("POST", "/orders", { key: await ALL(), body: orderBody({}, { quantity }) });
  expect(res.status).toBe(201);
  return res.body;
}

const body = (orderLineId: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  cancellationType: "CUSTOMER_REQUEST",
  reasonCode: "CUSTOMER_CHANGED_MIND",
  reasonText: "ordered too many",
  scope: { type: "LINES", lines: [{ orderLineId, quantity }] },
  refundMethod: "ORIGINAL_PAYMENT",
  ...extra,
});

describe("cancellation requests over HTTP", () => {
  it("201 with the contract's shape; replay returns it again without a second request; another body → 409", async () => {
    const order = await newOrder(5);
    const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
    const idem = randomUUID();
    const res = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, idempotencyKey: idem, ifMatch: '"1"', body: body(order.lines[0].id, 2) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: expect.stringMatching(/^CX-/),
      orderId: order.id,
      status: "COMPLETED",
      cancellationType: "CUSTOMER_REQUEST",
      reasonCode: "CUSTOMER_CHANGED_MIND",
      requestedBy: expect.stringContaining("buyer@demo.test"),
      assessment: { feasibility: "FULLY_CANCELLABLE", blockers: [], requiredApprovals: [] },
      lines: [{ orderLineId: order.lines[0].id, requestedQuantity: 2, cancelledQuantity: 2, byStage: { open: 2 }, refund: { merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 } }],
      refund: { total: 4400, byTender: [{ method: "CARD", amount: 4400 }] },
      approvals: [],
      compensationTasks: [{ type: "ISSUE_REFUND", status: "DONE" }],
    });
    const again = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, idempotencyKey: idem, ifMatch: '"1"', body: body(order.lines[0].id, 2) });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    const list = await call("GET", `/orders/${order.id}/cancellation-requests`, { key: buyer });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expectProblem(await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, idempotencyKey: idem, body: body(order.lines[0].id, 1) }), 409, "IDEMPOTENCY_KEY_REUSED");
    const read = await call("GET", `/orders/${order.id}/cancellation-requests/${res.body.id}`, { key: buyer });
    expect(read.status).toBe(200);
    expect(read.body.refund.refunded).toBe(4400);
    const o = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect(o.body.lines[0]).toMatchObject({ quantities: { open: 3, cancelled: 2 }, refunded: 4400, statusCode: "1050" });
    expect(o.body.payments[0].refunded).toBe(4400);
  });

  it("400, 401, 403, 404, 409, 412 and 422 as the conventions say, changing nothing", async () => {
    const order = await newOrder(3);
    const line = order.lines[0].id;
    const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
    const path = `/orders/${order.id}/cancellation-requests`;
    expectProblem(await call("POST", path, { key: buyer, idempotencyKey: null, body: body(line, 1) }), 400, "IDEMPOTENCY_KEY_REQUIRED");
    expectProblem(await call("POST", path, { key: buyer, rawBody: "{" }), 400, "MALFORMED_JSON");
    expectProblem(await call("POST", path, { body: body(line, 1) }), 401, "UNAUTHENTICATED");
    expectProblem(await call("POST", path, { key: await keyFor("buyer@demo.test", "orders:read"), body: body(line, 1) }), 403, "FORBIDDEN");
    expectProblem(await call("POST", path, { key: await keyFor("buyer2@demo.test", "*"), body: body(line, 1) }), 404, "NOT_FOUND");
    expectProblem(await call("POST", path, { key: await keyFor("seller2@demo.test", "*"), body: body(line, 1) }), 404, "NOT_FOUND");
    expectProblem(await call("POST", path, { key: buyer, body: body("not-a-line", 1) }), 404, "NOT_FOUND");
    expectProblem(await call("POST", path, { key: buyer, body: body(line, 4) }), 409, "INSUFFICIENT_QUANTITY");
    expectProblem(await call("POST", path, { key: buyer, ifMatch: '"7"', body: body(line, 1) }), 412, "VERSION_MISMATCH");
    const fromStage = (stage: unknown, quantity = 1) => ({ ...body(line, 1), scope: { type: "LINES", lines: [{ orderLineId: line, quantity, stage }] } });
    expectProblem(await call("POST", path, { key: buyer, body: fromStage("ALLOCATED") }), 409, "INSUFFICIENT_QUANTITY");
    for (const bad of [fromStage("LOST"), fromStage(3), body(line, 0), body(line, -1), body(line, 1.5), body(line, 1, { reasonCode: "NOPE" }), body(line, 1, { cancellationType: "WHIM" }), { ...body(line, 1), scope: { type: "LINES", lines: [] } }]) {
      expectProblem(await call("POST", path, { key: buyer, body: bad }), 422, "VALIDATION_FAILED");
    }
    const list = await call("GET", path, { key: buyer });
    expect(list.body.items).toHaveLength(0);
    const o = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect(o.body.version).toBe(1);
    // A stage the units are in is taken from that stage.
    const open = await call("POST", path, { key: buyer, body: fromStage("OPEN", 2) });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect(open.body.lines[0]).toMatchObject({ cancelledQuantity: 2, byStage: { open: 2 } });
  });

  it("approval over HTTP: own request 403, above level 403, reject needs a comment 422, approve executes, final request 409", async () => {
    const order = await newOrder(4);
    const line = order.lines[0].id;
    const ops = await ALL();
    await call("POST", "/inventory/adjustments", { key: ops, body: { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 50, reason: "RECEIPT" } });
    for (const type of ["ALLOCATE", "RELEASE"]) {
      const r = await call("POST", `/orders/${order.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: line, quantity: 4 }] } });
      expect(r.status).toBe(200);
    }
    const created = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: ops, body: body(line, 1) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "PENDING_APPROVAL", approvals: [{ level: "SUPERVISOR", status: "PENDING" }], lines: [{ cancelledQuantity: 0 }] });
    const base = `/orders/${order.id}/cancellation-requests/${created.body.id}`;
    expectProblem(await call("POST", `${base}/approve`, { key: ops, body: {} }), 403, "FORBIDDEN");
    expectProblem(await call("POST", `${base}/approve`, { key: await keyFor("supervisor@demo.test", "orders:read"), body: {} }), 403, "FORBIDDEN");
    const noComment = await call("POST", `${base}/reject`, { key: await keyFor("supervisor@demo.test", "*"), body: {} });
    expectProblem(noComment, 422, "VALIDATION_FAILED");
    expect(noComment.body.errors).toEqual([{ path: "comment", message: "a comment is required to reject" }]);
    const approved = await call("POST", `${base}/approve`, { key: await keyFor("supervisor@demo.test", "*"), body: { comment: "fine" } });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("EXECUTING");
    expectProblem(await call("POST", `${base}/approve`, { key: await keyFor("director@demo.test", "*"), body: {} }), 409, "CONFLICT");
    expectProblem(await call("POST", `${base}/withdraw`, { key: ops }), 409, "CONFLICT");

    const recall = approved.body.compensationTasks.find((t: any) => t.type === "RECALL_FROM_WAREHOUSE");
    const refund = approved.body.compensationTasks.find((t: any) => t.type === "ISSUE_REFUND");
    const warehouse = await keyFor("seller@demo.test", "fulfillment:write");
    const open = await call("GET", "/compensation-tasks?status=OPEN&storeCode=acme", { key: warehouse });
    expect(open.status).toBe(200);
    expect(open.body.items.map((t: any) => t.id)).toContain(recall.id);
    expect(open.body.items.find((t: any) => t.id === recall.id)).toMatchObject({ type: "RECALL_FROM_WAREHOUSE", status: "PENDING", orderId: order.id, storeCode: "acme", orderLineId: line, quantity: 1 });
    expectProblem(await call("POST", `/compensation-tasks/${recall.id}/complete`, { key: await keyFor("seller2@demo.test", "fulfillment:write"), body: { evidence: "x" } }), 404, "NOT_FOUND");
    expectProblem(await call("POST", `/compensation-tasks/does-not-exist/complete`, { key: warehouse, body: { evidence: "x" } }), 404, "NOT_FOUND");
    expectProblem(await call("POST", `/compensation-tasks/${refund.id}/complete`, { key: ops, body: { evidence: "x" } }), 409, "CONFLICT");
    expectProblem(await call("POST", `/compensation-tasks/${recall.id}/complete`, { key: warehouse, body: {} }), 422, "VALIDATION_FAILED");
    const done = await call("POST", `/compensation-tasks/${recall.id}/complete`, { key: warehouse, body: { evidence: "Recalled from pick wave 7" } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("DONE");
    expectProblem(await call("POST", `/compensation-tasks/${recall.id}/complete`, { key: warehouse, body: { evidence: "again" } }), 409, "CONFLICT");
    const final = await call("GET", base, { key: ops });
    expect(final.body.status).toBe("COMPLETED");
  });

  it("withdraw: requester only (403 for others), then the held line can be requested again", async () => {
    const order = await newOrder(2);
    const line = order.lines[0].id;
    const ops = await ALL();
    for (const type of ["ALLOCATE", "RELEASE", "PICK"]) {
      await call("POST", `/orders/${order.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: line, quantity: 2 }] } });
    }
    const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
    const created = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, body: body(line, 1) });
    expect(created.body).toMatchObject({ status: "PENDING_APPROVAL", approvals: [{ level: "MANAGER" }] });
    expectProblem(await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, body: body(line, 1) }), 409, "CONFLICT");
    const base = `/orders/${order.id}/cancellation-requests/${created.body.id}`;
    expectProblem(await call("POST", `${base}/withdraw`, { key: await keyFor("seller@demo.test", "*") }), 403, "FORBIDDEN");
    const withdrawn = await call("POST", `${base}/withdraw`, { key: buyer });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("WITHDRAWN");
    const again = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, body: body(line, 1) });
    expect(again.status).toBe(201);
  });
});
