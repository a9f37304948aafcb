// The cancellation assessment (SPEC §4.3): before anything changes, work out
// which units would be cancelled, which are blocked, who must approve, what
// inventory and compensation steps follow, and how much money goes back to
// which tender. Pure: the command layer stores the result and executes it.
//
// The entry point; the parts live beside it: assess-types (shapes), assess-scope
// (which units are asked for), assess-lines (each line's units and plan items),
// assess-plan (refund, compensation order, approvals, feasibility).

import { emptyLinePlans, planLine } from './assess-lines.ts';
import { compensationPlan, feasibilityOf, refundImpact, requiredApprovals } from './assess-plan.ts';
import { byLineNumber, indexLines, resolveScope } from './assess-scope.ts';
import type { AssessInput, AssessResult } from './assess-types.ts';
import { DEFAULT_STAGE_POLICY } from './stage-policy.ts';

export type {
  AssessErrorCode,
  AssessInput,
  AssessLine,
  AssessResult,
  AssessTender,
  Assessment,
  Blocker,
  CompensationPlanItem,
  Feasibility,
  InventoryAdjustmentPlan,
  LineImpact,
  RefundImpact,
  RequiredApproval,
  TenderRefundPlan,
} from './assess-types.ts';

export function assessCancellation(input: AssessInput): AssessResult {
  const policy = input.policy ?? DEFAULT_STAGE_POLICY;
  const damaged = input.damaged === true;

  const scope = resolveScope(input, indexLines(input.lines));
  if (!scope.ok) return scope;

  const plans = emptyLinePlans();
  for (const { line, quantity, stage } of byLineNumber(scope.wanted)) planLine(plans, line, quantity, policy, damaged, stage);
  const refund = refundImpact(plans.lines, input.tenders, input.orderRefundedTotal);

  return {
    ok: true,
    assessment: {
      feasibility: feasibilityOf(plans),
      blockers: plans.blockers,
      requiredApprovals: requiredApprovals(plans),
      lines: plans.lines,
      inventory: plans.inventory,
      compensation: compensationPlan(plans, refund.total),
      refund,
    },
  };
}
