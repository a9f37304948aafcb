// Rate limits, request ids and API-key management over real HTTP against the production build.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { baseUrl, call, expectProblem, keyFor } from "./client.ts";

describe("rate limit headers and 429", () => {
  it("reports RateLimit-* on every answer and refuses the request past the key's limit with 429, Retry-After and a request id", async () => {
    const key = await keyFor("buyer2@demo.test", "orders:read", 4);
    const remaining: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call("GET", "/orders?limit=1", { key });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("4");
      expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
      remaining.push(res.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["3", "2", "1", "0"]);
    const limited = await call("GET", "/orders?limit=1", { key, headers: { "x-request-id": "limit-test-1" } });
    expectProblem(limited, 429, "RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-request-id")).toBe("limit-test-1");
    expect(limited.body.requestId).toBe("limit-test-1");
  });
});

describe("request ids", () => {
  it("are generated when absent and returned as a header and in every problem body", async () => {
    const res = await call("GET", "/orders");
    expectProblem(res, 401, "UNAUTHENTICATED");
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(id);
    const ok = await call("GET", "/orders?limit=1", { key: await keyFor("ops@demo.test", "orders:read") });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keep a caller's plain x-request-id, replace an unusable one, and reach answers of unknown paths", async () => {
    const unknown = await call("GET", "/no-such-endpoint", { headers: { "x-request-id": "caller-42" } });
    expectProblem(unknown, 404, "NOT_FOUND");
    expect(unknown.body.requestId).toBe("caller-42");
    expect(unknown.headers.get("x-request-id")).toBe("caller-42");
    const odd = await call("GET", "/orders", { headers: { "x-request-id": "has spaces and <tags>" } });
    expect(odd.body.requestId).not.toBe("has spaces and <tags>");
    expect(odd.body.requestId).toBe(odd.headers.get("x-request-id"));
  });
});

describe("API keys", () => {
  const manage = () => keyFor("ops@demo.test", "apikeys:write");

  it("OPS creates a key (shown once), the key works, and once revoked it answers 401 at once", async () => {
    const idem = randomUUID();
    const body = { userEmail: "seller@demo.test", scopes: ["orders:read"], name: `api-test-${idem.slice(0, 8)}`, rateLimitPerMinute: 50 };
    const created = await call("POST", "/api-keys", { key: await manage(), body, idempotencyKey: idem });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ userEmail: "seller@demo.test", scopes: ["orders:read"], rateLimitPerMinute: 50, status: "ACTIVE", lastUsedAt: null });
    const key: string = created.body.key;
    expect(key).toMatch(/^cm_/);
    // A replay answers the same key record without the key: it was never stored.
    const replay = await call("POST", "/api-keys", { key: await manage(), body, idempotencyKey: idem });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(created.body.id);
    expect(replay.body.key).toBeUndefined();

    const used = await call("GET", "/orders?limit=1", { key });
    expect(used.status).toBe(200);
    expect(used.headers.get("ratelimit-limit")).toBe("50");
    const listed = await call("GET", "/api-keys?status=ACTIVE&limit=100", { key: await manage() });
    const row = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await call("POST", `/api-keys/${created.body.id}/revoke`, { key: await manage() });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, status: "REVOKED" });
    expectProblem(await call("GET", "/orders?limit=1", { key }), 401, "UNAUTHENTICATED");
  });

  it("revoking an unknown key is a 404 with a request id", async () => {
    const res = await call("POST", "/api-keys/no-such-key/revoke", { key: await manage() });
    expectProblem(res, 404, "NOT_FOUND");
    expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("refuses non-OPS callers and keys without the apikeys:write scope with 403, creating nothing", async () => {
    const body = { userEmail: "seller@demo.test", scopes: ["*"], name: "should not exist" };
    expectProblem(await call("POST", "/api-keys", { key: await keyFor("seller@demo.test", "*"), body }), 403, "FORBIDDEN");
    expectProblem(await call("POST", "/api-keys", { key: await keyFor("ops@demo.test", "orders:read"), body }), 403, "FORBIDDEN");
    expectProblem(await call("GET", "/api-keys", { key: await keyFor("buyer@demo.test", "*") }), 403, "FORBIDDEN");
    const keyOfSeller = await keyFor("seller@demo.test", "*");
    const some = (await call("GET", "/api-keys?limit=1", { key: await manage() })).body.items[0];
    expectProblem(await call("POST", `/api-keys/${some.id}/revoke`, { key: keyOfSeller }), 403, "FORBIDDEN");
    const after = (await call("GET", "/api-keys?limit=100", { key: await manage() })).body;
    expect(after.items.some((k: { name: string }) => k.name === "should not exist")).toBe(false);
    expect(after.items.find((k: { id: string }) => k.id === some.id).status).toBe(some.status);
  });

  it("bad input is a 422 with field errors and creates nothing", async () => {
    const res = await call("POST", "/api-keys", { key: await manage(), body: { userEmail: "nobody@demo.test", scopes: ["orders:read"], name: "x" } });
    expectProblem(res, 422, "VALIDATION_FAILED");
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "userEmail" })]);
    const bad = await call("POST", "/api-keys", { key: await manage(), body: { userEmail: "seller@demo.test", scopes: ["nope"], name: "", rateLimitPerMinute: 0 } });
    expectProblem(bad, 422, "VALIDATION_FAILED");
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(expect.arrayContaining(["name", "rateLimitPerMinute"]));
    expect(baseUrl()).toBeTruthy();
  });
});
