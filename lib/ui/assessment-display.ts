// How an assessment reads on a page: the preview (the domain Assessment, before a request is made)
// and a stored request's assessment are brought to one shape, AssessmentDisplay, and shown the same way.
import type { Assessment } from "../modules/cancellations/domain/assess.ts";
import type { CancellationViewT } from "../modules/cancellations/contracts/cancellations.ts";

export interface MoneyParts {
  merchandise: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
}

export interface AssessmentDisplay {
  feasibility: string;
  lines: {
    orderLineId: string;
    lineNumber: number;
    sku: string;
    /** Units cancelled in place (planned, or done for an executed request). */
    cancelQuantity: number;
    /** Units that need a return instead. */
    blocked: number;
    /** Lower-case stage → units cancelled in place from it. */
    byStage: Record<string, number>;
    refund: MoneyParts;
  }[];
  blockers: { orderLineId: string; sku: string; stage: string; quantity: number }[];
  approvals: { level: string; reason: string; status: string | null; reviewer: string | null; comment: string | null }[];
  compensation: { type: string; mode: string; orderLineId: string | null; sku: string | null; stage: string | null; quantity: number }[];
  refund: MoneyParts & { byTender: { method: string; amount: number; status: string | null }[] };
}

const lowerKeys = (r: Readonly<Record<string, number | undefined>>) =>
  Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v ? [[k.toLowerCase(), v]] : [])));

const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);

/** A preview (what would happen if the request were made now). */
export function displayFromAssessment(a: Assessment): AssessmentDisplay {
  const skuOf = new Map(a.lines.map((l) => [l.orderLineId, l.sku]));
  return {
    feasibility: a.feasibility,
    lines: a.lines.map((l) => ({
      orderLineId: l.orderLineId,
      lineNumber: l.lineNumber,
      sku: l.sku,
      cancelQuantity: l.cancelQuantity,
      blocked: l.blocked,
      byStage: lowerKeys(l.byStage),
      refund: l.refund,
    })),
    blockers: a.blockers.map((b) => ({ orderLineId: b.orderLineId, sku: skuOf.get(b.orderLineId) ?? "", stage: b.stage, quantity: b.quantity })),
    approvals: a.requiredApprovals.map((r) => ({ level: r.level, reason: r.reason, status: null, reviewer: null, comment: null })),
    compensation: a.compensation.map((c) => ({
      type: c.type,
      mode: c.mode,
      orderLineId: c.orderLineId,
      sku: c.orderLineId ? (skuOf.get(c.orderLineId) ?? null) : null,
      stage: c.stage,
      quantity: c.quantity,
    })),
    refund: {
      merchandise: a.refund.merchandise,
      tax: a.refund.tax,
      shipping: a.refund.shipping,
      discount: a.refund.discount,
      total: a.refund.total,
      byTender: a.refund.byTender.filter((t) => t.amount > 0).map((t) => ({ method: t.method, amount: t.amount, status: null })),
    },
  };
}

/** A stored request: its assessment as made, its approvals, and (once executed) its actual refunds. */
export function displayFromRequest(r: CancellationViewT): AssessmentDisplay {
  const skuOf = new Map(r.lines.map((l) => [l.orderLineId, l.sku]));
  return {
    feasibility: r.assessment.feasibility,
    lines: r.lines.map((l) => {
      const byStage = lowerKeys(l.byStage);
      return {
        orderLineId: l.orderLineId,
        lineNumber: l.lineNumber,
        sku: l.sku,
        cancelQuantity: l.cancelledQuantity > 0 ? l.cancelledQuantity : sum(byStage),
        blocked: l.blockedQuantity,
        byStage,
        refund: l.refund,
      };
    }),
    blockers: r.assessment.blockers.map((b) => ({ orderLineId: b.orderLineId, sku: skuOf.get(b.orderLineId) ?? "", stage: b.stage, quantity: b.quantity })),
    approvals: r.approvals.length
      ? r.approvals.map((a) => ({ level: a.level, reason: a.reason, status: a.status, reviewer: a.reviewer, comment: a.comment }))
      : r.assessment.requiredApprovals.map((a) => ({ level: a.level, reason: a.reason, status: null, reviewer: null, comment: null })),
    compensation: r.assessment.compensation.map((c) => ({ ...c, sku: c.orderLineId ? (skuOf.get(c.orderLineId) ?? null) : null })),
    refund: { ...r.refund.components, byTender: r.refund.byTender.map((t) => ({ method: t.method, amount: t.amount, status: t.status })) },
  };
}

/** "2 shipped units of SKU-MUG need a return". */
export function blockerPhrase(b: { sku: string; stage: string; quantity: number }): string {
  const what = `${b.quantity} ${b.stage.toLowerCase()} ${b.quantity === 1 ? "unit" : "units"}${b.sku ? ` of ${b.sku}` : ""}`;
  return `${what} ${b.quantity === 1 ? "needs" : "need"} a return`;
}
