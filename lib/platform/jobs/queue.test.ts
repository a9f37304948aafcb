import { describe, expect, it } from "vitest";
import { backoffMs } from "./queue.ts";

describe("backoffMs", () => {
  it("doubles from the base after each failed attempt", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(1, 500)).toBe(500);
  });

  it("is capped, and never below the base for odd input", () => {
    expect(backoffMs(40)).toBe(5 * 60_000);
    expect(backoffMs(0)).toBe(2_000);
    expect(backoffMs(-3)).toBe(2_000);
  });
});
