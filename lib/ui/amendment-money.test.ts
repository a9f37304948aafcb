import { describe, expect, it } from "vitest";
import { amendmentMoney } from "./amendment-money.ts";

describe("an amendment's money as pages show it", () => {
  it("adds up the refunds for cancelled units apart from the amendment's own charge and refund", () => {
    const impact = {
      charge: 1650,
      refund: 0,
      lines: [{ cancellation: null }, { cancellation: { refund: { total: 1100 } } }, { cancellation: { refund: { total: 550 } } }, { cancellation: { refund: null } }],
    };
    expect(amendmentMoney(impact)).toEqual({ charge: 1650, refund: 0, cancelledRefund: 1650 });
    expect(amendmentMoney({ charge: 0, refund: 600, lines: [] })).toEqual({ charge: 0, refund: 600, cancelledRefund: 0 });
  });
});
