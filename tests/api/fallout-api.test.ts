import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { failNextRefunds } from "../../lib/modules/payments/server/built-in-gateway.ts";
import { call, databaseUrl, keyFor, orderBody } from "./client.ts";

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code });
}

let direct: Db | undefined;
const database = () => (direct ??= createDb(databaseUrl()));
afterAll(async () => {
  await direct?.$disconnect();
});

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("fallout cases and reconciliation over HTTP", () => {
  it("a refund declined 3 times is retried by the app's runner, falls out, and OPS resolves it with evidence; bad input changes nothing", async () => {
    const integration = await keyFor("integration@demo.test", "*");
    const order = (await call("POST", "/orders", { key: integration, body: orderBody({}, { quantity: 2 }) })).body;
    await failNextRefunds(database(), order.id, "DECLINE", 3);
    const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
    const created = await call("POST", `/orders/${order.id}/cancellation-requests`, {
      key: buyer,
      body: { cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/declined/) });

    const ops = await keyFor("ops@demo.test", "*");
    // The in-process runner retries after 2 s and 4 s, then gives up and opens a case.
    const found = await until("the fallout case", async () => {
      const res = await call("GET", `/fallout-cases?status=OPEN&orderId=${order.id}`, { key: ops });
      expect(res.status).toBe(200);
      return res.body.items[0];
    });
    expect(found).toMatchObject({ status: "OPEN", orderId: order.id, cancellationStatus: "FAILED", task: { type: "ISSUE_REFUND", status: "FAILED", attempts: 3 } });
    const one = await call("GET", `/fallout-cases/${found.id}`, { key: ops });
    expect(one.status).toBe(200);
    expect(one.body.attempts.map((a: any) => a.outcome)).toEqual(["RETRY", "RETRY", "FAILED"]);

    expectProblem(await call("GET", "/fallout-cases", { key: await keyFor("seller@demo.test", "*") }), 403, "FORBIDDEN");
    expectProblem(await call("GET", "/fallout-cases", { key: await keyFor("ops@demo.test", "cancellations:write") }), 403, "FORBIDDEN");
    expectProblem(await call("GET", "/fallout-cases/no-such-case", { key: ops }), 404, "NOT_FOUND");
    expectProblem(await call("POST", "/fallout-cases/no-such-case/retry", { key: ops }), 404, "NOT_FOUND");
    expectProblem(await call("POST", `/fallout-cases/${found.id}/resolve`, { key: ops, body: {} }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", `/fallout-cases/${found.id}/resolve`, { key: ops, body: { evidence: "   " } }), 422, "VALIDATION_FAILED");
    expectProblem(await call("POST", `/fallout-cases/${found.id}/abandon`, { key: ops, body: { reason: "" } }), 422, "VALIDATION_FAILED");
    expect((await call("GET", `/fallout-cases/${found.id}`, { key: ops })).body.status).toBe("OPEN");

    const resolved = await call("POST", `/fallout-cases/${found.id}/resolve`, { key: ops, body: { evidence: "Refunded by bank transfer FIN-42" } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "RESOLVED", evidence: "Refunded by bank transfer FIN-42", resolvedBy: expect.stringContaining("ops@demo.test"), cancellationStatus: "COMPLETED" });
    expectProblem(await call("POST", `/fallout-cases/${found.id}/retry`, { key: ops }), 409, "CONFLICT");
    expectProblem(await call("POST", `/fallout-cases/${found.id}/abandon`, { key: ops, body: { reason: "too late" } }), 409, "CONFLICT");
    const request = await call("GET", `/orders/${order.id}/cancellation-requests/${created.body.id}`, { key: buyer });
    expect(request.body).toMatchObject({ status: "COMPLETED", refund: { refunded: 2200 } });
    const o = await call("GET", `/orders/${order.id}`, { key: buyer });
    expect(o.body.totals.refunded).toBe(2200);
  }, 60_000);

  it("reconciliation: OPS reads the report; others get 403", async () => {
    const res = await call("GET", "/reconciliation", { key: await keyFor("ops@demo.test", "*") });
    expect(res.status).toBe(200);
    expect(res.body.checks.map((c: any) => c.check)).toEqual(["STUCK_REQUEST", "QUANTITY_LEDGER", "INVENTORY", "MONEY", "POINTS", "RETURNS", "LINKED_REFUNDS", "ASSETS", "GATEWAY", "OUTBOX", "WEBHOOKS"]);
    expect(res.body.findings).toEqual([]);
    expectProblem(await call("GET", "/reconciliation", { key: await keyFor("buyer@demo.test", "*") }), 403, "FORBIDDEN");
  });
});
