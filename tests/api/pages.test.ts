// Pages with a real session cookie (signed in through next-auth like the login form does):
// role-gated pages answer 404 with none of their data for the wrong role, and the seller's order
// page shows only the seller's store's part of a mixed order.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/modules/demo/server/load-demo-data.ts";
import { baseUrl, call, keyFor } from "./client.ts";
import { leaksInHtml } from "../support/leaks.ts";
import { buildScopeFixture, type ScopeFixture } from "./scope-fixture.ts";

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in with email and password through next-auth's credentials callback; returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return session;
}

async function page(path: string, cookie: string) {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

/** Order numbers a caller can read over the API: what their session would show on a page. */
async function orderNumbers(email: string): Promise<string[]> {
  const res = await call("GET", "/orders?limit=100", { key: await keyFor(email, "orders:read") });
  return res.body.items.map((o: { number: string }) => o.number);
}

describe("pages with a session", () => {
  let f: ScopeFixture;
  const sessions: Record<string, string> = {};
  beforeAll(async () => {
    f = await buildScopeFixture({ withdrawal: false });
    for (const email of ["buyer@demo.test", "seller@demo.test", "seller2@demo.test", "ops@demo.test", "manager@demo.test"]) sessions[email] = await signIn(email);
  });

  it("a role-gated page answers the wrong role with a 404 that carries none of the page's data", async () => {
    const buyerOrders = await orderNumbers("buyer@demo.test");
    const sellerOrders = await orderNumbers("seller@demo.test");
    expect(buyerOrders).toContain(f.a.number);
    expect(sellerOrders).toContain(f.a.number);
    const wrong: [string, string, string[]][] = [
      // [path, session of a role the area is not for, data that page would show them]
      ["/seller/orders", "buyer@demo.test", buyerOrders],
      [`/seller/orders/${f.a.id}`, "buyer@demo.test", [f.a.number, f.sku.acme, f.sku.globex]],
      [`/seller/orders/${f.a.id}/fulfil`, "buyer@demo.test", [f.a.number, f.sku.acme]],
      ["/seller/tasks", "buyer@demo.test", [f.a.number]],
      ["/orders", "seller@demo.test", sellerOrders],
      [`/orders/${f.a.id}`, "seller@demo.test", [f.a.number, f.sku.acme, f.notes.globex]],
      [`/orders/${f.a.id}/cancel`, "seller@demo.test", [f.a.number, f.sku.acme]],
      ["/points", "seller@demo.test", []],
      ["/approvals", "seller@demo.test", [f.a.number]],
      [`/approvals/${f.a.id}/${f.r3.id}`, "buyer@demo.test", [f.a.number, f.r3.number, f.sku.acme]],
      ["/ops/fallout", "seller@demo.test", [f.falloutCase.number, f.a.number]],
      [`/ops/fallout/${f.falloutCase.id}`, "seller@demo.test", [f.falloutCase.number, f.a.number]],
      ["/ops/reconciliation", "buyer@demo.test", []],
      ["/ops/approval-rules", "manager@demo.test", ["High-value orders"]],
      ["/ops/webhooks", "seller@demo.test", [f.webhook.url]],
      [`/ops/webhooks/${f.webhook.id}`, "seller@demo.test", [f.webhook.url]],
    ];
    const failures: string[] = [];
    for (const [path, email, data] of wrong) {
      const { status, html } = await page(path, sessions[email]!);
      const shown = data.filter((d) => html.includes(d));
      if (status !== 404 || shown.length) failures.push(`${path} as ${email}: ${status}${shown.length ? `, shows ${shown.join(", ")}` : ""}`);
    }
    expect(failures).toEqual([]);

    // The right role gets the page and its data (so the checks above can see data when it is there).
    const right: [string, string, string][] = [
      ["/seller/orders", "seller@demo.test", f.a.number],
      ["/orders", "buyer@demo.test", f.a.number],
      [`/ops/fallout/${f.falloutCase.id}`, "ops@demo.test", f.falloutCase.number],
      ["/ops/approval-rules", "ops@demo.test", "High-value orders"],
      [`/ops/webhooks/${f.webhook.id}`, "ops@demo.test", f.webhook.url],
    ];
    for (const [path, email, text] of right) {
      const { status, html } = await page(path, sessions[email]!);
      expect([path, status, html.includes(text)]).toEqual([path, 200, true]);
    }
  });

  it("signed out, a role-gated page sends the visitor to the login page", async () => {
    const res = await fetch(`${baseUrl()}/seller/orders`, { redirect: "manual" });
    expect([307, 308, 303, 302]).toContain(res.status);
    expect(new URL(res.headers.get("location")!, baseUrl()).pathname).toBe("/login");
    expect(await res.text()).not.toContain(f.a.number);
  });

  it("the seller's order page shows their store's lines, amounts and notes, and nothing of the other store's", async () => {
    for (const [email, store] of [["seller@demo.test", "acme"], ["seller2@demo.test", "globex"]] as const) {
      const { status, html } = await page(`/seller/orders/${f.a.id}`, sessions[email]!);
      expect(status).toBe(200);
      expect(html).toContain(f.sku[store]);
      expect(html).toContain(f.notes[store]);
      expect([email, leaksInHtml(html, f.forbidden[store])]).toEqual([email, []]);
    }
    // The whole order on the buyer's page, for contrast.
    const { html } = await page(`/orders/${f.a.id}`, sessions["buyer@demo.test"]!);
    expect(html).toContain(f.sku.acme);
    expect(html).toContain(f.sku.globex);
  });
});
