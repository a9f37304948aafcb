import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldPath, zodFieldErrors } from "../../../platform/contracts/field-errors.ts";
import { IntakeOrder } from "./orders.ts";

describe("field paths", () => {
  it("writes array indexes in brackets and properties with dots", () => {
    expect(fieldPath(["lines", 0, "quantity"])).toBe("lines[0].quantity");
    expect(fieldPath([0, "a"])).toBe("[0].a");
    expect(fieldPath(["orderId"], "path")).toBe("path.orderId");
    expect(fieldPath([])).toBe("(root)");
  });

  it("reports every bad field of an intake with its path", () => {
    const parsed = IntakeOrder.safeParse({
      buyerEmail: "not-an-email",
      currency: "USD",
      lines: [{ sku: "A", itemName: "A", category: "C", storeCode: "acme", quantity: 1.5, unitPrice: -1, shipFromLocationCode: "DC" }],
      payments: [{ method: "CASH", amount: 1 }],
    });
    expect(parsed.success).toBe(false);
    const paths = zodFieldErrors((parsed as { error: z.ZodError }).error).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["buyerEmail", "lines[0].quantity", "lines[0].unitPrice", "payments[0].method"]));
  });
});
