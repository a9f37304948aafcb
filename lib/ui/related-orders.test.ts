import { describe, expect, it } from "vitest";
import { relationPhrase, relationTree, returnStatusLabel } from "./related-orders.ts";

const item = (orderId: string, viaOrderId: string, direction: "OUTGOING" | "INCOMING", relation: "RETURNS" | "SUPPLEMENTS" = "RETURNS") => ({
  orderId,
  number: orderId.toUpperCase(),
  orderType: relation === "RETURNS" ? "RETURN" : "SUPPLEMENTAL",
  relation,
  direction,
  status: "OPEN",
  createdAt: "2030-01-01T00:00:00.000Z",
  viaOrderId,
});

describe("the relation tree", () => {
  it("draws an original order's returns under it", () => {
    const rows = relationTree("o", [item("r1", "o", "INCOMING"), item("r2", "o", "INCOMING")]);
    expect(rows.map((r) => [r.orderId, r.depth, r.current])).toEqual([
      ["o", 0, true],
      ["r1", 1, false],
      ["r2", 1, false],
    ]);
  });

  it("starts a return's tree at the root it points at, through a supplemental order", () => {
    const rows = relationTree("r", [item("s", "r", "OUTGOING", "SUPPLEMENTS"), item("o", "s", "OUTGOING", "SUPPLEMENTS")]);
    expect(rows.map((r) => [r.orderId, r.depth, r.current, r.item?.number])).toEqual([
      ["o", 0, false, "O"],
      ["s", 1, false, "S"],
      ["r", 2, true, undefined],
    ]);
  });

  it("is just the order when nothing is linked", () => {
    expect(relationTree("o", [])).toEqual([{ orderId: "o", depth: 0, current: true, item: undefined }]);
  });
});

describe("words", () => {
  it("names statuses and relations", () => {
    expect(returnStatusLabel("AWAITING_RECEIPT")).toBe("Waiting for the items");
    expect(returnStatusLabel("ODD")).toBe("ODD");
    expect(relationPhrase("RETURNS")).toBe("Returns");
    expect(relationPhrase("COMPENSATES")).toBe("Compensates");
  });
});
