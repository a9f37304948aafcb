import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../platform/errors.ts";
import { addOnItems, priceAddOn } from "./add-on.ts";

const mug = { sku: "SKU-MUG", itemName: "Mug", category: "KITCHEN", storeCode: "acme", shipFromLocationCode: "DC-EAST", quantity: 3, unitPrice: 1500, taxAmount: 450 };
const pan = { ...mug, sku: "SKU-PAN", itemName: "Pan", quantity: 2, unitPrice: 4000, taxAmount: 5 };

describe("add-on pricing", () => {
  it("offers each SKU of the order once, with its first line's terms", () => {
    expect(addOnItems([mug, { ...mug, unitPrice: 1 }, pan]).map((l) => [l.sku, l.unitPrice])).toEqual([
      ["SKU-MUG", 1500],
      ["SKU-PAN", 4000],
    ]);
  });

  it("prices each unit at the price paid plus the line's tax per unit, rounded half up; no shipping or discount", () => {
    const { lines, total } = priceAddOn([mug, pan], [{ sku: "SKU-MUG", quantity: 2 }, { sku: "SKU-PAN", quantity: 1 }]);
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.taxAmount, l.shippingAmount, l.discountAmount])).toEqual([
      ["SKU-MUG", 2, 1500, 300, 0, 0],
      ["SKU-PAN", 1, 4000, 3, 0, 0],
    ]);
    expect(total).toBe(2 * 1500 + 300 + 4000 + 3);
  });

  it("refuses a SKU the order does not hold, or one named twice, with the path of each", () => {
    try {
      priceAddOn([mug], [{ sku: "SKU-TENT", quantity: 1 }, { sku: "SKU-MUG", quantity: 1 }, { sku: "SKU-MUG", quantity: 2 }]);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe("VALIDATION_FAILED");
      expect((e as { details?: { errors?: { path: string }[] } }).details?.errors?.map((x) => x.path)).toEqual(["lines[0].sku", "lines[2].sku"]);
    }
  });
});
