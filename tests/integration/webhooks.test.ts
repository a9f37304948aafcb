import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createDb, type Db } from "../../lib/platform/db/client.ts";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { CreateWebhook } from "../../lib/modules/webhooks/contracts/webhooks.ts";
import { createWebhook, deleteWebhook } from "../../lib/modules/webhooks/server/endpoints.ts";
import { dispatchWebhooks, type DispatchOptions } from "../../lib/modules/webhooks/server/dispatch.ts";
import { fanOutOutbox } from "../../lib/modules/webhooks/server/fan-out.ts";
import { reconcile } from "../../lib/modules/checks/server/reconciliation.ts";

const at = (t: Date) => () => t;

describe.each(engines())("webhook dispatch on %s", (engine) => {
  let f: Fixture;
  let rx: WebhookReceiver;
  const created: string[] = [];
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
    rx = await startWebhookReceiver();
    await fanOutOutbox(f.db, new Date()); // the demo data's events: handed over before any endpoint exists
  });
  afterEach(async () => {
    const ops = await f.as("ops@demo.test");
    for (const id of created.splice(0)) await deleteWebhook(f.db, ops, id).catch(() => {});
  });
  afterAll(async () => {
    await rx?.close();
    await f?.drop();
  });

  async function endpoint(path: string, eventTypes: string[] = ["*"]) {
    const w = await createWebhook(f.db, await f.as("ops@demo.test"), CreateWebhook.parse({ url: rx.url(path), eventTypes }), { allowPrivateTargets: true });
    created.push(w.id);
    return w;
  }

  async function cancelOne() {
    const order = await f.order({ quantity: 3 });
    await createCancellationRequest(
      f.db,
      await f.as("buyer@demo.test"),
      order.id,
      CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode: "CUSTOMER_CHANGED_MIND", scope: { type: "LINES", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] } }),
    );
    return order;
  }

  const dispatch = (db: Db, options: Partial<DispatchOptions> = {}) => dispatchWebhooks(db, { owner: "runner", allowPrivateTargets: true, ...options });

  it("two runners over one database send each event to each endpoint once, in per-order sequence order, signed", async () => {
    const w = await endpoint("/all");
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await cancelOne());
    const separate = engine === "postgresql";
    const a: Db = separate ? createDb(f.url) : f.db;
    const b: Db = separate ? createDb(f.url) : f.db;
    try {
      for (let pass = 0; pass < 30; pass++) {
        await Promise.all([dispatch(a, { owner: "instance-a", batch: 2 }), dispatch(b, { owner: "instance-b", batch: 2 })]);
        if (!(await f.db.webhookDelivery.count({ where: { endpointId: w.id, status: "PENDING" } }))) break;
      }
    } finally {
      if (separate) await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    const events = await f.db.outboxEvent.findMany({ where: { orderId: { in: orders.map((o) => o.id) } } });
    expect(events.length).toBeGreaterThan(9);
    const got = rx.at("/all");
    expect(got.map((r) => r.headers["webhook-id"]).sort()).toEqual(events.map((e) => e.id).sort());
    const deliveries = await f.db.webhookDelivery.findMany({ where: { endpointId: w.id }, include: { attemptLog: true } });
    expect(deliveries.every((d) => d.status === "DELIVERED" && d.attempts === 1 && d.attemptLog.length === 1 && d.attemptLog[0]!.statusCode === 204)).toBe(true);
    expect(new Set(deliveries.flatMap((d) => d.attemptLog.map((l) => l.owner)))).toEqual(new Set(["instance-a", "instance-b"]));
    for (const order of orders) {
      const bodies = got.map((r) => JSON.parse(r.body)).filter((b) => b.orderId === order.id);
      expect(bodies.map((b) => b.sequence)).toEqual([...bodies.map((b) => b.sequence)].sort((x, y) => x - y));
    }
    const one = got[0]!;
    const body = new Webhook(w.secret).verify(one.body, one.headers as Record<string, string>) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["id", "type", "occurredAt", "orderId", "sequence", "data"]);
    const stored = events.find((e) => e.id === body.id)!;
    expect(body).toEqual({ id: stored.id, type: stored.type, occurredAt: stored.createdAt.toISOString(), orderId: stored.orderId, sequence: stored.sequence, data: stored.payload });
    expect(one.headers["content-type"]).toBe("application/json");
  }, 120_000);

  it("retries 5xx and 429 on the backoff schedule (Retry-After honoured), fails other 4xx at once, and logs every attempt", async () => {
    const w = await endpoint("/flaky", ["OrderCancellationRequested"]);
    rx.answer("/flaky", [503, { status: 429, headers: { "retry-after": "120" } }, 200]);
    await cancelOne();
    const t0 = new Date(Date.now() + 1000);
    expect((await dispatch(f.db, { now: at(t0) })).outcomes.RETRY).toBe(1);
    const d1 = await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id } });
    const wait1 = d1.nextAttemptAt.getTime() - t0.getTime();
    expect(wait1).toBeGreaterThanOrEqual(5_000);
    expect(wait1).toBeLessThanOrEqual(10_000);
    expect((await f.db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.id } })).failingSince).toEqual(t0);
    expect((await dispatch(f.db, { now: at(new Date(d1.nextAttemptAt.getTime() - 1)) })).claimed).toBe(0);
    expect((await dispatch(f.db, { now: at(d1.nextAttemptAt) })).outcomes.RETRY).toBe(1);
    const d2 = await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id } });
    expect(d2.nextAttemptAt.getTime() - d1.nextAttemptAt.getTime()).toBe(120_000);
    expect((await dispatch(f.db, { now: at(d2.nextAttemptAt) })).outcomes.DELIVERED).toBe(1);
    const done = await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
    expect(done).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200, deliveredAt: d2.nextAttemptAt });
    expect(done.attemptLog.map((l) => [l.attempt, l.statusCode, l.responseExcerpt])).toEqual([[1, 503, "answer 503"], [2, 429, "answer 429"], [3, 200, "answer 200"]]);
    expect(new Set(rx.at("/flaky").map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect((await f.db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.id } })).failingSince).toBeNull();

    rx.answer("/flaky", 400);
    await cancelOne();
    const t1 = new Date(Date.now() + 2000);
    expect((await dispatch(f.db, { now: at(t1) })).outcomes.FAILED).toBe(1);
    expect((await dispatch(f.db, { now: at(new Date(t1.getTime() + 3600_000)) })).claimed).toBe(0);
    expect(await f.db.webhookDelivery.count({ where: { endpointId: w.id, status: "FAILED", attempts: 1, lastStatusCode: 400 } })).toBe(1);
  });

  it("gives up after about a day of failures; an endpoint failing for a day is disabled and reconciled", async () => {
    const w = await endpoint("/down", ["OrderCancellationRequested"]);
    rx.answer("/down", 500);
    await cancelOne();
    const t0 = new Date(Date.now() + 1000);
    let t = t0;
    let attempts = 0;
    for (;;) {
      const r = await dispatch(f.db, { now: at(t), random: () => 0.5 });
      attempts += r.claimed;
      const d = await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id } });
      if (d.status !== "PENDING") break;
      t = d.nextAttemptAt;
    }
    const failed = await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id } });
    expect(failed).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/gave up/) });
    expect(attempts).toBe(failed.attempts);
    expect(t.getTime() - t0.getTime()).toBeGreaterThan(12 * 3600_000);
    expect(t.getTime() - t0.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect((await f.db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("ACTIVE");
    await cancelOne();
    await dispatch(f.db, { now: at(new Date(t0.getTime() + 24 * 3600_000 + 1000)) });
    expect(await f.db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "DISABLED", disabledReason: "FAILING", failingSince: t0 });
    const report = await reconcile(f.db);
    expect(report.findings.filter((x) => x.check === "WEBHOOKS")).toEqual([expect.objectContaining({ objectId: w.id, href: `/ops/webhooks/${w.id}`, problem: expect.stringMatching(/every attempt failed/) })]);
    expect(report.checks.find((c) => c.check === "WEBHOOKS")?.findings).toBe(1);
  }, 60_000);
});
