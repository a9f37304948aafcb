// If-Match on every command that changes an existing order: a stale version → 412 and the order,
// its history and the objects the command aims at are byte-identical afterwards; `*` matches any
// version; the answer carries the new version as ETag.
import { describe, expect, it } from "vitest";
import { API_ROUTES, type ApiRouteDef } from "../../lib/api/routes.ts";
import { openApiDocument } from "../../lib/api/openapi.ts";
import { call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");
const SUPERVISOR = () => keyFor("supervisor@demo.test", "*");
const SELLER = () => keyFor("seller@demo.test", "*");

async function snapshot(orderId: string, extra: string[] = []) {
  const key = await ALL();
  const parts = [`/orders/${orderId}`, `/orders/${orderId}/history?limit=100`, `/orders/${orderId}/cancellation-requests`, ...extra];
  const bodies = [];
  for (const p of parts) bodies.push((await call("GET", p, { key })).body);
  return JSON.stringify(bodies);
}

async function version(orderId: string): Promise<number> {
  return (await call("GET", `/orders/${orderId}`, { key: await ALL() })).body.version;
}

/** Sends the command with a stale If-Match and asserts 412 with nothing changed. */
async function expectStale(orderId: string, key: string, path: string, body: unknown, extra: string[] = []) {
  const current = await version(orderId);
  const before = await snapshot(orderId, extra);
  const res = await call("POST", path, { key, body, ifMatch: `"${current - 1}"` });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(412);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ code: "VERSION_MISMATCH", currentVersion: current });
  expect(await snapshot(orderId, extra), path).toBe(before);
}

