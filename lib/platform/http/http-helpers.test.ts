import { describe, expect, it } from "vitest";
import { requestHash } from "./idempotency.ts";
import { takeToken } from "./rate-limit.ts";
import { problemBody } from "./problem.ts";

describe("request hash", () => {
  it("ignores key order but not values, method or path", () => {
    const a = requestHash("POST", "/api/v1/orders", { a: 1, b: { c: [1, 2], d: "x" } });
    expect(requestHash("POST", "/api/v1/orders", { b: { d: "x", c: [1, 2] }, a: 1 })).toBe(a);
    expect(requestHash("POST", "/api/v1/orders", { a: 1, b: { c: [2, 1], d: "x" } })).not.toBe(a);
    expect(requestHash("POST", "/api/v1/other", { a: 1, b: { c: [1, 2], d: "x" } })).not.toBe(a);
  });
});

describe("rate limit windows", () => {
  it("allows the limit per minute, then answers with the seconds left in the window", () => {
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    expect(takeToken("k1", 2, t0).ok).toBe(true);
    expect(takeToken("k1", 2, t0 + 1000).ok).toBe(true);
    expect(takeToken("k1", 2, t0 + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(takeToken("k1", 2, t0 + 60_000).ok).toBe(true);
    expect(takeToken("k2", 0, t0).ok).toBe(true);
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
