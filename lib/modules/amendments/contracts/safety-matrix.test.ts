import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_SAFETY_MATRIX, safetyOf } from "../domain/safety-matrix.ts";
import { parseSafetyMatrix, SafetyMatrixSchema } from "./safety-matrix.ts";

const copy = () => JSON.parse(JSON.stringify(DEFAULT_SAFETY_MATRIX));

describe("SafetyMatrixSchema", () => {
  it("accepts the defaults and an edited matrix, which safetyOf then reads", () => {
    expect(parseSafetyMatrix(copy()).success).toBe(true);
    const edited = copy();
    edited.ChangeDeliveryNote.SHIPPED = { result: "REQUIRES_APPROVAL", level: "VP" };
    const r = parseSafetyMatrix(edited);
    expect(r.success && safetyOf(r.data, { kind: "ChangeDeliveryNote" }, "SHIPPED")).toEqual({ result: "REQUIRES_APPROVAL", level: "VP" });
  });

  it("refuses a missing row or phase, an unknown result, level or row, and an approval without level", () => {
    const bad: [string, (m: Record<string, Record<string, unknown>>) => void][] = [
      ["missing row", (m) => delete m.ChangeUnitPrice],
      ["missing phase", (m) => delete m.ChangeContact!.SHIPPED],
      ["unknown result", (m) => (m.ChangeContact!.SHIPPED = { result: "MAYBE" })],
      ["unknown level", (m) => (m.ChangeContact!.SHIPPED = { result: "REQUIRES_APPROVAL", level: "CEO" })],
      ["no level", (m) => (m.ChangeContact!.SHIPPED = { result: "REQUIRES_APPROVAL" })],
      ["level on ALLOWED", (m) => (m.ChangeContact!.SHIPPED = { result: "ALLOWED", level: "VP" })],
      ["a decrease row", (m) => (m.ChangeLineQuantityDecrease = { ...m.ChangeContact })],
    ];
    for (const [name, edit] of bad) {
      const m = copy();
      edit(m);
      expect(parseSafetyMatrix(m).success, name).toBe(false);
    }
  });

  it("turns into JSON Schema for the OpenAPI document", () => {
    expect(() => z.toJSONSchema(SafetyMatrixSchema)).not.toThrow();
  });
});
