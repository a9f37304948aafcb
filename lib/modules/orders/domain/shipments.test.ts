import { describe, expect, it } from "vitest";
import { assignDeliveries, formatWeight, isFullyDelivered, kilogramsToGrams, shipmentGroups } from "./shipments.ts";

describe("shipment rules", () => {
  it("groups moved lines by store and ship-from location", () => {
    const m = (id: string, storeId: string, loc: string) => ({ id, line: { storeId, shipFromLocationId: loc } });
    const groups = shipmentGroups([m("a", "s1", "L1"), m("b", "s2", "L1"), m("c", "s1", "L1"), m("d", "s1", "L2")]);
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([["a", "c"], ["b"], ["d"]]);
  });

  it("assigns delivered units to the oldest shipments with undelivered units first", () => {
    const carried = [
      { id: "l1", shipmentId: "s1", quantity: 2, delivered: 2 },
      { id: "l2", shipmentId: "s2", quantity: 3, delivered: 1 },
      { id: "l3", shipmentId: "s3", quantity: 4, delivered: 0 },
    ];
    expect(assignDeliveries(carried, 3)).toEqual([
      { id: "l2", shipmentId: "s2", add: 2 },
      { id: "l3", shipmentId: "s3", add: 1 },
    ]);
    // More than the shipments carried: the rest were shipped before shipments were recorded.
    expect(assignDeliveries(carried, 20).reduce((n, d) => n + d.add, 0)).toBe(6);
    expect(assignDeliveries([], 2)).toEqual([]);
  });

  it("calls a shipment delivered once every unit is", () => {
    expect(isFullyDelivered([{ quantity: 2, delivered: 2 }, { quantity: 1, delivered: 1 }])).toBe(true);
    expect(isFullyDelivered([{ quantity: 2, delivered: 2 }, { quantity: 1, delivered: 0 }])).toBe(false);
    expect(isFullyDelivered([])).toBe(false);
  });

  it("reads and writes weights", () => {
    expect(kilogramsToGrams("1,25")).toBe(1250);
    expect(kilogramsToGrams("0.4")).toBe(400);
    expect(kilogramsToGrams("")).toBeNull();
    expect(kilogramsToGrams("-1")).toBeNull();
    expect(kilogramsToGrams("heavy")).toBeNull();
    expect(formatWeight(850)).toBe("850 g");
    expect(formatWeight(1250)).toBe("1.25 kg");
  });
});
