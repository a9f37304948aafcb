// What a store's part of an order shows of a cancellation request or a refund preview (see scope.ts):
// only that part's lines, their refund share and tasks, no tenders, and approval reasons without the
// order-wide facts behind them.
import type { CancellationViewT } from "../../cancellations/contracts/cancellations.ts";
import type { Assessment } from "../../cancellations/domain/assess.ts";

/** An approval's reason without the order-wide facts behind it: the rule and the level. */
const ruleReason = (a: { level: string; rule: string; ruleName?: string | null }) => `${a.ruleName ?? a.rule}: requires ${a.level} approval`;

const byLine = <T extends { orderLineId: string | null }>(items: readonly T[], lineIds: ReadonlySet<string>) =>
  items.filter((x) => x.orderLineId !== null && lineIds.has(x.orderLineId));

/**
 * A request as a store's part sees it: only its lines, their refund share (refunded once the
 * request's refund was paid), the plan and tasks of those lines, no tenders; approval reasons name
 * the rule without the order-wide facts (value, units) behind it.
 */
export function scopeCancellationView(view: CancellationViewT, lineIds: "all" | ReadonlySet<string>): CancellationViewT {
  if (lineIds === "all") return view;
  const lines = view.lines.filter((l) => lineIds.has(l.orderLineId));
  const components = lines.reduce(
    (acc, l) => ({
      merchandise: acc.merchandise + l.refund.merchandise,
      tax: acc.tax + l.refund.tax,
      shipping: acc.shipping + l.refund.shipping,
      discount: acc.discount + l.refund.discount,
      total: acc.total + l.refund.total,
    }),
    { merchandise: 0, tax: 0, shipping: 0, discount: 0, total: 0 },
  );
  // A request's refund is booked on its lines all at once, when every tender refund is paid.
  const paid = view.refund.total > 0 && view.refund.refunded >= view.refund.total;
  const tasks = byLine(view.compensationTasks, lineIds);
  const failed = tasks.find((t) => t.status === "FAILED");
  return {
    ...view,
    failureReason: view.failureReason === null ? null : (failed?.lastError ?? "a step for another part of the order failed"),
    assessment: {
      ...view.assessment,
      blockers: byLine(view.assessment.blockers, lineIds),
      requiredApprovals: view.assessment.requiredApprovals.map((a) => ({ ...a, reason: ruleReason(a) })),
      inventory: byLine(view.assessment.inventory, lineIds),
      compensation: byLine(view.assessment.compensation, lineIds),
    },
    lines,
    refund: { total: components.total, refunded: paid ? components.total : 0, components, byTender: [] },
    approvals: view.approvals.map((a) => ({ ...a, reason: ruleReason(a) })),
    compensationTasks: tasks,
  };
}

/**
 * A refund preview (an assessment not stored yet) as a store's part sees it. Its lines are already
 * the seller's own (they may cancel nothing else); the split across the order's tenders and the
 * order-wide facts behind an approval rule (order value, units) are left out.
 */
export function scopeAssessment(assessment: Assessment, stores: "all" | ReadonlySet<string>): Assessment {
  if (stores === "all") return assessment;
  return {
    ...assessment,
    requiredApprovals: assessment.requiredApprovals.map((a) => ({ ...a, reason: ruleReason(a) })),
    ...(assessment.autoApproved ? { autoApproved: assessment.autoApproved.map((a) => ({ ...a, reason: `${a.ruleName}: auto-approved` })) } : {}),
    refund: { ...assessment.refund, byTender: [] },
  };
}
