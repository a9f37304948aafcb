// The order-level parts of a cancellation assessment, from what its lines add up to: the refund
// and its split across tenders, the compensation plan in the order it runs, the approvals needed
// and whether anything can be cancelled at all. Pure.

import { approverLevelRank } from '../../../platform/auth/levels.ts';
import type { LinePlans } from './assess-lines.ts';
import type {
  AssessTender,
  CompensationPlanItem,
  Feasibility,
  LineImpact,
  RefundImpact,
  RequiredApproval,
} from './assess-types.ts';
import { sumRefunds } from './line-refund.ts';
import { compensationModeOf } from './stage-policy.ts';
import { splitRefundAcrossTenders } from './tender-split.ts';

/** The lines' refunds summed, and the total split across the tenders after what they already got back. */
export function refundImpact(
  lines: readonly LineImpact[],
  tenders: readonly AssessTender[],
  orderRefundedTotal: number,
): RefundImpact {
  const totals = sumRefunds(lines.map((l) => l.refund));
  const split = splitRefundAcrossTenders(tenders, orderRefundedTotal, totals.total);
  const byTender = split.map((s, i) => ({ tenderId: s.id, method: tenders[i]!.method, amount: s.amount }));
  return { ...totals, byTender };
}

/**
 * Order of the plan: undo fulfilment line by line, then pay back, then
 * start returns for what could not be cancelled.
 */
export function compensationPlan(plans: LinePlans, refundTotal: number): CompensationPlanItem[] {
  const compensation: CompensationPlanItem[] = [...plans.lineTasks];
  if (refundTotal > 0) {
    compensation.push({
      type: 'ISSUE_REFUND',
      mode: compensationModeOf('ISSUE_REFUND'),
      orderLineId: null,
      stage: null,
      quantity: plans.inPlaceTotal,
      amount: refundTotal,
    });
  }
  compensation.push(...plans.returnTasks);
  return compensation;
}

/** One approval per level, lowest level first, named after the most progressed stage that needs it. */
export function requiredApprovals(plans: LinePlans): RequiredApproval[] {
  return [...plans.approvalStage.entries()]
    .sort(([a], [b]) => approverLevelRank(a) - approverLevelRank(b))
    .map(([level, { stage, units }]) => ({
      level,
      rule: `STAGE_${stage}`,
      reason: `Cancelling ${units} ${stage} unit(s) requires ${level} approval`,
    }));
}

export function feasibilityOf(plans: LinePlans): Feasibility {
  if (plans.inPlaceTotal === 0) return 'NOT_CANCELLABLE';
  return plans.blockedTotal > 0 ? 'PARTIALLY_CANCELLABLE' : 'FULLY_CANCELLABLE';
}
