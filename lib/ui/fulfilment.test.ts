import { describe, expect, it } from "vitest";
import { availableSteps } from "./fulfilment.ts";

const none = { open: 0, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0 };

describe("availableSteps", () => {
  it("offers a step only when its source bucket holds units, with that many available", () => {
    const steps = availableSteps({ ...none, open: 2, packed: 3, shipped: 1 });
    expect(steps.map((s) => [s.type, s.available, s.fromLabel, s.toLabel])).toEqual([
      ["ALLOCATE", 2, "open", "allocated"],
      ["SHIP", 3, "packed", "shipped"],
      ["DELIVER", 1, "shipped", "delivered"],
    ]);
  });

  it("offers nothing for delivered, cancelled or returned units", () => {
    expect(availableSteps({ ...none, delivered: 2, cancelled: 1, returned: 1 })).toEqual([]);
  });

  it("names every step with a verb and a past tense", () => {
    const all = availableSteps({ ...none, open: 1, allocated: 1, released: 1, picked: 1, packed: 1, shipped: 1 });
    expect(all.map((s) => `${s.verb}/${s.past}`)).toEqual([
      "Allocate/allocated",
      "Release/released",
      "Pick/picked",
      "Pack/packed",
      "Ship/shipped",
      "Deliver/delivered",
    ]);
  });
});
