import { describe, expect, it } from "vitest";
import { EVENT_DEFINITIONS, storedPayloadSchema } from "../modules/audit/contracts/events.ts";
import { envelopeRows, eventAnchor, eventViews } from "./event-catalog-view.ts";

describe("event-catalog-view", () => {
  const views = eventViews();

  it("shows every catalogued event once, with its version and an example that parses as stored", () => {
    expect(views.map((v) => v.type)).toEqual(EVENT_DEFINITIONS.map((d) => d.type));
    for (const [i, v] of views.entries()) {
      const def = EVENT_DEFINITIONS[i]!;
      expect(v).toMatchObject({ version: def.version, aggregate: def.aggregate, description: def.description });
      expect(v.fields.length, v.type).toBeGreaterThan(0);
      expect(storedPayloadSchema(def).safeParse(JSON.parse(v.example)).error).toBeUndefined();
    }
    expect(new Set(views.map((v) => eventAnchor(v.type))).size).toBe(views.length);
  });

  it("flattens payload fields into rows with types and requiredness", () => {
    const requested = views.find((v) => v.type === "OrderCancellationRequested")!;
    const byName = new Map(requested.fields.map((r) => [r.name, r]));
    expect(byName.get("cancellationRequestId")).toMatchObject({ type: "string", required: true });
    expect(byName.get("cancellationType")?.type).toContain("CUSTOMER_REQUEST");
    expect(byName.has("scope")).toBe(true);
    const expired = views.find((v) => v.type === "OrderCancellationExpired")!;
    expect(expired.fields.find((r) => r.name === "level")).toMatchObject({ required: false, type: "SUPERVISOR | MANAGER | DIRECTOR | VP" });
    const created = views.find((v) => v.type === "OrderCreated")!;
    expect(created.fields.some((r) => r.name === "lines[].sku" && r.required)).toBe(true);
  });

  it("lists the envelope fields once", () => {
    const { all, order } = envelopeRows();
    expect(all.map((r) => r.name)).toEqual(["actorId", "eventVersion"]);
    expect(order.map((r) => r.name)).toEqual(["orderId", "orderVersion"]);
    expect([...all, ...order].every((r) => r.required)).toBe(true);
  });
});
