import { describe, expect, it } from "vitest";
import { allocationExpiresAt, expiredAllocatedUnits } from "./allocation-expiry.ts";

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));

describe("allocation expiry", () => {
  it("expires after the configured minutes, or never", () => {
    expect(allocationExpiresAt(at(0), 30)).toEqual(at(30));
    expect(allocationExpiresAt(at(0), undefined)).toBeNull();
    expect(allocationExpiresAt(at(0), null)).toBeNull();
    expect(allocationExpiresAt(at(0), 0)).toBeNull();
  });

  const records = [
    { quantity: 2, allocatedAt: at(0), expiresAt: at(30) },
    { quantity: 3, allocatedAt: at(10), expiresAt: at(40) },
  ];

  it("counts only the allocated units an expired allocation still covers", () => {
    expect(expiredAllocatedUnits(5, records, at(29))).toBe(0);
    expect(expiredAllocatedUnits(5, records, at(30))).toBe(2);
    expect(expiredAllocatedUnits(5, records, at(40))).toBe(5);
  });

  it("leaves units that moved on: the oldest allocated units leave first", () => {
    // 2 of the 5 were released: the 3 left are the newer allocation's, not yet expired.
    expect(expiredAllocatedUnits(3, records, at(35))).toBe(0);
    expect(expiredAllocatedUnits(4, records, at(35))).toBe(1);
    expect(expiredAllocatedUnits(0, records, at(99))).toBe(0);
  });

  it("never expires units no record covers (allocated while expiry was off)", () => {
    expect(expiredAllocatedUnits(7, records, at(99))).toBe(5);
    expect(expiredAllocatedUnits(7, [], at(99))).toBe(0);
  });
});
