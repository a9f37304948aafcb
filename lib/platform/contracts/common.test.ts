import { describe, expect, it } from "vitest";
import { Code, MinorUnits } from "./common.ts";
import { MAX_MONEY } from "../money/money.ts";

describe("shared contract schemas", () => {
  it("MinorUnits takes 0 … MAX_MONEY whole minor units and names the bound past it", () => {
    expect(MinorUnits.safeParse(0).success).toBe(true);
    expect(MinorUnits.safeParse(MAX_MONEY).success).toBe(true);
    const over = MinorUnits.safeParse(MAX_MONEY + 1);
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.message).toBe(`must be at most ${MAX_MONEY} minor units`);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER]) expect(MinorUnits.safeParse(bad).success).toBe(false);
  });

  it("Code refuses NUL, which PostgreSQL cannot store", () => {
    expect(Code.safeParse("SKU-1").success).toBe(true);
    const nul = Code.safeParse("SKU\u0000-1");
    expect(nul.success).toBe(false);
    expect(nul.error!.issues[0]!.message).toBe("must not contain NUL characters");
  });
});
