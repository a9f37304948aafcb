import { describe, expect, it } from "vitest";
import { openApiDocument } from "../api/openapi.ts";
import { API_ROUTES } from "../api/routes.ts";
import { errorAnchor, fieldRows, groupByTag, operationsOf, type OpenApiDoc } from "./openapi-view.ts";

const doc = openApiDocument() as OpenApiDoc;

describe("openapi-view", () => {
  it("lists every API route once, grouped by tag", () => {
    const ops = operationsOf(doc);
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(API_ROUTES).sort());
    expect(groupByTag(ops).map(([tag]) => tag)).toEqual(expect.arrayContaining(["Orders", "Fulfilment", "Inventory"]));
  });

  it("flattens the fulfilment event body into readable field rows", () => {
    const op = operationsOf(doc).find((o) => o.operationId === "recordFulfillmentEvent")!;
    expect(op.requestSchemaName).toBe("FulfillmentEvent");
    const byName = new Map(op.requestFields.map((r) => [r.name, r]));
    expect(byName.get("type")).toMatchObject({ required: true, type: "ALLOCATE | RELEASE | PICK | PACK | SHIP | DELIVER" });
    expect(byName.get("lines[].quantity")).toMatchObject({ type: "integer", required: true, constraints: ["> 0", "≤ 1,000,000"] });
    expect(byName.get("trackingNumber")?.required).toBe(false);
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["path:orderId", "header:Idempotency-Key", "header:If-Match"]);
  });

  it("hides zod's safe-integer bounds and resolves $refs", () => {
    const rows = fieldRows(doc, { $ref: "#/components/schemas/Order" });
    expect(rows.find((r) => r.name === "version")?.constraints).toEqual([]);
    expect(rows.some((r) => r.name === "lines[].quantities.shipped")).toBe(true);
  });

  it("builds the anchors problem type URIs point to", () => {
    expect(errorAnchor("VERSION_MISMATCH")).toBe("error-version-mismatch");
  });
});
