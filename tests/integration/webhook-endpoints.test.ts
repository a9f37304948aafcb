import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createFixture, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";
import { CreateWebhook, Replay } from "../../lib/modules/webhooks/contracts/webhooks.ts";
import { createWebhook, deleteWebhook, disableWebhook, enableWebhook, getWebhook, listWebhooks, rotateWebhookSecret } from "../../lib/modules/webhooks/server/endpoints.ts";
import { listDeliveries, replayWebhook, resendDelivery } from "../../lib/modules/webhooks/server/deliveries.ts";
import { dispatchWebhooks } from "../../lib/modules/webhooks/server/dispatch.ts";
import { fanOutOutbox } from "../../lib/modules/webhooks/server/fan-out.ts";
import { adjustInventory } from "../../lib/modules/inventory/server/adjust-inventory.ts";

describe.each(engines())("webhook endpoints on %s", (engine) => {
  let f: Fixture;
  let rx: WebhookReceiver;
  beforeAll(async () => {
    f = await createFixture(engine);
    rx = await startWebhookReceiver();
    await fanOutOutbox(f.db, new Date());
  });
  afterAll(async () => {
    await rx?.close();
    await f?.drop();
  });

  const ops = () => f.as("ops@demo.test");
  const register = async (path: string, eventTypes = ["InventoryAdjusted"]) =>
    createWebhook(f.db, await ops(), CreateWebhook.parse({ url: rx.url(path), eventTypes, description: path }), { allowPrivateTargets: true });
  const adjust = async () => adjustInventory(f.db, await ops(), { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 1, reason: "COUNT" });
  const dispatch = () => dispatchWebhooks(f.db, { owner: "r", allowPrivateTargets: true });
  const verify = (secret: string, r: { body: string; headers: Record<string, unknown> }) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>);

  it("with no endpoint the backlog is handed over in batches within one pass, queueing nothing", async () => {
    for (let i = 0; i < 5; i++) await adjust();
    const backlog = await f.db.outboxEvent.count({ where: { deliveredAt: null } });
    expect(backlog).toBeGreaterThanOrEqual(5);
    expect(await fanOutOutbox(f.db, new Date(), 2)).toEqual({ events: backlog, deliveries: 0 });
    expect(await f.db.outboxEvent.count({ where: { deliveredAt: null } })).toBe(0);
    expect(await f.db.webhookDelivery.count()).toBe(0);
  });

  it("410 Gone fails the delivery and disables the endpoint; later events are not queued for it until it is enabled", async () => {
    const w = await register("/gone");
    rx.answer("/gone", 410);
    await adjust();
    await dispatch();
    expect(await f.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: w.id } })).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 410 });
    expect(await getWebhook(f.db, await ops(), w.id)).toMatchObject({ status: "DISABLED", disabledReason: "GONE" });
    await adjust();
    await dispatch();
    expect(await f.db.webhookDelivery.count({ where: { endpointId: w.id } })).toBe(1);
    expect(rx.at("/gone")).toHaveLength(1);
    rx.answer("/gone", 200);
    expect(await enableWebhook(f.db, await ops(), w.id, { allowPrivateTargets: true })).toMatchObject({ status: "ACTIVE", disabledReason: null, failingSince: null });
    await adjust();
    await dispatch();
    expect(rx.at("/gone")).toHaveLength(2);
    expect(await disableWebhook(f.db, await ops(), w.id)).toMatchObject({ status: "DISABLED", disabledReason: "MANUAL" });
  });

  it("after a rotation both secrets sign during the grace period, only the new one after it; the secret is shown only on create and rotate", async () => {
    const w = await register("/rotate");
    expect(w.secret).toMatch(/^whsec_/);
    expect(await getWebhook(f.db, await ops(), w.id)).not.toHaveProperty("secret");
    expect((await listWebhooks(f.db, await ops(), { limit: 100 })).items.every((i) => !("secret" in i))).toBe(true);
    const rotated = await rotateWebhookSecret(f.db, await ops(), w.id, { graceMinutes: 60 });
    expect(rotated.secret).not.toBe(w.secret);
    expect(rotated.secretRotatedUntil).not.toBeNull();
    await adjust();
    await dispatch();
    const during = rx.at("/rotate").at(-1)!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(w.secret, during)).toMatchObject({ type: "InventoryAdjusted" });
    expect(verify(rotated.secret, during)).toMatchObject({ type: "InventoryAdjusted" });
    // A rotation whose grace period is already over: only the newest secret signs.
    const again = await rotateWebhookSecret(f.db, await ops(), w.id, { graceMinutes: 60 }, { now: new Date(Date.now() - 61 * 60_000) });
    await adjust();
    await dispatch();
    const after = rx.at("/rotate").at(-1)!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verify(again.secret, after)).toMatchObject({ type: "InventoryAdjusted" });
    expect(() => verify(rotated.secret, after)).toThrow();
    expect(() => verify(w.secret, after)).toThrow();
  });

  it("resend sends one delivery again with the same webhook-id; replay queues a time range once per event, events from before the endpoint included", async () => {
    await new Promise((r) => setTimeout(r, 20));
    const t0 = new Date();
    await adjust(); // before the endpoint exists
    await fanOutOutbox(f.db, new Date());
    const w = await register("/replay");
    await adjust();
    await dispatch();
    const first = (await listDeliveries(f.db, await ops(), w.id, { limit: 10 })).items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 204, attemptLog: [expect.objectContaining({ attempt: 1, statusCode: 204 })] });
    expect(await resendDelivery(f.db, await ops(), w.id, first[0]!.id)).toMatchObject({ status: "PENDING", deliveredAt: null });
    await dispatch();
    expect(rx.at("/replay").map((r) => r.headers["webhook-id"])).toEqual([first[0]!.eventId, first[0]!.eventId]);
    expect((await listDeliveries(f.db, await ops(), w.id, { limit: 10 })).items[0]).toMatchObject({ status: "DELIVERED", attempts: 2 });

    const range = Replay.parse({ from: t0.toISOString(), to: new Date(Date.now() + 1000).toISOString() });
    expect(await replayWebhook(f.db, await ops(), w.id, range)).toEqual({ events: 2 });
    await dispatch();
    expect(rx.at("/replay")).toHaveLength(4);
    const after = (await listDeliveries(f.db, await ops(), w.id, { limit: 10 })).items;
    expect(after).toHaveLength(2);
    expect(after.every((d) => d.status === "DELIVERED")).toBe(true);
    expect((await listDeliveries(f.db, await ops(), w.id, { limit: 10, status: "FAILED" })).items).toEqual([]);
    expect((await listDeliveries(f.db, await ops(), w.id, { limit: 10, eventType: "OrderCreated" })).items).toEqual([]);
    expect(Replay.safeParse({ from: "2030-01-02T00:00:00Z", to: "2030-01-01T00:00:00Z" }).error?.issues[0]).toMatchObject({ path: ["from"], message: "must not be after to" });
  });

  it("bad input is refused with a clear error and changes nothing", async () => {
    const before = await f.db.webhookEndpoint.count();
    const o = await ops();
    const refuse = (url: string, allowPrivateTargets = false) => createWebhook(f.db, o, CreateWebhook.parse({ url, eventTypes: ["*"] }), { allowPrivateTargets });
    await expect(refuse("ftp://example.com/hook")).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { errors: [{ path: "url", message: expect.stringMatching(/http and https/) }] } });
    await expect(refuse(rx.url("/x"))).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/loopback or private/) });
    await expect(refuse("http://[::1]:9/")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(refuse("http://169.254.169.254/latest")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(refuse("http://localhost:9/")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(CreateWebhook.safeParse({ url: "https://example.com/", eventTypes: [] }).error?.issues[0]).toMatchObject({ path: ["eventTypes"] });
    expect(CreateWebhook.safeParse({ url: "https://example.com/", eventTypes: ["NoSuchEvent"] }).error?.issues[0]).toMatchObject({ path: ["eventTypes", 0] });
    const seller = await f.as("seller@demo.test");
    await expect(createWebhook(f.db, seller, CreateWebhook.parse({ url: "https://example.com/", eventTypes: ["*"] }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWebhook(f.db, o, "no-such-webhook")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await f.db.webhookEndpoint.count()).toBe(before);
    const w = await register("/deleted");
    expect(await deleteWebhook(f.db, o, w.id)).toEqual({ id: w.id, deleted: true });
    await expect(deleteWebhook(f.db, o, w.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await f.db.webhookEndpoint.count()).toBe(before);
  });
});
