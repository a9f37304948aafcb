import { describe, expect, it } from "vitest";
import { addOnFieldOf, addOnFromForm } from "./add-on-form.ts";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("add-on form", () => {
  it("reads one line per item with a quantity, and the payment shown", () => {
    const input = addOnFromForm(form([["reasonCode", "ADD_ITEMS"], ["qty:SKU-MUG", "2"], ["qty:SKU-PAN", "0"], ["qty:SKU-TENT", " "], ["qty:SKU-LAMP", "x"], ["paymentMethod", "CARD"], ["amount", "3300"]]));
    expect(input).toEqual({
      reasonCode: "ADD_ITEMS",
      lines: [{ sku: "SKU-MUG", quantity: 2 }, { sku: "SKU-LAMP", quantity: "x" }],
      payment: { method: "CARD", amount: 3300 },
    });
  });

  it("places messages at the item, above the items, or at the total", () => {
    const lines = [{ sku: "SKU-MUG", quantity: 2 }];
    expect(addOnFieldOf("lines[0].quantity", { lines })).toBe("qty:SKU-MUG");
    expect(addOnFieldOf("lines[0].sku", { lines })).toBe("qty:SKU-MUG");
    expect(addOnFieldOf("lines[3].quantity", { lines })).toBe("lines");
    expect(addOnFieldOf("lines", { lines })).toBe("lines");
    expect(addOnFieldOf("payments", { lines })).toBe("amount");
    expect(addOnFieldOf("payments[0].amount", { lines })).toBe("amount");
    expect(addOnFieldOf("payment.method", { lines })).toBe("amount");
    expect(addOnFieldOf("reasonCode", { lines })).toBe("reasonCode");
  });
});
