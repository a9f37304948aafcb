import { describe, expect, it } from "vitest";
import { failingTooLong, judgeAttempt, nextAttemptAt, parseRetryAfter, retryDelayMs, RETRY_WINDOW_MS } from "./retry.ts";

const now = new Date("2030-01-01T00:00:00Z");

describe("judgeAttempt", () => {
  it("2xx is delivered", () => {
    for (const s of [200, 201, 204, 299]) expect(judgeAttempt({ statusCode: s }, now).kind).toBe("DELIVERED");
  });

  it("5xx, 429 and network errors are retried; 429 carries Retry-After", () => {
    for (const s of [500, 502, 503, 504, 599]) expect(judgeAttempt({ statusCode: s }, now).kind).toBe("RETRY");
    expect(judgeAttempt({ statusCode: 429, retryAfter: "120" }, now)).toEqual({ kind: "RETRY", reason: "HTTP 429", retryAfterMs: 120_000 });
    expect(judgeAttempt({ error: "timed out", retryable: true }, now).kind).toBe("RETRY");
  });

  it("other 4xx and 3xx fail at once; 410 also disables the endpoint; a refused target fails", () => {
    for (const s of [400, 401, 403, 404, 413, 422]) expect(judgeAttempt({ statusCode: s }, now)).toMatchObject({ kind: "FAILED", disableEndpoint: false });
    expect(judgeAttempt({ statusCode: 301 }, now)).toMatchObject({ kind: "FAILED", reason: expect.stringMatching(/redirect/) });
    expect(judgeAttempt({ statusCode: 410 }, now)).toMatchObject({ kind: "FAILED", disableEndpoint: true });
    expect(judgeAttempt({ error: "private", retryable: false }, now)).toMatchObject({ kind: "FAILED", disableEndpoint: false });
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates; ignores garbage", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:02:00 GMT", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 31 Dec 2029 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("retry schedule", () => {
  it("the first retry comes within 10 s, then each waits about twice as long, jittered, capped at 6 h", () => {
    expect(retryDelayMs(1, 0)).toBe(5_000);
    expect(retryDelayMs(1, 0.999)).toBeLessThanOrEqual(10_000);
    expect(retryDelayMs(2, 0)).toBe(10_000);
    expect(retryDelayMs(3, 0)).toBe(20_000);
    expect(retryDelayMs(30, 0.999)).toBeLessThanOrEqual(6 * 3600_000);
    const samples = Array.from({ length: 200 }, () => retryDelayMs(4));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(40_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(80_000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it("retries for about a day, then gives up", () => {
    for (const random of [0, 0.5, 0.999]) {
      let t = now;
      let n = 0;
      for (;;) {
        const at = nextAttemptAt({ n: ++n, now: t, roundStartedAt: now, random });
        if (!at) break;
        t = at;
      }
      expect(t.getTime() - now.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
      expect(t.getTime() - now.getTime()).toBeGreaterThan(12 * 3600_000);
      expect(n).toBeGreaterThan(8);
      expect(n).toBeLessThan(20);
    }
  });

  it("Retry-After wins when it asks for longer than the backoff", () => {
    expect(nextAttemptAt({ n: 1, now, roundStartedAt: now, retryAfterMs: 60_000, random: 0 })).toEqual(new Date(now.getTime() + 60_000));
    expect(nextAttemptAt({ n: 1, now, roundStartedAt: now, retryAfterMs: 1_000, random: 0 })).toEqual(new Date(now.getTime() + 5_000));
    expect(nextAttemptAt({ n: 1, now: new Date(now.getTime() + RETRY_WINDOW_MS - 1000), roundStartedAt: now, random: 0 })).toBeNull();
  });

  it("an endpoint failing for a day is disabled", () => {
    expect(failingTooLong(null, now)).toBe(false);
    expect(failingTooLong(new Date(now.getTime() - 23 * 3600_000), now)).toBe(false);
    expect(failingTooLong(new Date(now.getTime() - 24 * 3600_000), now)).toBe(true);
  });
});
