import { describe, expect, it } from "vitest";
import { RETURN_STATUSES, canCancelReturn } from "./status.ts";

describe("cancelling a return", () => {
  it("is possible before approval or receipt while nothing arrived, never after", () => {
    const open = RETURN_STATUSES.filter((s) => canCancelReturn({ status: s, lines: [{ received: 0 }] }));
    expect(open).toEqual(["REQUESTED", "PENDING_APPROVAL", "AWAITING_RECEIPT"]);
    expect(canCancelReturn({ status: "AWAITING_RECEIPT", lines: [{ received: 0 }, { received: 1 }] })).toBe(false);
    expect(canCancelReturn({ status: "SOMETHING_ELSE", lines: [] })).toBe(false);
  });
});
