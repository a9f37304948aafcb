import { describe, expect, it } from "vitest";
import { describeCriteria, describeExpiry, formValuesOf, ruleFieldOf, ruleInputFromForm } from "./approval-rules.ts";
import { parseApprovalRule } from "../modules/approvals/domain/rules.ts";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("rule form", () => {
  it("an order-value rule typed as money becomes minor units and validates", () => {
    const r = ruleInputFromForm(form([["name", "Big"], ["type", "ORDER_VALUE_THRESHOLD"], ["minOrderValue", "500.00"], ["level", "MANAGER"], ["active", "on"]]));
    expect(r).toMatchObject({ ok: true, input: { criteria: { minOrderValue: 50_000 }, autoApprove: null, expiresAfterMinutes: null, active: true } });
    if (r.ok) expect(parseApprovalRule(r.input).ok).toBe(true);
  });
  it("an amount that is not money is a field error before anything is sent", () => {
    expect(ruleInputFromForm(form([["type", "ORDER_VALUE_THRESHOLD"], ["minOrderValue", "lots"]]))).toEqual({ ok: false, fieldErrors: { minOrderValue: "Enter an amount like 500.00" } });
  });
  it("a negative amount reaches the schema, which names the field", () => {
    const r = ruleInputFromForm(form([["name", "x"], ["type", "ORDER_VALUE_THRESHOLD"], ["minOrderValue", "-1"], ["level", "MANAGER"]]));
    if (!r.ok) throw new Error("expected input");
    const parsed = parseApprovalRule(r.input);
    expect(parsed.ok ? [] : parsed.errors.map((e) => ruleFieldOf(e.path))).toEqual(["minOrderValue"]);
  });
  it("stages, lists and auto-approval conditions", () => {
    const r = ruleInputFromForm(
      form([
        ["name", "Late"],
        ["type", "FULFILLMENT_STAGE"],
        ["stages", "PICKED"],
        ["stages", "PACKED"],
        ["level", "MANAGER"],
        ["requestTypes", "CUSTOMER_REQUEST"],
        ["allUnitsOpen", "on"],
        ["orderYoungerThanMinutes", "30"],
        ["expiresAfterMinutes", "abc"],
      ]),
    );
    expect(r).toMatchObject({
      ok: true,
      input: { criteria: { stages: ["PICKED", "PACKED"], includeBlocked: false }, autoApprove: { requestTypes: ["CUSTOMER_REQUEST"], allUnitsOpen: true, orderYoungerThanMinutes: 30 }, expiresAfterMinutes: "abc" },
    });
    const t = ruleInputFromForm(form([["type", "CUSTOMER_TYPE"], ["customerTypes", "VIP, B2B,"]]));
    expect(t.ok && t.input.criteria).toEqual({ customerTypes: ["VIP", "B2B"] });
  });
  it("maps schema paths to form fields", () => {
    expect(ruleFieldOf("criteria.stages[1]")).toBe("stages");
    expect(ruleFieldOf("autoApprove.orderYoungerThanMinutes")).toBe("orderYoungerThanMinutes");
    expect(ruleFieldOf("criteria")).toBe("criteria");
    expect(ruleFieldOf("rule")).toBe("form");
  });
  it("reads rules back as text and form values", () => {
    const rule = { id: "r", priority: 1, name: "Big", type: "ORDER_VALUE_THRESHOLD" as const, criteria: { minOrderValue: 50_000 }, level: "MANAGER" as const, active: true, autoApprove: null, onExpiry: "ESCALATE" as const, onFinalExpiry: "EXPIRE" as const, expiresAfterMinutes: 1440 };
    expect(describeCriteria(rule)).toBe("Order value ≥ $500.00");
    expect(describeExpiry(rule)).toBe("After 1 day: escalate one level; at VP the request expires");
    expect(formValuesOf(rule)).toMatchObject({ minOrderValue: "500.00", expiresAfterMinutes: "1440", type: "ORDER_VALUE_THRESHOLD" });
  });
});
