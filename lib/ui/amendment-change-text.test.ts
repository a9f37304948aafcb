import { describe, expect, it } from "vitest";
import { changeText, lineNamesOf } from "./amendment-change-text.ts";

const LINES = lineNamesOf([{ id: "L1", lineNumber: 1, sku: "SKU-MUG" }]);
const line = (command: "ChangeLineQuantity" | "SubstituteItem" | "ChangeUnitPrice", oldValue: unknown, newValue: unknown, orderLineId = "L1") => ({
  command,
  orderLineId,
  oldValue,
  newValue,
});

describe("an amendment's change in words", () => {
  it("line changes name the line and its item; prices are money in the order's currency", () => {
    expect(changeText(line("ChangeLineQuantity", 2, 3), LINES, "USD")).toEqual({ label: "Quantity of line 1 (SKU-MUG)", before: "2", after: "3" });
    expect(changeText(line("ChangeUnitPrice", 2000, 1800), LINES, "USD")).toEqual({ label: "Unit price of line 1 (SKU-MUG)", before: "$20.00", after: "$18.00" });
    expect(changeText(line("SubstituteItem", "SKU-MUG", "SKU-MUG-BLUE"), LINES, "USD")).toEqual({ label: "Item of line 1", before: "SKU-MUG", after: "SKU-MUG-BLUE" });
    expect(changeText(line("ChangeUnitPrice", 2000, 1800), LINES, "EUR").after).toBe("€18.00");
  });

  it("a line the page does not show is still readable; order fields keep their words", () => {
    expect(changeText(line("ChangeLineQuantity", 2, 1, "L9"), LINES, "USD").label).toBe("Quantity of a line");
    expect(changeText({ command: "ChangeDeliveryNote", orderLineId: null, oldValue: null, newValue: "Ring twice" }, LINES, "USD")).toEqual({
      label: "Note for the carrier",
      before: "—",
      after: "Ring twice",
    });
  });
});
