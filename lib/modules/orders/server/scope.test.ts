import { describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { CancellationViewT } from "../../cancellations/contracts/cancellations.ts";
import type { Assessment } from "../../cancellations/domain/assess.ts";
import { mayAdjustStockAt, scopeAssessment, scopeCancellationView, scopedPayments, scopedStatus, scopedTotals, visibleStores } from "./scope.ts";

const actor = (roles: string[], storeIds: string[] = [], userId = "u1") => ({ userId, roles: new Set(roles), storeIds }) as unknown as Actor;
const order = { buyerId: "buyer", subOrders: [{ storeId: "acme" }, { storeId: "globex" }] };

const line = (storeId: string, over: Partial<Record<string, number>> = {}) => ({
  storeId,
  quantity: 2,
  unitPrice: 1000,
  taxAmount: 100,
  shippingAmount: 50,
  discountAmount: 10,
  refunded: 0,
  qtyOpen: 2,
  qtyAllocated: 0,
  qtyReleased: 0,
  qtyPicked: 0,
  qtyPacked: 0,
  qtyShipped: 0,
  qtyDelivered: 0,
  qtyCancelled: 0,
  qtyReturned: 0,
  ...over,
});

describe("visibleStores", () => {
  it("is the whole order for its buyer, OPS, approvers and a seller of every store; a seller's stores otherwise", () => {
    expect(visibleStores(actor(["BUYER"], [], "buyer"), order)).toBe("all");
    expect(visibleStores(actor(["OPS"]), order)).toBe("all");
    expect(visibleStores(actor(["APPROVER"]), order)).toBe("all");
    expect(visibleStores(actor(["SELLER"], ["acme", "globex"]), order)).toBe("all");
    expect(visibleStores(actor(["SELLER"], ["acme"]), order)).toEqual(new Set(["acme"]));
    expect(visibleStores(actor(["BUYER"], ["acme"]), order)).toEqual(new Set());
  });
});

describe("a store's part of an order", () => {
  const money = { status: "PARTIALLY_SHIPPED", subtotal: 4000, tax: 200, shipping: 100, discount: 20, total: 4280, refunded: 999 };
  const lines = [line("acme", { refunded: 1040, qtyOpen: 1, qtyCancelled: 1 }), line("globex", { qtyOpen: 0, qtyShipped: 2 })];

  it("totals and status come from the part's lines; tenders are not shown", () => {
    expect(scopedTotals(money, lines, new Set(["acme"]))).toEqual({ subtotal: 2000, tax: 100, shipping: 50, discount: 10, total: 2140, refunded: 1040 });
    expect(scopedStatus(money, lines, new Set(["acme"]))).toBe("OPEN");
    expect(scopedPayments([{ id: "t" }], new Set(["acme"]))).toEqual([]);
  });

  it("the whole order keeps the order's own totals, status and tenders", () => {
    expect(scopedTotals(money, lines, "all")).toEqual({ subtotal: 4000, tax: 200, shipping: 100, discount: 20, total: 4280, refunded: 999 });
    expect(scopedStatus(money, lines, "all")).toBe("PARTIALLY_SHIPPED");
    expect(scopedPayments([{ id: "t" }], "all")).toEqual([{ id: "t" }]);
  });
});

describe("scopeCancellationView", () => {
  const refund = (total: number) => ({ merchandise: total - 100, tax: 100, shipping: 0, discount: 0, total });
  const view = {
    id: "r",
    status: "COMPLETED",
    failureReason: null,
    assessment: {
      feasibility: "FULLY_CANCELLABLE",
      blockers: [{ orderLineId: "g1", stage: "SHIPPED", quantity: 1, reason: "REQUIRES_RETURN", message: "…" }],
      requiredApprovals: [{ level: "MANAGER", rule: "r1", reason: "High-value orders: Order value $900.00 is at least $500.00, requires MANAGER approval" }],
      inventory: [
        { orderLineId: "a1", stage: "ALLOCATED", type: "DEALLOCATION", quantity: 1 },
        { orderLineId: "g1", stage: "ALLOCATED", type: "DEALLOCATION", quantity: 1 },
      ],
      compensation: [
        { type: "RELEASE_ALLOCATION", mode: "AUTOMATIC", orderLineId: "g1", stage: "ALLOCATED", quantity: 1 },
        { type: "ISSUE_REFUND", mode: "AUTOMATIC", orderLineId: null, stage: null, quantity: 2 },
      ],
    },
    lines: [
      { orderLineId: "a1", lineNumber: 1, sku: "A", requestedQuantity: 1, cancelledQuantity: 1, blockedQuantity: 0, byStage: {}, refund: refund(1100) },
      { orderLineId: "g1", lineNumber: 2, sku: "G", requestedQuantity: 1, cancelledQuantity: 1, blockedQuantity: 0, byStage: {}, refund: refund(2200) },
    ],
    refund: { total: 3300, refunded: 3300, components: refund(3300), byTender: [{ tenderId: "t", method: "CARD", amount: 3300, status: "SUCCEEDED", reference: "x" }] },
    approvals: [{ id: "p", level: "MANAGER", status: "APPROVED", rule: "r1", ruleName: "High-value orders", reason: "Order value $900.00 …", reviewer: null, comment: null, decidedAt: null, expiresAt: null, escalatedFromId: null }],
    compensationTasks: [
      { id: "k1", type: "RELEASE_ALLOCATION", mode: "AUTOMATIC", status: "DONE", orderLineId: "a1", stage: "ALLOCATED", quantity: 1, amount: null, lastError: null },
      { id: "k2", type: "ISSUE_REFUND", mode: "AUTOMATIC", status: "DONE", orderLineId: null, stage: null, quantity: null, amount: 3300, lastError: null },
    ],
  } as unknown as CancellationViewT;

  it("keeps only the part's lines, their refund share, plan and tasks; no tenders, no order-wide reasons", () => {
    const mine = scopeCancellationView(view, new Set(["a1"]));
    expect(mine.lines.map((l) => l.orderLineId)).toEqual(["a1"]);
    expect(mine.refund).toEqual({ total: 1100, refunded: 1100, components: refund(1100), byTender: [] });
    expect(mine.compensationTasks.map((t) => t.id)).toEqual(["k1"]);
    expect(mine.assessment.inventory.map((i) => i.orderLineId)).toEqual(["a1"]);
    expect(mine.assessment.compensation).toEqual([]);
    expect(mine.assessment.blockers).toEqual([]);
    expect(mine.approvals[0]!.reason).toBe("High-value orders: requires MANAGER approval");
    expect(mine.assessment.requiredApprovals[0]!.reason).toBe("r1: requires MANAGER approval");
    expect(JSON.stringify(mine)).not.toContain("900.00");
  });

  it("is refunded only once the request's refund was paid, and names its own failed step", () => {
    const unpaid = scopeCancellationView({ ...view, refund: { ...view.refund, refunded: 0 } }, new Set(["a1"]));
    expect(unpaid.refund.refunded).toBe(0);
    const failed = scopeCancellationView({ ...view, status: "FAILED", failureReason: "CARD 3300: declined" }, new Set(["a1"]));
    expect(failed.failureReason).toBe("a step for another part of the order failed");
    expect(scopeCancellationView(view, "all")).toBe(view);
  });
});

describe("mayAdjustStockAt", () => {
  it("OPS anywhere; a seller only at their own stores' locations", () => {
    expect(mayAdjustStockAt(actor(["OPS"]), { storeId: null })).toBe(true);
    expect(mayAdjustStockAt(actor(["SELLER"], ["acme"]), { storeId: "acme" })).toBe(true);
    expect(mayAdjustStockAt(actor(["SELLER"], ["acme"]), { storeId: "globex" })).toBe(false);
    expect(mayAdjustStockAt(actor(["SELLER"], ["acme"]), { storeId: null })).toBe(false);
    expect(mayAdjustStockAt(actor(["BUYER"], ["acme"]), { storeId: "acme" })).toBe(false);
  });
});

describe("scopeAssessment", () => {
  it("a store's refund preview has no tender split and no order-wide facts in approval reasons", () => {
    const a = {
      feasibility: "FULLY_CANCELLABLE",
      blockers: [],
      requiredApprovals: [{ level: "MANAGER", rule: "r1", ruleName: "High-value orders", reason: "High-value orders: Order value $900.00 is at least $500.00, requires MANAGER approval" }],
      autoApproved: [{ rule: "r2", ruleName: "Bulk", level: "SUPERVISOR", reason: "12 unit(s) requested, at least 10: auto-approved" }],
      lines: [],
      inventory: [],
      compensation: [],
      refund: { merchandise: 1000, tax: 100, shipping: 0, discount: 0, total: 1100, byTender: [{ tenderId: "t", method: "POINTS", amount: 1100 }] },
    } as unknown as Assessment;
    const mine = scopeAssessment(a, new Set(["acme"]));
    expect(mine.refund).toEqual({ merchandise: 1000, tax: 100, shipping: 0, discount: 0, total: 1100, byTender: [] });
    expect(mine.requiredApprovals[0]!.reason).toBe("High-value orders: requires MANAGER approval");
    expect(mine.autoApproved![0]!.reason).toBe("Bulk: auto-approved");
    expect(scopeAssessment(a, "all")).toBe(a);
  });
});
