import { describe, expect, it } from "vitest";
import { inspectJson, isJsonContentType, MAX_JSON_DEPTH, nulFieldErrors } from "../platform/http/json-guard.ts";
import { requestHash } from "../platform/http/idempotency.ts";
import { isDecodablePath, methodsForApiPath } from "./route-match.ts";

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe("inspectJson", () => {
  it("accepts ordinary bodies and scalars", () => {
    expect(inspectJson({ lines: [{ orderLineId: "x", quantity: 2 }], note: "ok" })).toEqual({ ok: true });
    expect(inspectJson("text")).toEqual({ ok: true });
    expect(inspectJson(null)).toEqual({ ok: true });
  });

  it("accepts nesting up to the limit and refuses one level more", () => {
    expect(inspectJson(nested(MAX_JSON_DEPTH))).toEqual({ ok: true });
    expect(inspectJson(nested(MAX_JSON_DEPTH + 1))).toMatchObject({ ok: false, reason: "TOO_DEEP" });
  });

  it("refuses 10,000 levels without overflowing the stack", () => {
    const text = "[".repeat(10_000) + "]".repeat(10_000);
    expect(inspectJson(JSON.parse(text))).toMatchObject({ ok: false, reason: "TOO_DEEP" });
    expect(inspectJson(nested(100_000))).toMatchObject({ ok: false, reason: "TOO_DEEP" });
  });

  it("names every string and key holding a NUL character", () => {
    const r = inspectJson({ reasonText: "a\u0000b", lines: [{ sku: "ok" }, { sku: "\u0000" }], ["k\u0000"]: 1 });
    expect(r).toMatchObject({ ok: false, reason: "NUL_CHARACTER" });
    const paths = (r as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(["k\\u0000", "lines.1.sku", "reasonText"]);
  });

  it("flat records: NUL in a value or key", () => {
    expect(nulFieldErrors(Object.entries({ orderId: "a\u0000" }), "path")).toEqual([{ path: "path.orderId", message: expect.any(String) }]);
    expect(nulFieldErrors(Object.entries({ status: "OPEN" }), "query")).toEqual([]);
  });
});

describe("requestHash", () => {
  it("hashes a body at the depth limit (the wrapper refuses deeper ones before hashing)", () => {
    expect(requestHash("POST", "/x", nested(MAX_JSON_DEPTH))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("isJsonContentType", () => {
  it.each([
    [null, true],
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON", true],
    ["application/merge-patch+json", true],
    ["text/plain", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data; boundary=x", false],
    ["application/jsonp", false],
  ])("%s → %s", (header, ok) => {
    expect(isJsonContentType(header)).toBe(ok);
  });
});

describe("methodsForApiPath", () => {
  it("knows every route of the table, literal segments first", () => {
    expect(methodsForApiPath("/orders")).toEqual(["GET", "POST"]);
    expect(methodsForApiPath("/orders/abc")).toEqual(["GET"]);
    expect(methodsForApiPath("/orders/abc/cancellation-requests/r1/approve")).toEqual(["POST"]);
    expect(methodsForApiPath("/openapi.json")).toEqual(["GET"]);
    expect(methodsForApiPath("/inventory/adjustments")).toEqual(["POST"]);
  });

  it("unknown shapes → null", () => {
    expect(methodsForApiPath("/nope")).toBeNull();
    expect(methodsForApiPath("/orders/abc/unknown")).toBeNull();
    expect(methodsForApiPath("/orders//history")).toBeNull();
    expect(methodsForApiPath("/")).toBeNull();
  });

  it("malformed percent-encoding is detected", () => {
    expect(isDecodablePath("/api/v1/orders/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/api/v1/orders/%ZZ")).toBe(false);
    expect(isDecodablePath("/api/v1/orders/%E0%A4%A4")).toBe(true);
  });
});
