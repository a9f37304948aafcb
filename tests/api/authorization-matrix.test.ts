// Every GET endpoint of the route table × every kind of caller × own and other tenants' objects:
// the status follows the permission table (403: role or key scope), then the caller's reach (404),
// and a seller's 200 answers carry nothing of another store's part of a mixed order. New GET routes
// are covered as soon as they are in API_ROUTES (a path parameter this file cannot fill fails it).
import { beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES, type ApiRouteDef } from "../../lib/api/routes.ts";
import { can, parseScopes, type Role } from "../../lib/platform/auth/permissions.ts";
import { DEMO_USERS } from "../../lib/modules/demo/server/load-demo-data.ts";
import { call, keyFor } from "./client.ts";
import { leaksIn } from "../support/leaks.ts";
import { buildScopeFixture, type ScopeFixture } from "./scope-fixture.ts";

const CALLERS = {
  buyerOwner: { email: "buyer@demo.test", scopes: "*" },
  otherBuyer: { email: "buyer2@demo.test", scopes: "*" },
  sellerAcme: { email: "seller@demo.test", scopes: "*" },
  sellerGlobex: { email: "seller2@demo.test", scopes: "*" },
  ops: { email: "ops@demo.test", scopes: "*" },
  approver: { email: "manager@demo.test", scopes: "*" },
  narrowedKey: { email: "seller@demo.test", scopes: "fulfillment:write" },
} as const;
type Caller = keyof typeof CALLERS;
const ALL_CALLERS = Object.keys(CALLERS) as Caller[];
const SELLER_STORE: Partial<Record<Caller, "acme" | "globex">> = { sellerAcme: "acme", sellerGlobex: "globex", narrowedKey: "acme" };

function actorLike(caller: Caller) {
  const { email, scopes } = CALLERS[caller];
  const user = DEMO_USERS.find((u) => u.email === email)!;
  return { roles: new Set<Role>(user.roles), scopes: parseScopes(scopes) };
}

/** One way to fill a route's path: the parameters and who (permission aside) reaches the object. */
interface Case {
  label: string;
  params: Record<string, string>;
  reach: readonly Caller[];
}

// Who reaches each object of the fixture (scope.ts): a buyer their own orders, a seller the orders
// and requests touching their stores' lines, OPS and approvers everything.
const STAFF: Caller[] = ["ops", "approver"];
function casesFor(path: string, f: ScopeFixture): Case[] {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const A: Caller[] = ["buyerOwner", "sellerAcme", "sellerGlobex", "narrowedKey", ...STAFF];
  const B: Caller[] = ["otherBuyer", "sellerGlobex", ...STAFF];
  const key = params.join(",");
  switch (key) {
    case "":
      return [{ label: "", params: {}, reach: ALL_CALLERS }];
    case "orderId":
      return [
        { label: "mixed order A", params: { orderId: f.a.id }, reach: A },
        { label: "globex order B of another buyer", params: { orderId: f.b.id }, reach: B },
        { label: "unknown order", params: { orderId: "no-such-order" }, reach: [] },
      ];
    case "orderId,requestId":
      if (path.includes("/amendment-requests/")) {
        return [
          { label: "A / AM1 (order-level, both stores)", params: { orderId: f.a.id, requestId: f.am1.id }, reach: A },
          { label: "B / AM4", params: { orderId: f.b.id, requestId: f.am4.id }, reach: B },
          { label: "AM4 under order A", params: { orderId: f.a.id, requestId: f.am4.id }, reach: [] },
        ];
      }
      return [
        { label: "A / R1 over both stores", params: { orderId: f.a.id, requestId: f.r1.id }, reach: A },
        { label: "A / R2 over globex only", params: { orderId: f.a.id, requestId: f.r2.id }, reach: A.filter((c) => SELLER_STORE[c] !== "acme") },
        { label: "A / R3 over acme only", params: { orderId: f.a.id, requestId: f.r3.id }, reach: A.filter((c) => SELLER_STORE[c] !== "globex") },
        { label: "B / R4", params: { orderId: f.b.id, requestId: f.r4.id }, reach: B },
        { label: "R4 under order A", params: { orderId: f.a.id, requestId: f.r4.id }, reach: [] },
      ];
    case "caseId":
      return [
        { label: "fallout case of A", params: { caseId: f.falloutCase.id }, reach: ALL_CALLERS },
        { label: "unknown case", params: { caseId: "no-such-case" }, reach: [] },
      ];
    case "returnId":
      return [
        { label: "B's return RT4", params: { returnId: f.rt4.id }, reach: B },
        { label: "unknown return", params: { returnId: "no-such-return" }, reach: [] },
      ];
    case "webhookId":
      return [
        { label: "a webhook", params: { webhookId: f.webhook.id }, reach: ALL_CALLERS },
        { label: "unknown webhook", params: { webhookId: "no-such-webhook" }, reach: [] },
      ];
    case "withdrawTransactionId":
      return [{ label: "buyer2's withdrawal", params: { withdrawTransactionId: f.withdrawal!.transactionId }, reach: ["otherBuyer", "ops"] }];
    default:
      throw new Error(`authorization-matrix: no fixture for the path parameters {${key}} of ${path}; add a case`);
  }
}

