import { describe, expect, it } from "vitest";
import { InvariantViolation } from "../../../platform/errors.ts";
import { countsFromPartial } from "../../orders/domain/buckets.ts";
import { assessCancellation, type Assessment } from "../domain/assess.ts";
import { parseStoredAssessment, storedAssessment } from "./assessment.ts";

/** A line with 2 OPEN, 1 PICKED and 2 SHIPPED units, all requested: approvals, inventory, blockers, returns, refund. */
function mixedAssessment(): Assessment {
  const r = assessCancellation({
    lines: [{ id: "l1", lineNumber: 1, sku: "SKU-1", quantity: 5, unitPrice: 2000, taxAmount: 500, shippingAmount: 0, discountAmount: 0, counts: countsFromPartial({ OPEN: 2, PICKED: 1, SHIPPED: 2 }) }],
    requested: [{ orderLineId: "l1", quantity: 5 }],
    tenders: [{ id: "t1", method: "CARD", amount: 10_500, refunded: 0 }],
    orderRefundedTotal: 0,
  });
  if (!r.ok) throw new Error(r.code);
  return {
    ...r.assessment,
    requiredApprovals: r.assessment.requiredApprovals.map((a) => ({ ...a, ruleName: "Picked goods", expiresAfterMinutes: null })),
    autoApproved: [{ rule: "r2", ruleName: "Bulk", level: "SUPERVISOR", reason: "bulk: auto-approved" }],
  };
}

describe("stored cancellation assessment", () => {
  it("stores every part of the assessment with version 1 and parses it back unchanged", () => {
    const a = mixedAssessment();
    expect(a.blockers).toHaveLength(1);
    expect(a.inventory).toHaveLength(1);
    const stored = JSON.parse(JSON.stringify(storedAssessment(a))) as unknown;
    expect(stored).toMatchObject({ v: 1, feasibility: "PARTIALLY_CANCELLABLE" });
    expect(parseStoredAssessment(stored, { number: "CX-000001" })).toEqual(a);
  });

  it("names the request when its stored assessment does not match", () => {
    const { refund, ...rest } = mixedAssessment();
    expect(() => parseStoredAssessment({ ...rest, refund: { ...refund, total: "10.00" } }, { number: "CX-000042" })).toThrow(
      /^Stored cancellation assessment of cancellation CX-000042 does not match version 1: .*refund\.total/s,
    );
    expect(() => parseStoredAssessment({ ...rest, refund, lines: [{ ...rest.lines[0], byStage: { LOST: 1 } }] }, { number: "CX-000043" })).toThrow(InvariantViolation);
  });

  it("reads a row stored before the version field as version 1", () => {
    const a = mixedAssessment();
    expect(parseStoredAssessment(JSON.parse(JSON.stringify(a)), { number: "CX-000044" })).toEqual(a);
  });
});
