import { describe, expect, it } from "vitest";
import { call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");

const cancelBody = (orderLineId: string, quantity: number) => ({
  cancellationType: "CUSTOMER_REQUEST",
  reasonCode: "CUSTOMER_CHANGED_MIND",
  scope: { type: "LINES", lines: [{ orderLineId, quantity }] },
});

/** A buyer's request for 1 picked unit: the "Picked or packed units" rule asks for a MANAGER. */
async function pendingPickedRequest() {
  const ops = await ALL();
  const order = (await call("POST", "/orders", { key: ops, body: orderBody({}, { quantity: 2 }) })).body;
  const line = order.lines[0].id;
  for (const type of ["ALLOCATE", "RELEASE", "PICK"]) {
    const r = await call("POST", `/orders/${order.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: line, quantity: 2 }] } });
    expect(r.status).toBe(200);
  }
  const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
  const created = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: buyer, body: cancelBody(line, 1) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toMatchObject({ status: "PENDING_APPROVAL", approvals: [{ level: "MANAGER" }] });
  return { order, request: created.body };
}

describe("GET /api/v1/approvals", () => {
  it("lists the pending tasks the key's user may sign, with the rule that caused each; filters and pages", async () => {
    const { order, request } = await pendingPickedRequest();
    const manager = await keyFor("manager@demo.test", "approvals:write");
    const res = await call("GET", "/approvals?status=PENDING&limit=100", { key: manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = res.body.items.filter((t: { requestId: string }) => t.requestId === request.id);
    expect(mine).toEqual([
      expect.objectContaining({
        subjectType: "CANCELLATION",
        level: "MANAGER",
        ruleName: "Picked or packed units",
        orderId: order.id,
        orderNumber: order.number,
        orderTotal: 4400,
        requestNumber: request.number,
        requestedBy: expect.stringContaining("buyer@demo.test"),
        reasonCode: "CUSTOMER_CHANGED_MIND",
        refundTotal: 2200,
      }),
    ]);

    // Level and value filters.
    const supervisorsOnly = await call("GET", "/approvals?level=SUPERVISOR&limit=100", { key: manager });
    expect(supervisorsOnly.body.items.some((t: { requestId: string }) => t.requestId === request.id)).toBe(false);
    const rich = await call("GET", "/approvals?minOrderValue=4401&limit=100", { key: manager });
    expect(rich.body.items.some((t: { requestId: string }) => t.requestId === request.id)).toBe(false);

    // Cursor pagination walks every item once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { taskId: string }[]; nextCursor: string | null } } = await call("GET", `/approvals?limit=1${cursor ? `&cursor=${cursor}` : ""}`, { key: manager });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((t) => t.taskId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(res.body.items.length);

    // A supervisor may not sign a MANAGER task: it is not listed.
    const supervisor = await keyFor("supervisor@demo.test", "approvals:write");
    const forSupervisor = await call("GET", "/approvals", { key: supervisor });
    expect(forSupervisor.body.items.some((t: { requestId: string }) => t.requestId === request.id)).toBe(false);

    // Signing it through the existing endpoint removes it from the list.
    const approved = await call("POST", `/orders/${order.id}/cancellation-requests/${request.id}/approve`, { key: manager, body: { comment: "fine" } });
    expect(approved.status).toBe(200);
    const after = await call("GET", "/approvals?limit=100", { key: manager });
    expect(after.body.items.some((t: { requestId: string }) => t.requestId === request.id)).toBe(false);
  });

  it("needs the approvals:write scope and an approver; only PENDING can be listed", async () => {
    const wrongScope = await call("GET", "/approvals", { key: await keyFor("manager@demo.test", "orders:read") });
    expect(wrongScope.status).toBe(403);
    const notApprover = await call("GET", "/approvals", { key: await keyFor("buyer@demo.test", "*") });
    expect(notApprover.status).toBe(403);
    const noKey = await call("GET", "/approvals");
    expect(noKey.status).toBe(401);
    const manager = await keyFor("manager@demo.test", "approvals:write");
    const bad = await call("GET", "/approvals?status=APPROVED", { key: manager });
    expect([400, 422]).toContain(bad.status);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const badLevel = await call("GET", "/approvals?level=CEO", { key: manager });
    expect([400, 422]).toContain(badLevel.status);
  });
});
