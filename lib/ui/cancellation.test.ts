import { describe, expect, it } from "vitest";
import type { Assessment } from "../modules/cancellations/domain/assess.ts";
import type { CancellationViewT } from "../modules/cancellations/contracts/cancellations.ts";
import { cancelOutcome, outcomeMessage } from "./cancel-outcome.ts";
import {
  blockerPhrase,
  displayFromAssessment,
  displayFromRequest,
  formatAge,
  isRequestedBy,
  lineCancellability,
  sellerCancellationType,
  stagePhrase,
  taskTypeLabel,
} from "./cancellation.ts";

const none = { open: 0, allocated: 0, released: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, cancelled: 0, returned: 0 };
const usd = (n: number) => `$${(n / 100).toFixed(2)}`;

describe("lineCancellability", () => {
  it("counts everything not cancelled or returned as outstanding, and only unshipped units as cancellable in place", () => {
    expect(lineCancellability({ ...none, open: 1, packed: 2, shipped: 2, delivered: 1, cancelled: 3, returned: 1 })).toEqual({ outstanding: 6, inPlace: 3 });
    expect(lineCancellability({ ...none, cancelled: 5 })).toEqual({ outstanding: 0, inPlace: 0 });
  });
});

describe("wording", () => {
  it("lists stages in pipeline order whatever the key case", () => {
    expect(stagePhrase({ PACKED: 1, OPEN: 2, shipped: 0 })).toBe("2 open, 1 packed");
    expect(stagePhrase({})).toBe("");
  });

  it("names task types in words", () => {
    expect(taskTypeLabel("RECALL_FROM_WAREHOUSE")).toBe("Recall from warehouse");
    expect(taskTypeLabel("RETURN_TO_STOCK")).toBe("Return to stock");
    expect(taskTypeLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("phrases blockers as returns", () => {
    expect(blockerPhrase({ sku: "SKU-MUG", stage: "SHIPPED", quantity: 2 })).toBe("2 shipped units of SKU-MUG need a return");
    expect(blockerPhrase({ sku: "SKU-MUG", stage: "DELIVERED", quantity: 1 })).toBe("1 delivered unit of SKU-MUG needs a return");
  });

  it("gives ages in one short unit", () => {
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    expect(formatAge("2026-01-01T00:00:00Z", t0 + 30_000)).toBe("just now");
    expect(formatAge("2026-01-01T00:00:00Z", t0 + 12 * 60_000)).toBe("12 min");
    expect(formatAge("2026-01-01T00:00:00Z", t0 + 3 * 3_600_000)).toBe("3 h");
    expect(formatAge("2026-01-01T00:00:00Z", t0 + 5 * 86_400_000)).toBe("5 d");
    expect(formatAge("nonsense", t0)).toBe("—");
  });

  it("maps a seller's reason to a cancellation type", () => {
    expect(sellerCancellationType("OUT_OF_STOCK")).toBe("INVENTORY_SHORTAGE");
    expect(sellerCancellationType("PRICE_ERROR")).toBe("BUSINESS_RULE");
    expect(sellerCancellationType(undefined)).toBe("BUSINESS_RULE");
  });

  it("recognises the requester behind web, API and CLI labels", () => {
    expect(isRequestedBy("buyer@demo.test", "Buyer@demo.test")).toBe(true);
    expect(isRequestedBy("buyer@demo.test (API)", "buyer@demo.test")).toBe(true);
    expect(isRequestedBy("buyer@demo.testx", "buyer@demo.test")).toBe(false);
  });
});

const money = { merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 };

const assessment: Assessment = {
  feasibility: "PARTIALLY_CANCELLABLE",
  blockers: [{ orderLineId: "l1", stage: "SHIPPED", quantity: 2, reason: "REQUIRES_RETURN", message: "…" }],
  requiredApprovals: [{ level: "MANAGER", rule: "STAGE_PACKED", reason: "Cancelling 1 PACKED unit(s) requires MANAGER approval" }],
  lines: [
    {
      orderLineId: "l1",
      lineNumber: 1,
      sku: "SKU-MUG",
      requestedQuantity: 4,
      cancelQuantity: 2,
      byStage: { OPEN: 1, PACKED: 1 },
      blocked: 2,
      blockedByStage: { SHIPPED: 2 },
      refund: money,
    },
  ],
  inventory: [],
  compensation: [
    { type: "RETURN_TO_STOCK", mode: "MANUAL", orderLineId: "l1", stage: "PACKED", quantity: 1 },
    { type: "ISSUE_REFUND", mode: "AUTOMATIC", orderLineId: null, stage: null, quantity: 2, amount: 4400 },
  ],
  refund: { ...money, byTender: [{ tenderId: "t1", method: "CARD", amount: 4400 }, { tenderId: "t2", method: "GIFT_CARD", amount: 0 }] },
};

describe("displayFromAssessment", () => {
  it("normalises stages, names blocked lines and drops empty tenders", () => {
    const d = displayFromAssessment(assessment);
    expect(d.lines[0]).toMatchObject({ sku: "SKU-MUG", cancelQuantity: 2, blocked: 2, byStage: { open: 1, packed: 1 } });
    expect(d.blockers).toEqual([{ orderLineId: "l1", sku: "SKU-MUG", stage: "SHIPPED", quantity: 2 }]);
    expect(d.approvals.map((a) => a.level)).toEqual(["MANAGER"]);
    expect(d.compensation[0]).toMatchObject({ type: "RETURN_TO_STOCK", sku: "SKU-MUG" });
    expect(d.refund.byTender).toEqual([{ method: "CARD", amount: 4400, status: null }]);
    expect(d.refund.total).toBe(4400);
  });
});

function request(over: Partial<CancellationViewT> = {}): CancellationViewT {
  return {
    id: "r1",
    number: "CX-000012",
    orderId: "o1",
    orderNumber: "CM-1",
    orderVersion: 3,
    status: "PENDING_APPROVAL",
    cancellationType: "BUSINESS_RULE",
    reasonCode: "PRICE_ERROR",
    reasonText: null,
    refundMethod: "ORIGINAL_PAYMENT",
    damaged: false,
    requestedBy: "seller@demo.test",
    createdAt: "2026-01-01T00:00:00Z",
    completedAt: null,
    returnId: null,
    failureReason: null,
    assessment: { feasibility: "FULLY_CANCELLABLE", blockers: [], requiredApprovals: [], inventory: [], compensation: [] },
    lines: [{ orderLineId: "l1", lineNumber: 1, sku: "SKU-PAN", requestedQuantity: 1, cancelledQuantity: 0, blockedQuantity: 0, byStage: { packed: 1 }, refund: { ...money, total: 4860 } }],
    refund: { total: 4860, refunded: 0, components: { ...money, total: 4860 }, byTender: [{ tenderId: "t1", method: "CARD", amount: 4860, status: null, reference: null }] },
    approvals: [{ id: "a1", level: "MANAGER", status: "PENDING", rule: "STAGE_PICKED_PACKED", ruleName: "Picked or packed units", reason: "…", reviewer: null, comment: null, decidedAt: null, expiresAt: null, escalatedFromId: null }],
    compensationTasks: [],
    ...over,
  };
}

describe("displayFromRequest", () => {
  it("shows the planned units of a pending request and its approval tasks", () => {
    const d = displayFromRequest(request());
    expect(d.lines[0]).toMatchObject({ cancelQuantity: 1, byStage: { packed: 1 } });
    expect(d.approvals).toEqual([{ level: "MANAGER", reason: "…", status: "PENDING", reviewer: null, comment: null }]);
  });
});

describe("outcomeMessage", () => {
  it("says which approval a held request waits for", () => {
    expect(outcomeMessage(cancelOutcome(request(), "l1"), usd)).toBe("CX-000012 needs MANAGER approval; the unit is held until it is decided.");
  });

  it("says what was cancelled and refunded, and which manual step is left", () => {
    const done = request({
      status: "COMPLETED",
      approvals: [],
      lines: [{ ...request().lines[0]!, cancelledQuantity: 1 }],
    });
    expect(outcomeMessage(cancelOutcome(done, "l1"), usd)).toBe("CX-000012: cancelled 1 × SKU-PAN, refund $48.60.");
    const waiting = request({
      status: "EXECUTING",
      approvals: [],
      lines: [{ ...request().lines[0]!, cancelledQuantity: 1 }],
      compensationTasks: [{ id: "t", type: "RETURN_TO_STOCK", mode: "MANUAL", status: "PENDING", orderLineId: "l1", stage: "PACKED", quantity: 1, amount: null, lastError: null }],
    });
    expect(outcomeMessage(cancelOutcome(waiting, "l1"), usd)).toBe("CX-000012: cancelled 1 × SKU-PAN, refund $48.60. Waiting for return to stock (see Tasks).");
  });

  it("passes on why a request failed", () => {
    expect(outcomeMessage(cancelOutcome(request({ status: "FAILED", failureReason: "gateway down" }), "l1"), usd)).toBe("CX-000012 failed: gateway down");
  });
});
