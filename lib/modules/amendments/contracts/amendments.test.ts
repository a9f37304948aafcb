import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessAmendment } from "../domain/assess.ts";
import { CARD, counts, line, order } from "../domain/fixtures.ts";
import {
  AmendmentBlockedProblem,
  AmendmentPage,
  AmendmentPreview,
  AmendmentRejection,
  AmendmentView,
  CreateAmendmentRequest,
  PreviewAmendmentRequest,
} from "./amendments.ts";

const API_EXAMPLE = {
  reasonCode: "CUSTOMER_ADDRESS_CORRECTION",
  reasonText: "…",
  applyNow: true,
  changes: [
    { path: "/shippingAddress/postalCode", op: "REPLACE", oldValue: "12930", newValue: "12940" },
    { path: "/contact/phone", op: "REPLACE", oldValue: "+1 555 0100", newValue: "+1 555 0199" },
    { path: "/deliveryWindow", op: "REPLACE", oldValue: { from: "…", to: "…" }, newValue: { from: "…", to: "…" } },
    { path: "/lines/L1/quantity", op: "REPLACE", oldValue: 5, newValue: 7 },
    { path: "/lines/L1/sku", op: "REPLACE", oldValue: "SKU-MUG", newValue: "SKU-MUG-BLUE" },
    { path: "/lines/L1/unitPrice", op: "REPLACE", oldValue: 2000, newValue: 1800 },
  ],
};

describe("request bodies", () => {
  it("take the API example; applyNow defaults to true", () => {
    expect(CreateAmendmentRequest.parse(API_EXAMPLE)).toEqual(API_EXAMPLE);
    const { applyNow: _, ...rest } = API_EXAMPLE;
    expect(CreateAmendmentRequest.parse(rest).applyNow).toBe(true);
    expect(PreviewAmendmentRequest.parse({ changes: API_EXAMPLE.changes }).changes).toHaveLength(6);
  });

  it("refuses a missing reason, no changes, another op", () => {
    const paths = (v: unknown) => CreateAmendmentRequest.safeParse(v).error?.issues.map((i) => i.path.join("."));
    expect(paths({ ...API_EXAMPLE, reasonCode: " " })).toEqual(["reasonCode"]);
    expect(paths({ ...API_EXAMPLE, changes: [] })).toEqual(["changes"]);
    expect(paths({ ...API_EXAMPLE, changes: [{ ...API_EXAMPLE.changes[0], op: "ADD" }] })).toEqual(["changes.0.op"]);
  });

  it("a rejection needs a comment", () => {
    expect(AmendmentRejection.safeParse({}).success).toBe(false);
    expect(AmendmentRejection.safeParse({ comment: "  " }).success).toBe(false);
    expect(AmendmentRejection.parse({ comment: "no" })).toEqual({ comment: "no" });
  });
});

describe("responses describe what the domain assesses", () => {
  const o = order({ lines: [line("L1", { counts: counts({ OPEN: 3, RELEASED: 2 }) })] });
  const r = assessAmendment({
    order: o,
    tenders: [CARD],
    orderRefundedTotal: 0,
    changes: [
      { path: "/shippingAddress/city", op: "REPLACE", oldValue: "Springfield", newValue: "Shelbyville" },
      { path: "/lines/L1/quantity", op: "REPLACE", oldValue: 5, newValue: 3 },
      { path: "/lines/L1/sku", op: "REPLACE", oldValue: "SKU-MUG", newValue: "SKU-CUP" },
    ],
  });
  if (!r.ok) throw new Error("fixture must assess");
  const a = r.assessment;
  const preview = { orderVersion: a.orderVersion, fingerprint: a.fingerprint, assessment: a, changes: a.changes, impact: a.impact };

  it("a preview", () => {
    expect(AmendmentPreview.safeParse(preview).error).toBeUndefined();
  });

  it("an amendment and a page of them", () => {
    const view = {
      ...preview,
      id: "a1",
      number: "AM-1",
      orderId: o.id,
      status: "REQUIRES_APPROVAL",
      reasonCode: "CUSTOMER_REQUEST",
      reasonText: null,
      requestedBy: "buyer@demo.test",
      createdAt: "2030-01-01T00:00:00.000Z",
      approvals: [],
      cancellationRequestId: null,
      appliedAt: null,
      failureReason: null,
    };
    expect(AmendmentView.safeParse(view).error).toBeUndefined();
    expect(AmendmentPage.safeParse({ items: [view], nextCursor: null }).success).toBe(true);
    expect(AmendmentView.safeParse({ ...view, status: "DONE" }).success).toBe(false);
  });

  it("the AMENDMENT_BLOCKED problem", () => {
    const problem = { type: "about:blank", title: "Conflict", status: 409, detail: "…", code: "AMENDMENT_BLOCKED", assessment: a, changes: a.changes };
    expect(AmendmentBlockedProblem.safeParse(problem).error).toBeUndefined();
  });

  it("all turn into JSON Schema for the OpenAPI document", () => {
    for (const s of [CreateAmendmentRequest, PreviewAmendmentRequest, AmendmentView, AmendmentPage, AmendmentBlockedProblem]) {
      expect(() => z.toJSONSchema(s, { unrepresentable: "any" })).not.toThrow();
    }
  });
});
