// One requested line of a cancellation assessed: which of its units are cancelled in place and
// from which stage, which are blocked (they need a return), and what each stage's policy adds to
// the plan — approvals, inventory adjustments, compensation tasks. Pure.

import type { ApproverLevel } from '../../../platform/auth/levels.ts';
import { FULFILMENT_STAGES, type FulfilmentStage } from '../../orders/domain/buckets.ts';
import type {
  AssessLine,
  Blocker,
  CompensationPlanItem,
  InventoryAdjustmentPlan,
  LineImpact,
} from './assess-types.ts';
import { lineRefund } from './line-refund.ts';
import { selectUnits } from './select-units.ts';
import {
  CANCEL_ORDER_OF_STAGES,
  compensationModeOf,
  inventoryAdjustmentFor,
  type StagePolicy,
  type StagePolicyTable,
} from './stage-policy.ts';

/** What the requested lines add up to, gathered line by line. */
export interface LinePlans {
  lines: LineImpact[];
  blockers: Blocker[];
  inventory: InventoryAdjustmentPlan[];
  /** Undoing fulfilment, line by line, stage by stage. */
  lineTasks: CompensationPlanItem[];
  /** Returns for the units that cannot be cancelled in place. */
  returnTasks: CompensationPlanItem[];
  /** Per approval level: the most progressed stage needing it and its units. */
  approvalStage: Map<ApproverLevel, { stage: FulfilmentStage; units: number }>;
  inPlaceTotal: number;
  blockedTotal: number;
}

export function emptyLinePlans(): LinePlans {
  return {
    lines: [],
    blockers: [],
    inventory: [],
    lineTasks: [],
    returnTasks: [],
    approvalStage: new Map(),
    inPlaceTotal: 0,
    blockedTotal: 0,
  };
}

const stageIndex = (s: FulfilmentStage) => FULFILMENT_STAGES.indexOf(s);

/** Adds `quantity` requested units of `line` to the plans. */
export function planLine(
  plans: LinePlans,
  line: AssessLine,
  quantity: number,
  policy: StagePolicyTable,
  damaged: boolean,
  stage?: FulfilmentStage,
): void {
  const sel = selectUnits(line.counts, quantity, policy, stage === undefined ? {} : { stage });
  // resolveScope already checked quantity against what is outstanding.
  if (!sel.ok) throw new Error(`Unexpected selection failure: ${sel.error.message}`);

  // Only units cancelled in place are refunded now; blocked ones are
  // refunded when their return is received.
  plans.lines.push({
    orderLineId: line.id,
    lineNumber: line.lineNumber,
    sku: line.sku,
    requestedQuantity: quantity,
    cancelQuantity: sel.cancelInPlace,
    byStage: sel.takeByStage,
    blocked: sel.blocked,
    blockedByStage: sel.blockedByStage,
    refund: lineRefund(line, line.counts.CANCELLED + line.counts.RETURNED, sel.cancelInPlace),
  });
  plans.inPlaceTotal += sel.cancelInPlace;
  plans.blockedTotal += sel.blocked;

  for (const stage of CANCEL_ORDER_OF_STAGES) {
    const taken = sel.takeByStage[stage] ?? 0;
    if (taken > 0) planTaken(plans, line, stage, policy[stage], taken, damaged);
    const blocked = sel.blockedByStage[stage] ?? 0;
    if (blocked > 0) planBlocked(plans, line, stage, blocked);
  }
}

/** Units of one stage cancelled in place: the stage's approval, inventory adjustment and compensation task. */
function planTaken(
  plans: LinePlans,
  line: AssessLine,
  stage: FulfilmentStage,
  p: StagePolicy,
  taken: number,
  damaged: boolean,
): void {
  // Approvals are for what is cancelled now. Blocked units need none
  // here: they go through a return later, which has its own approval.
  if (p.approval) noteApproval(plans.approvalStage, p.approval, stage, taken);
  const inv = inventoryAdjustmentFor(p, damaged);
  if (inv) plans.inventory.push({ orderLineId: line.id, stage, type: inv, quantity: taken });
  if (p.compensation) {
    plans.lineTasks.push({
      type: p.compensation.type,
      mode: p.compensation.mode,
      orderLineId: line.id,
      stage,
      quantity: taken,
    });
  }
}

/** Keeps, per level, the most progressed stage that needs it (adding up units of that same stage). */
function noteApproval(
  approvalStage: LinePlans['approvalStage'],
  level: ApproverLevel,
  stage: FulfilmentStage,
  units: number,
): void {
  const cur = approvalStage.get(level);
  if (!cur || stageIndex(stage) > stageIndex(cur.stage)) {
    approvalStage.set(level, { stage, units });
  } else if (cur.stage === stage) {
    cur.units += units;
  }
}

/** Units of one stage that cannot be cancelled in place: a blocker and a return to start. */
function planBlocked(plans: LinePlans, line: AssessLine, stage: FulfilmentStage, blocked: number): void {
  plans.blockers.push({
    orderLineId: line.id,
    stage,
    quantity: blocked,
    reason: 'REQUIRES_RETURN',
    message:
      `${blocked} unit(s) of line ${line.lineNumber} (${line.sku}) are ${stage}` +
      ' and can only come back through a return',
  });
  // Always a return, whatever the stage's own compensation says: a
  // blocked unit by definition cannot be undone in place.
  plans.returnTasks.push({
    type: 'CREATE_RETURN',
    mode: compensationModeOf('CREATE_RETURN'),
    orderLineId: line.id,
    stage,
    quantity: blocked,
  });
}
