import { describe, expect, it } from "vitest";
import { falloutContextSummary } from "./fallout-context.ts";

describe("falloutContextSummary", () => {
  it("reads the task and its refunds as labelled facts with money in the order's currency", () => {
    const summary = falloutContextSummary(
      {
        task: { type: "ISSUE_REFUND", mode: "AUTOMATIC", status: "FAILED", stage: null, quantity: null, amount: 4860, attempts: 3, lastError: "Card declined", dueAt: null },
        refunds: [{ tenderMethod: "CARD", amount: 4860, status: "FAILED", failureReason: "Card declined", attempts: 3 }],
        openedAt: "2026-03-01T10:00:00.000Z",
      },
      "USD",
    );
    expect(summary!.task).toEqual([
      { label: "Task", value: "Issue refund" },
      { label: "Mode", value: "Automatic" },
      { label: "Status", value: "Failed" },
      { label: "Amount", value: "$48.60" },
      { label: "Attempts", value: "3" },
      { label: "Last error", value: "Card declined" },
    ]);
    expect(summary!.refunds).toEqual(["Card · $48.60 · Failed · 3 attempts · Card declined"]);
    expect(summary!.openedAt).toMatch(/2026/);
  });

  it("gives nothing for a context of another shape", () => {
    expect(falloutContextSummary(null, "USD")).toBeNull();
    expect(falloutContextSummary({ something: 1 }, "USD")).toBeNull();
    expect(falloutContextSummary([1, 2], "USD")).toBeNull();
  });
});
