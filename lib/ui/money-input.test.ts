import { describe, expect, it } from "vitest";
import { formatMoneyInput, parseMoneyInput } from "./money-input.ts";

describe("money input", () => {
  it("parses typed amounts into minor units, exactly", () => {
    expect(parseMoneyInput("500")).toBe(50_000);
    expect(parseMoneyInput("500.00")).toBe(50_000);
    expect(parseMoneyInput("499.99")).toBe(49_999);
    expect(parseMoneyInput("0.1")).toBe(10);
    expect(parseMoneyInput(" 1,250.5 ")).toBe(125_050);
    expect(parseMoneyInput("-5")).toBe(-500);
  });
  it("refuses what is not an amount", () => {
    for (const bad of ["", "abc", "1.234", "1e3", "12.", ".5", "--1"]) expect(parseMoneyInput(bad), bad).toBeNull();
  });
  it("formats minor units for inputs and round-trips", () => {
    expect(formatMoneyInput(50_000)).toBe("500.00");
    expect(formatMoneyInput(5)).toBe("0.05");
    for (const n of [0, 1, 99, 49_999, 123_456_789]) expect(parseMoneyInput(formatMoneyInput(n))).toBe(n);
  });
});
