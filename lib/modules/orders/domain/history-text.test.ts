import { describe, expect, it } from "vitest";
import { formatStoredAmounts, historyDescription } from "./history-text.ts";

describe("historyDescription", () => {
  it("renders a refund from its data in the order's currency", () => {
    expect(historyDescription({ action: "REFUND_PROCESSED", description: "Refunded 4860 USD to the original payment", data: { refundedNow: 4860 } }, "USD")).toBe(
      "Refunded $48.60 to the original payment",
    );
    expect(historyDescription({ action: "RETURN_COMPLETED", description: "x", data: { number: "RT-000002", refunded: 1500 } }, "EUR")).toBe("Return RT-000002 completed: €15.00 refunded");
  });

  it("rewrites raw minor units in stored text of older entries", () => {
    expect(historyDescription({ action: "CANCELLATION_EXECUTED", description: "Cancellation CR-000001: 2 unit(s) cancelled, refund 19224 USD due", data: {} }, "USD")).toBe(
      "Cancellation CR-000001: 2 unit(s) cancelled, refund $192.24 due",
    );
    expect(formatStoredAmounts("refund 500 JPY owed", "JPY")).toBe("refund ¥500 owed");
  });

  it("keeps text without amounts, other currencies and already formatted amounts", () => {
    expect(formatStoredAmounts("Return RT-1: 3 unit(s) to come back", "USD")).toBe("Return RT-1: 3 unit(s) to come back");
    expect(formatStoredAmounts("refund 100 EUR", "USD")).toBe("refund 100 EUR");
    expect(formatStoredAmounts("refund $1.00 due", "USD")).toBe("refund $1.00 due");
  });

  it("falls back to the stored description when the data lacks what the renderer needs", () => {
    expect(historyDescription({ action: "REFUND_PROCESSED", description: "Refunded 12 USD", data: null }, "USD")).toBe("Refunded $0.12");
    expect(historyDescription({ action: "SOMETHING_NEW", description: "Note added", data: { refundedNow: 5 } }, "USD")).toBe("Note added");
  });
});
