// Tiny HTTP client for API tests: real fetches against the server started by api-global-setup.
import { expect, inject } from "vitest";
import { randomUUID } from "node:crypto";
import { createApiKey } from "../support/app-server.ts";

export const baseUrl = () => inject("TEST_BASE_URL");
export const databaseUrl = () => inject("TEST_DATABASE_URL");

const keys = new Map<string, Promise<string>>();
/** One key per (user, scopes, rate limit), created with the real CLI. */
export function keyFor(email: string, scopes = "*", rateLimit?: number): Promise<string> {
  const id = `${email}|${scopes}|${rateLimit ?? ""}`;
  if (!keys.has(id)) keys.set(id, createApiKey(databaseUrl(), email, scopes, { name: `test ${scopes}`, rateLimit }));
  return keys.get(id)!;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string | null;
  ifMatch?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(method: "GET" | "POST" | "DELETE", path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (method === "POST") {
    headers["content-type"] = "application/json";
    if (options.idempotencyKey !== null) headers["idempotency-key"] = options.idempotencyKey ?? randomUUID();
  }
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  const send = () =>
    fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers,
      body: method === "POST" ? (options.rawBody ?? JSON.stringify(options.body ?? {})) : undefined,
    });
  // A pooled keep-alive socket the server closed while the test was busy elsewhere (e.g. running
  // the CLI for seconds) fails before the request was sent. Retrying once is safe: GETs change
  // nothing and a POST carries the same Idempotency-Key, so the server answers it at most once.
  const res = await send().catch((e: unknown) => {
    if (!isResetSocket(e)) throw e;
    return send();
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

function isResetSocket(e: unknown): boolean {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return e instanceof TypeError && (cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET" || /other side closed/.test(cause?.message ?? ""));
}

let n = 0;
export function orderBody(overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) {
  const quantity = (line.quantity as number) ?? 5;
  return {
    externalRef: `api-${Date.now()}-${++n}-${Math.random().toString(36).slice(2, 6)}`,
    buyerEmail: "buyer@demo.test",
    customerType: "STANDARD",
    currency: "USD",
    lines: [
      {
        sku: "SKU-MUG",
        itemName: "Mug",
        category: "KITCHEN",
        storeCode: "acme",
        quantity,
        unitPrice: 2000,
        taxAmount: 200 * quantity,
        shippingAmount: 0,
        discountAmount: 0,
        shipFromLocationCode: "DC-EAST",
        ...line,
      },
    ],
    payments: [{ method: "CARD", amount: quantity * 2200 }],
    ...overrides,
  };
}

/** Asserts an RFC 9457 problem with this status and code. */
export function expectProblem(res: { status: number; headers: Headers; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code });
}