const GET_ROUTES = Object.entries(API_ROUTES as Record<string, ApiRouteDef>).filter(([, r]) => r.method === "GET");

describe("authorization matrix over every GET route", () => {
  let f: ScopeFixture;
  const keys = {} as Record<Caller, string>;
  beforeAll(async () => {
    f = await buildScopeFixture();
    for (const c of ALL_CALLERS) keys[c] = await keyFor(CALLERS[c].email, CALLERS[c].scopes);
  });

  it("covers the route table", () => {
    expect(GET_ROUTES.map(([name]) => name)).toEqual(expect.arrayContaining(["getOrder", "getOrderHistory", "listCancellationRequests", "getCancellationRequest", "listOrders"]));
  });

  it.each(GET_ROUTES)("%s: 403 without the permission, 404 out of reach, 200 otherwise; sellers see no other store's part", async (name, route) => {
    const failures: string[] = [];
    for (const c of casesFor(route.path, f)) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(c.params[p]!));
      for (const caller of ALL_CALLERS) {
        const expected = !can(actorLike(caller), route.permission) ? 403 : c.reach.includes(caller) ? 200 : 404;
        const res = await call("GET", route.query && "limit" in route.query.shape ? `${path}?limit=100` : path, { key: keys[caller] });
        const where = `${name} ${c.label} as ${caller}`;
        if (res.status !== expected) {
          failures.push(`${where}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body).slice(0, 200)}`);
          continue;
        }
        if (expected !== 200) {
          expect(res.body.code, where).toBe(expected === 403 ? "FORBIDDEN" : "NOT_FOUND");
          continue;
        }
        const store = SELLER_STORE[caller];
        if (!store) continue;
        if (name === "listInventory") {
          // Shared locations list every store's SKUs; another store's own location never shows.
          const other = store === "acme" ? "GLOBEX-STORE" : "ACME-STORE";
          if (res.body.items.some((r: { locationCode: string }) => r.locationCode === other)) failures.push(`${where}: lists ${other}`);
          continue;
        }
        const leaked = leaksIn(res.body, f.forbidden[store]);
        if (leaked.length) failures.push(`${where}: shows ${leaked.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lists: each caller's order list holds exactly the orders of the fixture they reach, with their part's totals", async () => {
    for (const caller of ALL_CALLERS.filter((c) => can(actorLike(c), "order.read"))) {
      const res = await call("GET", "/orders?limit=100", { key: keys[caller] });
      const ids = res.body.items.map((o: { id: string }) => o.id);
      const reachA = casesFor("/orders/{orderId}", f)[0]!.reach.includes(caller);
      const reachB = casesFor("/orders/{orderId}", f)[1]!.reach.includes(caller);
      if (caller === "ops" || caller === "approver") continue; // sees everything; newer orders may push A and B off the first page
      expect([ids.includes(f.a.id), ids.includes(f.b.id)], caller).toEqual([reachA, reachB]);
    }
    const acme = (await call("GET", `/orders/${f.a.id}`, { key: keys.sellerAcme })).body;
    expect(acme).toMatchObject({ view: "STORES", totals: { total: 3690 }, payments: [] });
    expect(acme.lines.map((l: { id: string }) => l.id)).toEqual([f.acmeLine]);
    const globex = (await call("GET", `/orders/${f.a.id}`, { key: keys.sellerGlobex })).body;
    expect(globex).toMatchObject({ view: "STORES", totals: { total: 7794 }, payments: [] });
    const owner = (await call("GET", `/orders/${f.a.id}`, { key: keys.buyerOwner })).body;
    expect(owner).toMatchObject({ view: "ORDER", totals: { total: 3690 + 7794 } });
    expect(owner.payments).toHaveLength(1);
  });
});