describe("If-Match on order commands", () => {
  it("every command route on an existing order declares If-Match in the OpenAPI document", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    const commands = (Object.values(API_ROUTES) as ApiRouteDef[]).filter((d) => d.versioned || d.ifMatch).filter((d) => d.method === "POST");
    const names = commands.map((d) => d.path);
    for (const path of [
      "/orders/{orderId}/fulfillment-events",
      "/orders/{orderId}/notes",
      "/orders/{orderId}/cancellation-requests",
      "/orders/{orderId}/cancellation-requests/{requestId}/approve",
      "/orders/{orderId}/cancellation-requests/{requestId}/reject",
      "/orders/{orderId}/cancellation-requests/{requestId}/withdraw",
      "/compensation-tasks/{taskId}/complete",
      "/compensation-tasks/{taskId}/fail",
      "/fallout-cases/{caseId}/retry",
      "/fallout-cases/{caseId}/resolve",
      "/fallout-cases/{caseId}/abandon",
    ]) {
      expect(names).toContain(path);
      expect(doc.paths[path]!.post!.parameters.map((p) => `${p.in}:${p.name}`)).toContain("header:If-Match");
    }
    // Any POST route with an order in its path is a command on that order and must take If-Match.
    for (const d of Object.values(API_ROUTES) as ApiRouteDef[]) {
      if (d.method === "POST" && d.path.startsWith("/orders/{orderId}")) expect(d.versioned || d.ifMatch, d.path).toBe(true);
    }
  });

  it("notes, approve, reject, withdraw, task complete/fail and fallout retry/resolve/abandon: stale → 412, nothing changed; `*` and the current version pass", async () => {
    const ops = await ALL();
    const order = (await call("POST", "/orders", { key: ops, body: orderBody({}, { quantity: 4 }) })).body;
    const line = order.lines[0].id;
    await call("POST", "/inventory/adjustments", { key: ops, body: { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 50, reason: "RECEIPT" } });
    for (const type of ["ALLOCATE", "RELEASE"]) {
      expect((await call("POST", `/orders/${order.id}/fulfillment-events`, { key: ops, body: { type, lines: [{ orderLineId: line, quantity: 4 }] } })).status).toBe(200);
    }

    // Notes
    await expectStale(order.id, ops, `/orders/${order.id}/notes`, { body: "stale note", visibility: "INTERNAL" });
    const note = await call("POST", `/orders/${order.id}/notes`, { key: ops, body: { body: "fresh note", visibility: "INTERNAL" }, ifMatch: "*" });
    expect(note.status).toBe(201);
    expect(note.headers.get("etag")).toBe(`"${note.body.orderVersion}"`);
    expect(await version(order.id)).toBe(note.body.orderVersion);

    // A request needing SUPERVISOR (released units): approve / reject / withdraw.
    const cancel = (qty: number) => ({
      cancellationType: "CUSTOMER_REQUEST",
      reasonCode: "CUSTOMER_CHANGED_MIND",
      scope: { type: "LINES", lines: [{ orderLineId: line, quantity: qty }] },
      refundMethod: "ORIGINAL_PAYMENT",
    });
    const created = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: ops, body: cancel(1) });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("PENDING_APPROVAL");
    const base = `/orders/${order.id}/cancellation-requests/${created.body.id}`;
    await expectStale(order.id, await SUPERVISOR(), `${base}/approve`, { comment: "ok" }, [base]);
    await expectStale(order.id, await SUPERVISOR(), `${base}/reject`, { comment: "no" }, [base]);
    await expectStale(order.id, ops, `${base}/withdraw`, {}, [base]);

    const approved = await call("POST", `${base}/approve`, { key: await SUPERVISOR(), body: { comment: "ok" }, ifMatch: `"${await version(order.id)}"` });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.headers.get("etag")).toBe(`"${approved.body.orderVersion}"`);
    expect(approved.body.orderVersion).toBe(await version(order.id));

    // The manual recall task: complete / fail.
    const recall = approved.body.compensationTasks.find((t: { type: string }) => t.type === "RECALL_FROM_WAREHOUSE");
    expect(recall).toBeDefined();
    const tasks = `/compensation-tasks?status=ALL&orderId=${order.id}`;
    await expectStale(order.id, await SELLER(), `/compensation-tasks/${recall.id}/complete`, { evidence: "recalled" }, [tasks]);
    await expectStale(order.id, await SELLER(), `/compensation-tasks/${recall.id}/fail`, { reason: "lost" }, [tasks]);
    const failed = await call("POST", `/compensation-tasks/${recall.id}/fail`, { key: await SELLER(), body: { reason: "pallet lost" }, ifMatch: "*" });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.headers.get("etag")).toBe(`"${await version(order.id)}"`);

    // The failed manual step opened a fallout case: retry / resolve / abandon.
    const cases = await call("GET", `/fallout-cases?orderId=${order.id}`, { key: ops });
    expect(cases.body.items).toHaveLength(1);
    const falloutCase = cases.body.items[0];
    const casePath = `/fallout-cases/${falloutCase.id}`;
    await expectStale(order.id, ops, `${casePath}/retry`, {}, [casePath]);
    await expectStale(order.id, ops, `${casePath}/resolve`, { evidence: "found it" }, [casePath]);
    await expectStale(order.id, ops, `${casePath}/abandon`, { reason: "gone" }, [casePath]);
    const resolved = await call("POST", `${casePath}/resolve`, { key: ops, body: { evidence: "pallet found, recalled" }, ifMatch: `"${await version(order.id)}"` });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.status).toBe("RESOLVED");
    expect(resolved.headers.get("etag")).toBe(`"${resolved.body.orderVersion}"`);

    // A second request, withdrawn with If-Match: * .
    const second = await call("POST", `/orders/${order.id}/cancellation-requests`, { key: ops, body: cancel(1) });
    expect(second.body.status).toBe("PENDING_APPROVAL");
    const withdrawn = await call("POST", `/orders/${order.id}/cancellation-requests/${second.body.id}/withdraw`, { key: ops, ifMatch: "*" });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("WITHDRAWN");
  });

  it("a malformed If-Match → 412 and nothing changed", async () => {
    const ops = await ALL();
    const order = (await call("POST", "/orders", { key: ops, body: orderBody() })).body;
    const before = await snapshot(order.id);
    const res = await call("POST", `/orders/${order.id}/notes`, { key: ops, body: { body: "x", visibility: "INTERNAL" }, ifMatch: "yesterday" });
    expect(res.status).toBe(412);
    expect(await snapshot(order.id)).toBe(before);
  });
});
