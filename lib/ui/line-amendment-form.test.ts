import { describe, expect, it } from "vitest";
import { changeableLines, currentLinesOf, lineChangesFromForm, lineInputDefault } from "./line-amendment-form.ts";

const LINES = {
  L1: { lineNumber: 1, sku: "SKU-MUG", quantity: 2, unitPrice: 2000 },
  L2: { lineNumber: 2, sku: "SKU-PAN", quantity: 3, unitPrice: 4550 },
};

function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** The seller's inputs as the page renders them, with some edited. */
const sellerForm = (edits: Record<string, string> = {}) =>
  formOf({
    "lines.L1.quantity": "2",
    "lines.L1.sku": "SKU-MUG",
    "lines.L1.unitPrice": "20.00",
    "lines.L2.quantity": "3",
    "lines.L2.sku": "SKU-PAN",
    "lines.L2.unitPrice": "45.50",
    ...edits,
  });

describe("the lines of the change-order form as amendment changes", () => {
  it("inputs show the line as it is; untouched inputs change nothing", () => {
    expect(lineInputDefault(LINES.L2, "unitPrice")).toBe("45.50");
    expect(lineInputDefault(LINES.L2, "quantity")).toBe("3");
    expect(lineChangesFromForm(sellerForm(), LINES)).toEqual({ changes: [], inputs: [], fieldErrors: {} });
  });

  it("a new quantity, item and price each become one change naming the old value; prices go in minor units, exactly", () => {
    const { changes, inputs, fieldErrors } = lineChangesFromForm(
      sellerForm({ "lines.L1.quantity": " 3 ", "lines.L2.sku": "SKU-PAN-XL", "lines.L2.unitPrice": "1,234.1" }),
      LINES,
    );
    expect(fieldErrors).toEqual({});
    expect(changes).toEqual([
      { path: "/lines/L1/quantity", op: "REPLACE", oldValue: 2, newValue: 3 },
      { path: "/lines/L2/sku", op: "REPLACE", oldValue: "SKU-PAN", newValue: "SKU-PAN-XL" },
      { path: "/lines/L2/unitPrice", op: "REPLACE", oldValue: 4550, newValue: 123410 },
    ]);
    expect(inputs).toEqual(["lines.L1.quantity", "lines.L2.sku", "lines.L2.unitPrice"]);
    // 0.29 and 0.57 are the classic float traps (0.29 * 100 = 28.999…).
    const cents = lineChangesFromForm(sellerForm({ "lines.L1.unitPrice": "0.29", "lines.L2.unitPrice": "0.57" }), LINES).changes.map((c) => c.newValue);
    expect(cents).toEqual([29, 57]);
  });

  it("a page that shows only quantities (the buyer's) sends only quantity changes", () => {
    const { changes } = lineChangesFromForm(formOf({ "lines.L1.quantity": "5", "lines.L2.quantity": "3" }), LINES);
    expect(changes).toEqual([{ path: "/lines/L1/quantity", op: "REPLACE", oldValue: 2, newValue: 5 }]);
  });

  it("0, fractions, blanks and words are field messages, not changes; 0 points to cancelling", () => {
    const { changes, fieldErrors } = lineChangesFromForm(
      sellerForm({ "lines.L1.quantity": "0", "lines.L2.quantity": "2.5", "lines.L1.sku": " ", "lines.L1.unitPrice": "18.005", "lines.L2.unitPrice": "-1" }),
      LINES,
    );
    expect(changes).toEqual([]);
    expect(fieldErrors["lines.L1.quantity"]).toMatch(/cancel it from the order page/);
    expect(fieldErrors["lines.L2.quantity"]).toMatch(/whole number/);
    expect(fieldErrors["lines.L1.sku"]).toMatch(/Enter the SKU/);
    expect(fieldErrors["lines.L1.unitPrice"]).toMatch(/at most two decimals/);
    expect(fieldErrors["lines.L2.unitPrice"]).toMatch(/can't be negative/);
    expect(lineChangesFromForm(formOf({ "lines.L1.quantity": "" }), LINES).fieldErrors["lines.L1.quantity"]).toMatch(/Enter the number of units/);
  });
});

describe("the lines a change-order page offers", () => {
  const q = (over: Record<string, number>) => ({ open: 0, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, ...over });
  const line = (id: string, quantities: ReturnType<typeof q>) => ({ id, lineNumber: 1, sku: "SKU-MUG", itemName: "Mug", unitPrice: 2000, quantities });

  it("the quantity is the units neither cancelled nor returned; fully shipped, cancelled or returned lines are not offered", () => {
    const lines = changeableLines([
      line("A", q({ open: 2, packed: 1, shipped: 1, cancelled: 3 })),
      line("B", q({ shipped: 1, delivered: 2, cancelled: 1 })),
      line("C", q({ cancelled: 2, returned: 1 })),
    ]);
    expect(lines).toEqual([{ id: "A", lineNumber: 1, sku: "SKU-MUG", itemName: "Mug", unitPrice: 2000, quantity: 4 }]);
    expect(currentLinesOf(lines)).toEqual({ A: { lineNumber: 1, sku: "SKU-MUG", quantity: 4, unitPrice: 2000 } });
  });
});
