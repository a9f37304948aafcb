import { describe, expect, it } from "vitest";
import { changeText, historyChangeTexts, lineNamesOf } from "./amendment-change-text.ts";

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

describe("an amendment's history entry in words", () => {
  it("reads the recorded changes by their paths", () => {
    const data = {
      number: "AM-1",
      changes: [
        { path: "/lines/L1/quantity", op: "REPLACE", oldValue: 2, newValue: 3 },
        { path: "/lines/L1/unitPrice", oldValue: 2000, newValue: 1800 },
        { path: "/contact/phone", oldValue: null, newValue: "+1 555 0199" },
      ],
    };
    expect(historyChangeTexts(data, LINES, "USD")).toEqual([
      { label: "Quantity of line 1 (SKU-MUG)", before: "2", after: "3" },
      { label: "Unit price of line 1 (SKU-MUG)", before: "$20.00", after: "$18.00" },
      { label: "Contact", before: "—", after: "+1 555 0199" },
    ]);
  });

  it("entries without readable changes are left to their description", () => {
    expect(historyChangeTexts(null, LINES, "USD")).toBeNull();
    expect(historyChangeTexts({ reason: "x" }, LINES, "USD")).toBeNull();
    expect(historyChangeTexts({ changes: [{ path: "/colour", newValue: "red" }] }, LINES, "USD")).toBeNull();
  });
});
