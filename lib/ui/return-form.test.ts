import { describe, expect, it } from "vitest";
import { receiptFieldOf, receiptFromForm, returnFieldOf, returnFromForm, returnableOf, stillExpected } from "./return-form.ts";

const formOf = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
};

describe("the return form", () => {
  it("reads one line per quantity entered, leaving blank and zero lines out", () => {
    const input = returnFromForm(formOf({ "qty:l1": "2", "qty:l2": "0", "qty:l3": " ", "qty:l4": "x", reasonCode: "WRONG_ITEM", reasonText: "  " }));
    expect(input).toEqual({ reasonCode: "WRONG_ITEM", reasonText: undefined, lines: [{ orderLineId: "l1", quantity: 2 }, { orderLineId: "l4", quantity: "x" }], refundMethod: "ORIGINAL_PAYMENT" });
  });

  it("puts a message about a listed line next to that line's quantity, others by name", () => {
    const input = { lines: [{ orderLineId: "l1", quantity: 2 }, { orderLineId: "l4", quantity: "x" }] };
    expect(returnFieldOf("lines[1].quantity", input)).toBe("qty:l4");
    expect(returnFieldOf("lines[0].orderLineId", input)).toBe("qty:l1");
    expect(returnFieldOf("lines[7].quantity", input)).toBe("lines");
    expect(returnFieldOf("lines", input)).toBe("lines");
    expect(returnFieldOf("reasonCode", input)).toBe("reasonCode");
  });
});

describe("the receipt form", () => {
  it("reads the line, quantity, disposition and an upper-cased location", () => {
    expect(receiptFromForm(formOf({ orderLineId: "l1", quantity: "1", disposition: "DAMAGED", locationCode: "dc-east" }))).toEqual({
      lines: [{ orderLineId: "l1", quantity: 1, disposition: "DAMAGED" }],
      locationCode: "DC-EAST",
    });
    expect(receiptFromForm(formOf({ orderLineId: "l1", quantity: "", disposition: "" }))).toEqual({ lines: [{ orderLineId: "l1", quantity: undefined, disposition: undefined }], locationCode: undefined });
  });

  it("maps the command's paths to the form's inputs", () => {
    expect(receiptFieldOf("lines[0].quantity")).toBe("quantity");
    expect(receiptFieldOf("lines[0].disposition")).toBe("disposition");
    expect(receiptFieldOf("lines")).toBe("quantity");
    expect(receiptFieldOf("locationCode")).toBe("locationCode");
  });

  it("counts returnable and still expected units", () => {
    expect(returnableOf({ shipped: 2, delivered: 1 })).toBe(3);
    expect(stillExpected({ quantity: 2, received: 1 })).toBe(1);
    expect(stillExpected({ quantity: 2, received: 2 })).toBe(0);
  });
});
