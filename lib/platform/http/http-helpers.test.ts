import { describe, expect, it } from "vitest";
import { requestHash } from "./idempotency.ts";
import { rateDecision, rateLimitHeaders, takeRequest } from "./rate-limit.ts";
import { problemBody } from "./problem.ts";

describe("request hash", () => {
  it("ignores key order but not values, method or path", () => {
    const a = requestHash("POST", "/api/v1/orders", { a: 1, b: { c: [1, 2], d: "x" } });
    expect(requestHash("POST", "/api/v1/orders", { b: { d: "x", c: [1, 2] }, a: 1 })).toBe(a);
    expect(requestHash("POST", "/api/v1/orders", { a: 1, b: { c: [2, 1], d: "x" } })).not.toBe(a);
    expect(requestHash("POST", "/api/v1/other", { a: 1, b: { c: [1, 2], d: "x" } })).not.toBe(a);
  });
});

describe("rate limit", () => {
  it("allows the limit per window, then refuses with the seconds left and no remaining", async () => {
    const key = `k-${Math.random()}`;
    const first = await takeRequest(key, 2);
    expect(first).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    expect(first!.resetSeconds).toBeGreaterThan(55);
    expect(await takeRequest(key, 2)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await takeRequest(key, 2);
    expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    expect(refused!.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(refused!.resetSeconds).toBeLessThanOrEqual(60);
    expect(await takeRequest(`${key}-other`, 2)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await takeRequest(key, 0)).toBeNull();
  });

  it("reports RateLimit-* headers, and Retry-After only when refused", () => {
    expect(rateLimitHeaders(rateDecision(10, { remainingPoints: 7, msBeforeNext: 41_200 }, true))).toEqual({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "7",
      "ratelimit-reset": "42",
    });
    expect(rateLimitHeaders(rateDecision(10, { remainingPoints: 0, msBeforeNext: 10 }, false))).toEqual({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "1",
      "retry-after": "1",
    });
  });
});

describe("problem details", () => {
  it("maps codes to status and title", () => {
    expect(problemBody("VERSION_MISMATCH", "stale")).toMatchObject({ status: 412, code: "VERSION_MISMATCH", detail: "stale", title: "Version mismatch" });
    expect(problemBody("INTERNAL", "x").status).toBe(500);
  });
});

describe("problem details extras", () => {
  it("never let extra members override the standard ones", () => {
    expect(problemBody("CONFLICT", "x", { status: "EXECUTING", code: "nope", orderLineId: "l1" })).toMatchObject({ status: 409, code: "CONFLICT", orderLineId: "l1" });
  });
});
