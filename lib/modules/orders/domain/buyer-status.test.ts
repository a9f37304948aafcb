import { describe, expect, it } from "vitest";
import { LINE_STATUSES } from "./line-status.ts";
import { buyerLineStatusWords } from "./buyer-status.ts";

describe("buyerLineStatusWords", () => {
  it("has plain words for every line status, without codes or warehouse stages", () => {
    for (const s of LINE_STATUSES) {
      const words = buyerLineStatusWords(s.code);
      expect(words).not.toMatch(/\d/);
      expect(words).not.toMatch(/picked|packed|released|allocat/i);
    }
  });

  it("says where the goods are", () => {
    expect(buyerLineStatusWords("1000")).toBe("Order received");
    expect(buyerLineStatusWords("3200")).toBe("Preparing");
    expect(buyerLineStatusWords("4050")).toBe("Partly shipped");
    expect(buyerLineStatusWords("4500")).toBe("Delivered");
    expect(buyerLineStatusWords("7777")).toBe("In progress");
  });
});
