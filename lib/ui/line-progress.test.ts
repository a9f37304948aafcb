import { describe, expect, it } from "vitest";
import { lineProgress, shippedPhrase, type LineQuantities } from "./line-progress.ts";

const q = (p: Partial<LineQuantities>): LineQuantities => ({
  open: 0, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0, ...p,
});

describe("lineProgress", () => {
  it("reads 2 of 5 shipped while 3 are still packed", () => {
    const p = lineProgress(5, q({ packed: 3, shipped: 2 }));
    expect(p).toMatchObject({ shipped: 2, inProgress: 3, notStarted: 0, toFulfil: 5, partiallyShipped: true });
    expect(shippedPhrase(p)).toBe("2 of 5 shipped");
  });

  it("counts delivered and returned units as shipped", () => {
    const p = lineProgress(4, q({ delivered: 1, returned: 1, open: 2 }));
    expect(p.shipped).toBe(2);
    expect(shippedPhrase(p)).toBe("2 of 4 shipped");
  });

  it("leaves cancelled units out of what is still to ship", () => {
    const p = lineProgress(5, q({ cancelled: 3, shipped: 2 }));
    expect(p.toFulfil).toBe(2);
    expect(p.partiallyShipped).toBe(false);
  });

  it("is not partial before anything shipped or once everything did", () => {
    expect(lineProgress(5, q({ open: 5 })).partiallyShipped).toBe(false);
    expect(lineProgress(5, q({ shipped: 5 })).partiallyShipped).toBe(false);
    expect(lineProgress(2, q({ cancelled: 2 })).partiallyShipped).toBe(false);
  });
});
