// Webhooks over HTTP against the production app: a real receiver on 127.0.0.1 verifies every
// delivery with the standardwebhooks library; refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { baseUrl, call, expectProblem, keyFor, orderBody } from "./client.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";

let rx: WebhookReceiver;
beforeAll(async () => {
  rx = await startWebhookReceiver();
});
afterAll(async () => {
  await rx?.close();
});

const ops = () => keyFor("ops@demo.test", "webhooks:write");

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function cancelOneUnit() {
  const order = (await call("POST", "/orders", { key: await keyFor("integration@demo.test", "*"), body: orderBody({}, { quantity: 2 }) })).body;
  const buyer = await keyFor("buyer@demo.test", "cancellations:write,orders:read");
  const res = await call("POST", `/orders/${order.id}/cancellation-requests`, {
    key: buyer,
    body: { cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] } },
  });
  expect(res.status).toBe(201);
  return order;
}

describe("webhooks over HTTP", () => {
  it("register → a cancellation → the delivery arrives signed and verifies; the log lists it; resend sends it again", async () => {
    const created = await call("POST", "/webhooks", { key: await ops(), body: { url: rx.url("/api-hook"), eventTypes: ["OrderCancellationRequested"], description: "api test" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), url: rx.url("/api-hook"), eventTypes: ["OrderCancellationRequested"], status: "ACTIVE", secret: expect.stringMatching(/^whsec_/) });
    const id = created.body.id;
    const read = await call("GET", `/webhooks/${id}`, { key: await ops() });
    expect(read.body).toMatchObject({ id, status: "ACTIVE", description: "api test" });
    expect(read.body).not.toHaveProperty("secret");

    const order = await cancelOneUnit();
    const got = await until("the delivery", async () => rx.at("/api-hook").find((r) => JSON.parse(r.body).orderId === order.id));
    const payload = new Webhook(created.body.secret).verify(got.body, got.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({ type: "OrderCancellationRequested", orderId: order.id, sequence: expect.any(Number), occurredAt: expect.any(String), data: { reasonCode: "CUSTOMER_CHANGED_MIND" } });
    expect(got.headers["webhook-id"]).toBe(payload.id);

    const log = await until("the delivered log entry", async () => {
      const res = await call("GET", `/webhooks/${id}/deliveries?status=DELIVERED`, { key: await ops() });
      expect(res.status).toBe(200);
      return res.body.items.find((d: any) => d.eventId === payload.id);
    });
    expect(log).toMatchObject({ eventType: "OrderCancellationRequested", status: "DELIVERED", attempts: 1, lastStatusCode: 204, nextAttemptAt: null, deliveredAt: expect.any(String) });
    expect((await call("GET", `/webhooks/${id}/deliveries?status=FAILED`, { key: await ops() })).body.items).toEqual([]);

    const resent = await call("POST", `/webhooks/${id}/deliveries/${log.id}/resend`, { key: await ops() });
    expect(resent.status).toBe(200);
    await until("the resent delivery", async () => (rx.at("/api-hook").filter((r) => r.headers["webhook-id"] === payload.id).length === 2 ? true : undefined));

    const replay = await call("POST", `/webhooks/${id}/replay`, { key: await ops(), body: { from: payload.occurredAt, to: payload.occurredAt } });
    expect(replay).toMatchObject({ status: 200, body: { events: 1 } });
    const rotated = await call("POST", `/webhooks/${id}/rotate-secret`, { key: await ops(), body: {} });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect((await call("POST", `/webhooks/${id}/disable`, { key: await ops() })).body).toMatchObject({ status: "DISABLED" });
    expect((await call("POST", `/webhooks/${id}/enable`, { key: await ops() })).body).toMatchObject({ status: "ACTIVE" });
    expect((await call("GET", "/webhooks?limit=100", { key: await ops() })).body.items.map((w: any) => w.id)).toContain(id);
    expect(await call("DELETE", `/webhooks/${id}`, { key: await ops() })).toMatchObject({ status: 200, body: { id, deleted: true } });
    expectProblem(await call("GET", `/webhooks/${id}`, { key: await ops() }), 404, "NOT_FOUND");
  }, 90_000);

  it("the OpenAPI document lists the webhook operations and describes the delivery", async () => {
    const doc = await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/webhooks", "/webhooks/{webhookId}", "/webhooks/{webhookId}/deliveries", "/webhooks/{webhookId}/replay"]));
    expect(Object.keys(doc.paths["/webhooks/{webhookId}"]).sort()).toEqual(["delete", "get"]);
    expect(doc.webhooks.event.post.parameters.map((p: any) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(doc.components.schemas.WebhookDeliveryBody.required).toEqual(["id", "type", "occurredAt", "orderId", "sequence", "data"]);
  });

  it("bad input and callers without the right are refused and change nothing", async () => {
    const list = async () => (await call("GET", "/webhooks?limit=100", { key: await ops() })).body.items.length;
    const before = await list();
    const post = async (body: unknown, key?: string) => call("POST", "/webhooks", { key: key ?? (await ops()), body });
    expectProblem(await post({ url: "ftp://example.com/x", eventTypes: ["*"] }), 422, "VALIDATION_FAILED");
    expectProblem(await post({ url: "https://example.com/x", eventTypes: [] }), 422, "VALIDATION_FAILED");
    const unknown = await post({ url: "https://example.com/x", eventTypes: ["NoSuchEvent"] });
    expectProblem(unknown, 422, "VALIDATION_FAILED");
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "eventTypes[0]" })]);
    expectProblem(await post({ url: "https://example.com/x", eventTypes: ["*"] }, await keyFor("seller@demo.test", "*")), 403, "FORBIDDEN");
    expectProblem(await post({ url: "https://example.com/x", eventTypes: ["*"] }, await keyFor("ops@demo.test", "orders:read")), 403, "FORBIDDEN");
    expectProblem(await call("GET", "/webhooks", { key: await keyFor("buyer@demo.test", "*") }), 403, "FORBIDDEN");
    expect(await list()).toBe(before);

    const w = (await post({ url: rx.url("/bad-input"), eventTypes: ["OrderAmendmentFailed"] })).body;
    const replay = await call("POST", `/webhooks/${w.id}/replay`, { key: await ops(), body: { from: "2030-01-02T00:00:00Z", to: "2030-01-01T00:00:00Z" } });
    expectProblem(replay, 422, "VALIDATION_FAILED");
    expect(replay.body.errors).toEqual([expect.objectContaining({ path: "from" })]);
    expectProblem(await call("POST", `/webhooks/${w.id}/deliveries/no-such-delivery/resend`, { key: await ops() }), 404, "NOT_FOUND");
    expectProblem(await call("DELETE", `/webhooks/${w.id}`, { key: await keyFor("seller@demo.test", "*") }), 403, "FORBIDDEN");
    expect((await call("GET", `/webhooks/${w.id}/deliveries`, { key: await ops() })).body.items).toEqual([]);
    await call("DELETE", `/webhooks/${w.id}`, { key: await ops() });
  });
});
