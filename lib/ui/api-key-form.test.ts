import { describe, expect, it } from "vitest";
import { apiKeyInputFromForm } from "./api-key-form.ts";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("API key form", () => {
  it("reads checked scopes, a trimmed name and email, and a blank rate limit as the default", () => {
    const r = apiKeyInputFromForm(form([["userEmail", " ops@demo.test "], ["name", " storefront "], ["scopes", "orders:read"], ["scopes", "orders:write"], ["rateLimitPerMinute", ""]]));
    expect(r).toEqual({ ok: true, input: { userEmail: "ops@demo.test", name: "storefront", scopes: ["orders:read", "orders:write"], rateLimitPerMinute: null } });
  });

  it("lets * stand for every scope and reads a rate limit as a number", () => {
    const r = apiKeyInputFromForm(form([["scopes", "orders:read"], ["scopes", "*"], ["rateLimitPerMinute", "120"]]));
    expect(r).toMatchObject({ ok: true, input: { scopes: ["*"], rateLimitPerMinute: 120 } });
  });

  it("refuses a rate limit that is not a whole number", () => {
    for (const bad of ["1.5", "-3", "ten"]) {
      expect(apiKeyInputFromForm(form([["rateLimitPerMinute", bad]]))).toEqual({ ok: false, fieldErrors: { rateLimitPerMinute: expect.any(String) } });
    }
  });
});
