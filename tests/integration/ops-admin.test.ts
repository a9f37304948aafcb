// OPS administration on both engines: the reason-code catalogue (buyer-visible reasons, compare-and-set
// edits with an audit trail, deactivation) and API keys (created for a user, revoked at once).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, outcome, type Fixture } from "../support/fixtures.ts";
import { engines } from "../support/test-db.ts";
import { CreateCancellationRequest } from "../../lib/modules/cancellations/contracts/cancellations.ts";
import { createCancellationRequest } from "../../lib/modules/cancellations/server/create-cancellation-request.ts";
import { createReasonCode, listReasonCodeChanges, updateReasonCode } from "../../lib/modules/orders/server/reason-code-admin.ts";
import { reasonChoices } from "../../lib/modules/orders/server/reason-codes.ts";
import { NewReasonCode } from "../../lib/modules/orders/contracts/reason-codes.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../../lib/modules/api-keys/server/api-keys.ts";
import { CreateApiKey } from "../../lib/modules/api-keys/contracts/api-keys.ts";
import { resolveApiKey } from "../../lib/platform/auth/api-keys.ts";

const cancel = (reasonCode: string) => CreateCancellationRequest.parse({ cancellationType: "CUSTOMER_REQUEST", reasonCode, scope: { type: "ORDER" }, refundMethod: "ORIGINAL_PAYMENT" });

describe.each(engines())("OPS administration on %s", (engine) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(engine);
    await f.stock("SKU-MUG", "DC-EAST", 1000);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it("offers buyers only buyer-visible reasons, and refuses another one from a buyer with 422 and nothing stored", async () => {
    const buyer = await f.as("buyer@demo.test");
    const seller = await f.as("seller@demo.test");
    const offered = (await reasonChoices(f.db, buyer, "CANCELLATION")).map((r) => r.code);
    expect(offered).toContain("CUSTOMER_CHANGED_MIND");
    expect(offered).not.toContain("FRAUD_SUSPECTED");
    expect((await reasonChoices(f.db, seller, "CANCELLATION")).map((r) => r.code)).toContain("FRAUD_SUSPECTED");

    const o = await f.order();
    expect(await outcome(() => createCancellationRequest(f.db, buyer, o.id, cancel("FRAUD_SUSPECTED")))).toBe("VALIDATION_FAILED");
    expect(await f.db.cancellationRequest.count({ where: { orderId: o.id } })).toBe(0);
    expect((await f.db.order.findUniqueOrThrow({ where: { id: o.id } })).version).toBe(o.version);
    // The store may give the internal reason on the same order.
    expect(await outcome(() => createCancellationRequest(f.db, seller, o.id, cancel("FRAUD_SUSPECTED")))).toBe("OK");
  });

  it("creates, edits (compare-and-set) and deactivates a reason; each change is audited and a deactivated reason is refused", async () => {
    const ops = await f.as("ops@demo.test");
    const buyer = await f.as("buyer@demo.test");
    const code = `GIFT_${engine.toUpperCase()}`;
    const created = await createReasonCode(f.db, ops, NewReasonCode.parse({ code: code.toLowerCase(), label: "Bought as a gift", appliesTo: "CANCELLATION", buyerVisible: false, active: true }));
    expect(created).toMatchObject({ code, buyerVisible: false, active: true, version: 1 });
    expect(await outcome(() => createReasonCode(f.db, ops, NewReasonCode.parse({ code, label: "again", appliesTo: "RETURN", buyerVisible: true, active: true })))).toBe("VALIDATION_FAILED");
    expect((await reasonChoices(f.db, buyer, "CANCELLATION")).map((r) => r.code)).not.toContain(code);

    const shown = await updateReasonCode(f.db, ops, code, { label: "A gift after all", buyerVisible: true, active: true }, 1);
    expect(shown).toMatchObject({ label: "A gift after all", buyerVisible: true, version: 2 });
    expect((await reasonChoices(f.db, buyer, "CANCELLATION")).map((r) => r.code)).toContain(code);
    // A form made from version 1 no longer applies; nothing changes.
    expect(await outcome(() => updateReasonCode(f.db, ops, code, { label: "stale", buyerVisible: false, active: false }, 1))).toBe("VERSION_MISMATCH");
    expect((await f.db.reasonCode.findUniqueOrThrow({ where: { code } })).label).toBe("A gift after all");
    expect(await outcome(() => updateReasonCode(f.db, ops, "NO_SUCH_REASON", { label: "x", buyerVisible: false, active: true }, 1))).toBe("NOT_FOUND");
    expect(await outcome(() => updateReasonCode(f.db, buyer, code, { label: "x", buyerVisible: false, active: true }, 2))).toBe("FORBIDDEN");

    await updateReasonCode(f.db, ops, code, { label: "A gift after all", buyerVisible: true, active: false }, 2);
    const o = await f.order();
    expect(await outcome(() => createCancellationRequest(f.db, buyer, o.id, cancel(code)))).toBe("VALIDATION_FAILED");
    const changes = (await listReasonCodeChanges(f.db, ops, 50)).filter((c) => c.code === code);
    expect(changes.map((c) => c.action)).toEqual(["DEACTIVATED", "UPDATED", "CREATED"]);
    expect(changes[1]).toMatchObject({ before: { label: "Bought as a gift", buyerVisible: false }, after: { label: "A gift after all", buyerVisible: true }, actorId: ops.userId });
  });

  it("creates a key for a user, lists it without the key, and a revoked key no longer resolves; unknown id → 404", async () => {
    const ops = await f.as("ops@demo.test");
    const created = await createApiKey(f.db, ops, CreateApiKey.parse({ userEmail: "Seller@Demo.test", scopes: ["orders:read", "fulfillment:write"], name: "warehouse", rateLimitPerMinute: 120 }));
    expect(created).toMatchObject({ userEmail: "seller@demo.test", scopes: ["orders:read", "fulfillment:write"], rateLimitPerMinute: 120, status: "ACTIVE" });
    expect(created.key).toMatch(/^cm_/);
    const stored = await f.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).not.toContain(created.key);
    const listed = (await listApiKeys(f.db, ops, { limit: 100, status: "ACTIVE" })).items.find((k) => k.id === created.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const meta = { ip: null, userAgent: null, correlationId: "t" };
    expect((await resolveApiKey(f.db, created.key, meta))?.keyId).toBe(created.id);
    const revoked = await revokeApiKey(f.db, ops, created.id);
    expect(revoked).toMatchObject({ status: "REVOKED" });
    expect(await resolveApiKey(f.db, created.key, meta)).toBeNull();
    // Revoking again changes nothing.
    expect((await revokeApiKey(f.db, ops, created.id)).revokedAt).toBe(revoked.revokedAt);

    expect(await outcome(() => revokeApiKey(f.db, ops, "no-such-key"))).toBe("NOT_FOUND");
    expect(await outcome(async () => revokeApiKey(f.db, await f.as("seller@demo.test"), created.id))).toBe("FORBIDDEN");
    expect(await outcome(() => createApiKey(f.db, ops, CreateApiKey.parse({ userEmail: "nobody@demo.test", scopes: ["*"], name: "x" })))).toBe("VALIDATION_FAILED");
  });
});
