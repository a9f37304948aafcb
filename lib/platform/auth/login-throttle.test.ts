import { describe, expect, it } from "vitest";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "./login-throttle.ts";

// Defaults: 10 failures per IP address and email, 100 per IP address, within 15 minutes (counted in memory here).
describe("sign-in throttle", () => {
  it("blocks an address for an email after 10 failures, for the rest of the window, other emails and addresses unaffected", async () => {
    const ip = `10.0.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 9; i++) await recordLoginFailure(ip, "a@demo.test");
    expect(await loginBlockedFor(ip, "a@demo.test")).toBe(0);
    await recordLoginFailure(ip, "a@demo.test");
    const wait = await loginBlockedFor(ip, "a@demo.test");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(await loginBlockedFor(ip, "b@demo.test")).toBe(0);
    expect(await loginBlockedFor("10.9.9.9", "a@demo.test")).toBe(0);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const ip = "192.0.2.7";
    for (let i = 0; i < 9; i++) await recordLoginFailure(ip, "c@demo.test");
    await clearLoginFailures(ip, "c@demo.test");
    await recordLoginFailure(ip, "c@demo.test");
    expect(await loginBlockedFor(ip, "c@demo.test")).toBe(0);
  });

  it("blocks an address trying many emails after 100 failures in all", async () => {
    const ip = "198.51.100.3";
    for (let i = 0; i < 100; i++) await recordLoginFailure(ip, `user${i}@demo.test`);
    expect(await loginBlockedFor(ip, "fresh@demo.test")).toBeGreaterThan(0);
  });
});
