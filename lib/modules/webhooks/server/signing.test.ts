import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { excerpt, streamKeyOf, subscribes, webhookBody } from "../domain/payload.ts";
import { newWebhookSecret, signedHeaders, signingSecrets } from "./secrets.ts";

const event = { id: "evt1", type: "OrderCancellationRequested", createdAt: new Date("2030-01-01T00:00:00Z"), orderId: "o1", sequence: 3, payload: { a: 1 } };

describe("webhook body and signature", () => {
  it("the body is exactly { id, type, occurredAt, orderId, sequence, data }", () => {
    expect(webhookBody(event)).toEqual({ id: "evt1", type: "OrderCancellationRequested", occurredAt: "2030-01-01T00:00:00.000Z", orderId: "o1", sequence: 3, data: { a: 1 } });
    expect(Object.keys(webhookBody(event))).toEqual(["id", "type", "occurredAt", "orderId", "sequence", "data"]);
    expect(streamKeyOf({ aggregateType: "Order", aggregateId: "o1" })).toBe("Order:o1");
  });

  it("signs with each valid secret; a receiver holding either verifies, a stranger does not", () => {
    const [oldSecret, newSecret, other] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
    expect(oldSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = new Date();
    const body = JSON.stringify(webhookBody(event));
    const secrets = signingSecrets({ secret: newSecret, previousSecret: oldSecret, previousSecretExpiresAt: new Date(now.getTime() + 60_000) }, now);
    expect(secrets).toEqual([newSecret, oldSecret]);
    const headers = signedHeaders(secrets, "evt1", now, body);
    expect(headers["webhook-id"]).toBe("evt1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    expect(() => new Webhook(newSecret).verify(body.replace('"a":1', '"a":2'), headers)).toThrow();
    // After the grace period only the new secret signs.
    expect(signingSecrets({ secret: newSecret, previousSecret: oldSecret, previousSecretExpiresAt: now }, now)).toEqual([newSecret]);
  });

  it("subscriptions and excerpts", () => {
    expect(subscribes(["*"], "Anything")).toBe(true);
    expect(subscribes(["A", "B"], "B")).toBe(true);
    expect(subscribes(["A"], "B")).toBe(false);
    expect(excerpt("x".repeat(5000))).toHaveLength(1024);
    expect(Buffer.byteLength(excerpt("é".repeat(1000)))).toBeLessThanOrEqual(1024);
    expect(excerpt("short")).toBe("short");
  });
});
