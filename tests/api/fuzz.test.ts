// Hostile input against every route of the route table (lib/api/routes.ts): a route added
// to the table is probed here without anyone remembering to. Whatever is sent, the answer is never
// a 5xx, errors are problem+json, and nothing changes on the order the probes aim at.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { API_ROUTES, type ApiRouteDef } from "../../lib/api/routes.ts";
import { baseUrl, call, keyFor, orderBody } from "./client.ts";

const ALL = () => keyFor("integration@demo.test", "*");
const ROUTES = Object.entries(API_ROUTES) as [string, ApiRouteDef][];

interface Raw {
  status: number;
  headers: Headers;
  text: string;
}

async function raw(method: string, path: string, init: { key?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (method === "POST" && !("idempotency-key" in headers)) headers["idempotency-key"] = randomUUID();
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, body: init.body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Never a server error; an error is problem+json with a stable code and the status it claims. */
function expectClientError(res: Raw, what: string, status?: number, code?: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.headers.get("content-type"), what).toContain("application/problem+json");
  const body = JSON.parse(res.text);
  expect(body, what).toMatchObject({ status: res.status, code: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (status !== undefined) expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  if (code !== undefined) expect(body.code, what).toBe(code);
}

let orderId = "";
let before = "";

async function snapshot(id: string) {
  const key = await ALL();
  const order = await call("GET", `/orders/${id}`, { key });
  const history = await call("GET", `/orders/${id}/history?limit=100`, { key });
  return JSON.stringify({ order: order.body, history: history.body });
}

/** The route's path with real or made-up ids: the fixture order where there is one, random ids elsewhere. */
function pathOf(def: ApiRouteDef, replace: (name: string) => string = (n) => (n === "orderId" ? orderId : `fuzz-${n}-${randomUUID()}`)) {
  return `/api/v1${def.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(replace(name)))}`;
}

const DEEP = "[".repeat(10_000) + "]".repeat(10_000);
const DEEP_OBJECT = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);

beforeAll(async () => {
  const res = await call("POST", "/orders", { key: await ALL(), body: orderBody({}, { quantity: 3 }) });
  expect(res.status).toBe(201);
  orderId = res.body.id;
  before = await snapshot(orderId);
});

describe("every route under hostile input", () => {
  const posts = ROUTES.filter(([, d]) => d.method === "POST");

  it.each(posts)("%s: 10,000 levels of nesting (array and object) → 400 JSON_TOO_DEEP", async (name, def) => {
    const key = await ALL();
    for (const body of [DEEP, DEEP_OBJECT]) {
      expectClientError(await raw("POST", pathOf(def), { key, body, headers: { "content-type": "application/json" } }), name, 400, "JSON_TOO_DEEP");
    }
  });

  it.each(posts)("%s: malformed JSON → 400, non-JSON content-type → 415", async (name, def) => {
    const key = await ALL();
    expectClientError(await raw("POST", pathOf(def), { key, body: '{"a":', headers: { "content-type": "application/json" } }), name, 400, "MALFORMED_JSON");
    expectClientError(await raw("POST", pathOf(def), { key, body: "a=1&b=2", headers: { "content-type": "application/x-www-form-urlencoded" } }), name, 415, "UNSUPPORTED_MEDIA_TYPE");
    expectClientError(await raw("POST", pathOf(def), { key, body: "{}", headers: { "content-type": "text/plain" } }), name, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it.each(posts)("%s: bodies of the wrong shape, NUL characters, huge numbers → 4xx problem+json", async (name, def) => {
    const key = await ALL();
    const json = { "content-type": "application/json" };
    const bodies = [
      "[]",
      '"text"',
      "123",
      "null",
      "true",
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
      JSON.stringify({ reasonText: "a\u0000b", comment: "\u0000", evidence: "\u0000", reason: "\u0000", body: "\u0000", sku: "\u0000" }),
      JSON.stringify({ quantity: 1e308, amount: -1e308, points: 9007199254740993, limit: 1e99 }),
      "1e400",
      JSON.stringify({ lines: Array.from({ length: 2000 }, () => ({ orderLineId: "x", quantity: 1 })) }),
      JSON.stringify({ ["k".repeat(10_000)]: "v".repeat(100_000) }),
    ];
    for (const body of bodies) {
      const res = await raw("POST", pathOf(def), { key, body, headers: json });
      // Some shapes are valid for some routes (e.g. a body-less command ignores its body): the
      // point here is that nothing is a server error and every error is a proper problem.
      if (res.status >= 400) expectClientError(res, `${name} ${body.slice(0, 60)}`);
      else expect(res.status, `${name} ${body.slice(0, 60)}`).toBeLessThan(300);
    }
    const nul = await raw("POST", pathOf(def), { key, body: JSON.stringify({ reasonText: "a\u0000b" }), headers: json });
    expectClientError(nul, `${name} NUL`, 422, "VALIDATION_FAILED");
  });

  it.each(ROUTES)("%s: malformed percent-encoding and NUL in the path → 400 / 422", async (name, def) => {
    const key = await ALL();
    if (!def.path.includes("{")) return;
    const bad = `/api/v1${def.path.replace(/\{(\w+)\}/, "%E0%A4%A").replace(/\{(\w+)\}/g, "x")}`;
    expectClientError(await raw(def.method, bad, { key, body: def.method === "POST" ? "{}" : undefined, headers: { "content-type": "application/json" } }), name, 400, "MALFORMED_URL");
    const nul = `/api/v1${def.path.replace(/\{(\w+)\}/g, "a%00b")}`;
    expectClientError(await raw(def.method, nul, { key, body: def.method === "POST" ? "{}" : undefined, headers: { "content-type": "application/json" } }), name, 422, "VALIDATION_FAILED");
  });

  it.each(ROUTES)("%s: other methods → 405 problem+json with Allow", async (name, def) => {
    const key = await ALL();
    for (const method of ["PUT", "PATCH", "DELETE", def.method === "GET" ? "POST" : "GET"]) {
      const sameShape = ROUTES.some(([, d]) => d.path === def.path && d.method === method);
      if (sameShape) continue;
      const res = await raw(method, pathOf(def), { key, body: ["GET", "DELETE"].includes(method) ? undefined : "{}", headers: { "content-type": "application/json" } });
      expectClientError(res, `${name} ${method}`, 405, "METHOD_NOT_ALLOWED");
      const allow = (res.headers.get("allow") ?? "").split(/,\s*/);
      expect(allow, `${name} ${method}`).toContain(def.method);
      expect(allow, `${name} ${method}`).not.toContain(method);
    }
  });

  it.each(ROUTES.filter(([, d]) => d.query))("%s: hostile query values → 4xx problem+json or 200", async (name, def) => {
    const key = await ALL();
    const fields = Object.keys(def.query!.shape);
    const values = ["", "-1", "0", "1e99", "NaN", "%00", "%E0%A4%A4", "'; DROP TABLE orders; --", "x".repeat(5000), "[object Object]"];
    for (const field of fields) {
      for (const v of values) {
        const res = await raw("GET", `${pathOf(def)}?${field}=${v}`, { key });
        if (res.status >= 400) expectClientError(res, `${name} ${field}=${v.slice(0, 20)}`);
        else expect(res.status, `${name} ${field}=${v.slice(0, 20)}`).toBe(200);
      }
    }
    const malformedCursor = await raw("GET", `${pathOf(def)}?cursor=${encodeURIComponent("\u0000not-a-cursor")}`, { key });
    expect(malformedCursor.status).toBeLessThan(500);
  });

  it("unknown paths under /api/v1 → 404 problem+json", async () => {
    const key = await ALL();
    for (const path of ["/api/v1", "/api/v1/", "/api/v1/nope", "/api/v1/orders/x/unknown", "/api/v1/orders/x/history/extra", "/api/v1/compensation-tasks/x"]) {
      for (const method of ["GET", "POST"]) {
        expectClientError(await raw(method, path, { key, body: method === "POST" ? "{}" : undefined, headers: { "content-type": "application/json" } }), `${method} ${path}`, 404, "NOT_FOUND");
      }
    }
  });

  it("none of it changed the order the probes aimed at", async () => {
    expect(await snapshot(orderId)).toBe(before);
  });
});
