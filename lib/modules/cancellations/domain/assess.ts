// The cancellation assessment (SPEC §4.3): before anything changes, work out
// which units would be cancelled, which are blocked, who must approve, what
// inventory and compensation steps follow, and how much money goes back to
// which tender. Pure: the command layer stores the result and executes it.

import { approverLevelRank, type ApproverLevel } from '../../../platform/auth/levels.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { LineMoney } from '../../../platform/money/money.ts';
import {
  FULFILMENT_STAGES,
  isPositiveSafeInteger,
  type BucketCounts,
  type FulfilmentStage,
} from '../../orders/domain/buckets.ts';
import { lineRefund, sumRefunds, type RefundBreakdown } from './line-refund.ts';
import { outstanding, selectUnits } from './select-units.ts';
import {
  CANCEL_ORDER_OF_STAGES,
  DEFAULT_STAGE_POLICY,
  compensationModeOf,
  inventoryAdjustmentFor,
  type CompensationMode,
  type CompensationType,
  type InventoryAdjustmentType,
  type StagePolicyTable,
} from './stage-policy.ts';
import { splitRefundAcrossTenders } from './tender-split.ts';

export interface AssessLine extends LineMoney {
  id: string;
  lineNumber: number;
  sku: string;
  counts: BucketCounts;
}

export interface AssessTender {
  id: string;
  method: string;
  amount: number;
  refunded: number;
}

export interface AssessInput {
  lines: readonly AssessLine[];
  /** 'ORDER' = everything still outstanding on every line. */
  requested: readonly { orderLineId: string; quantity: number }[] | 'ORDER';
  tenders: readonly AssessTender[];
  /** The order's cumulative refund before this request. */
  orderRefundedTotal: number;
  /** Goods already handled (picked/packed) are damaged: write off instead of restock. */
  damaged?: boolean;
  policy?: StagePolicyTable;
}

export type Feasibility = 'FULLY_CANCELLABLE' | 'PARTIALLY_CANCELLABLE' | 'NOT_CANCELLABLE';

export interface Blocker {
  orderLineId: string;
  stage: FulfilmentStage;
  quantity: number;
  reason: 'REQUIRES_RETURN';
  message: string;
}

export interface RequiredApproval {
  level: ApproverLevel;
  /**
   * What asks for the approval: here `STAGE_${stage}` of the most progressed stage that needs
   * this level; the command layer replaces these with the approval rules' verdict (the rule's id).
   */
  rule: string;
  reason: string;
  ruleName?: string;
  /** When the task should expire, from the rule (null: never). */
  expiresAfterMinutes?: number | null;
}

export interface LineImpact {
  orderLineId: string;
  lineNumber: number;
  sku: string;
  requestedQuantity: number;
  /** Units cancelled in place. */
  cancelQuantity: number;
  byStage: Partial<Record<FulfilmentStage, number>>;
  /** Units requested but requiring a return. */
  blocked: number;
  blockedByStage: Partial<Record<FulfilmentStage, number>>;
  refund: RefundBreakdown;
}

export interface InventoryAdjustmentPlan {
  orderLineId: string;
  stage: FulfilmentStage;
  type: InventoryAdjustmentType;
  quantity: number;
}

export interface CompensationPlanItem {
  type: CompensationType;
  mode: CompensationMode;
  /** null for order-level steps (the refund). */
  orderLineId: string | null;
  stage: FulfilmentStage | null;
  quantity: number;
  /** Only on ISSUE_REFUND: the refund total in minor units. */
  amount?: number;
}

export interface TenderRefundPlan {
  tenderId: string;
  method: string;
  amount: number;
}

export interface RefundImpact extends RefundBreakdown {
  byTender: TenderRefundPlan[];
}

export interface Assessment {
  feasibility: Feasibility;
  blockers: Blocker[];
  requiredApprovals: RequiredApproval[];
  /** Rules that matched but whose auto-approval conditions held (set by the command layer). */
  autoApproved?: { rule: string; ruleName: string; level: ApproverLevel; reason: string }[];
  lines: LineImpact[];
  inventory: InventoryAdjustmentPlan[];
  compensation: CompensationPlanItem[];
  refund: RefundImpact;
}

export type AssessErrorCode = 'VALIDATION_FAILED' | 'OVER_CANCEL' | 'NOT_FOUND';

export type AssessResult =
  | { ok: true; assessment: Assessment }
  | { ok: false; errors: FieldError[]; code: AssessErrorCode };

interface Wanted {
  line: AssessLine;
  quantity: number;
}

// Most specific first: an unknown line makes its other errors meaningless,
// malformed input is the caller's mistake, over-cancel is a state conflict.
// Only the errors of the winning code are returned so that the code and the
// field messages always agree.
const ERROR_PRECEDENCE: readonly AssessErrorCode[] = ['NOT_FOUND', 'VALIDATION_FAILED', 'OVER_CANCEL'];

function resolveScope(
  input: AssessInput,
  byId: ReadonlyMap<string, AssessLine>,
): { ok: true; wanted: Wanted[] } | { ok: false; errors: FieldError[]; code: AssessErrorCode } {
  if (input.requested === 'ORDER') {
    const wanted: Wanted[] = [];
    for (const line of input.lines) {
      const q = outstanding(line.counts);
      if (q > 0) wanted.push({ line, quantity: q });
    }
    return { ok: true, wanted };
  }

  const list = input.requested;
  if (!Array.isArray(list) || list.length === 0) {
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'scope.lines', message: 'List at least one line to cancel, or cancel the whole order' }],
    };
  }

  const found: Record<AssessErrorCode, FieldError[]> = { NOT_FOUND: [], VALIDATION_FAILED: [], OVER_CANCEL: [] };
  const seen = new Set<string>();
  const wanted: Wanted[] = [];
  list.forEach((item, i) => {
    const idPath = `scope.lines[${i}].orderLineId`;
    const qtyPath = `scope.lines[${i}].quantity`;
    const id: unknown = item?.orderLineId;
    if (typeof id !== 'string' || id === '') {
      found.VALIDATION_FAILED.push({ path: idPath, message: 'orderLineId is required' });
      return;
    }
    const line = byId.get(id);
    if (!line) {
      found.NOT_FOUND.push({ path: idPath, message: `Order line ${id} not found on this order` });
      return;
    }
    if (seen.has(id)) {
      found.VALIDATION_FAILED.push({ path: idPath, message: `Line ${line.lineNumber} is listed more than once` });
      return;
    }
    seen.add(id);
    const q: unknown = item.quantity;
    if (!isPositiveSafeInteger(q)) {
      found.VALIDATION_FAILED.push({ path: qtyPath, message: 'Quantity must be a positive integer' });
      return;
    }
    const out = outstanding(line.counts);
    if (q > out) {
      found.OVER_CANCEL.push({
        path: qtyPath,
        message: `Cannot cancel ${q} unit(s) of line ${line.lineNumber}: only ${out} can be cancelled`,
      });
      return;
    }
    wanted.push({ line, quantity: q });
  });

  for (const code of ERROR_PRECEDENCE) {
    if (found[code].length > 0) return { ok: false, code, errors: found[code] };
  }
  return { ok: true, wanted };
}

const stageIndex = (s: FulfilmentStage) => FULFILMENT_STAGES.indexOf(s);

export function assessCancellation(input: AssessInput): AssessResult {
  const policy = input.policy ?? DEFAULT_STAGE_POLICY;
  const damaged = input.damaged === true;

  const byId = new Map<string, AssessLine>();
  for (const line of input.lines) {
    // Lines come from the database, not the user: a duplicate is a bug upstream.
    if (byId.has(line.id)) throw new RangeError(`Duplicate order line id ${line.id} in assessment input`);
    byId.set(line.id, line);
  }

  const scope = resolveScope(input, byId);
  if (!scope.ok) return scope;
  const wanted = [...scope.wanted].sort(
    (a, b) => a.line.lineNumber - b.line.lineNumber || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0),
  );

  const lines: LineImpact[] = [];
  const blockers: Blocker[] = [];
  const inventory: InventoryAdjustmentPlan[] = [];
  const lineTasks: CompensationPlanItem[] = [];
  const returnTasks: CompensationPlanItem[] = [];
  // Per approval level: the most progressed stage needing it and its units.
  const approvalStage = new Map<ApproverLevel, { stage: FulfilmentStage; units: number }>();
  let inPlaceTotal = 0;
  let blockedTotal = 0;

  for (const { line, quantity } of wanted) {
    const sel = selectUnits(line.counts, quantity, policy);
    // resolveScope already checked quantity against what is outstanding.
    if (!sel.ok) throw new Error(`Unexpected selection failure: ${sel.error.message}`);

    // Only units cancelled in place are refunded now; blocked ones are
    // refunded when their return is received.
    const refund = lineRefund(line, line.counts.CANCELLED, sel.cancelInPlace);
    lines.push({
      orderLineId: line.id,
      lineNumber: line.lineNumber,
      sku: line.sku,
      requestedQuantity: quantity,
      cancelQuantity: sel.cancelInPlace,
      byStage: sel.takeByStage,
      blocked: sel.blocked,
      blockedByStage: sel.blockedByStage,
      refund,
    });
    inPlaceTotal += sel.cancelInPlace;
    blockedTotal += sel.blocked;

    for (const stage of CANCEL_ORDER_OF_STAGES) {
      const taken = sel.takeByStage[stage] ?? 0;
      if (taken > 0) {
        const p = policy[stage];
        // Approvals are for what is cancelled now. Blocked units need none
        // here: they go through a return later, which has its own approval.
        if (p.approval) {
          const cur = approvalStage.get(p.approval);
          if (!cur || stageIndex(stage) > stageIndex(cur.stage)) {
            approvalStage.set(p.approval, { stage, units: taken });
          } else if (cur.stage === stage) {
            cur.units += taken;
          }
        }
        const inv = inventoryAdjustmentFor(p, damaged);
        if (inv) inventory.push({ orderLineId: line.id, stage, type: inv, quantity: taken });
        if (p.compensation) {
          lineTasks.push({
            type: p.compensation.type,
            mode: p.compensation.mode,
            orderLineId: line.id,
            stage,
            quantity: taken,
          });
        }
      }

      const blocked = sel.blockedByStage[stage] ?? 0;
      if (blocked > 0) {
        blockers.push({
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
        returnTasks.push({
          type: 'CREATE_RETURN',
          mode: compensationModeOf('CREATE_RETURN'),
          orderLineId: line.id,
          stage,
          quantity: blocked,
        });
      }
    }
  }

  const totals = sumRefunds(lines.map((l) => l.refund));
  const split = splitRefundAcrossTenders(input.tenders, input.orderRefundedTotal, totals.total);
  const byTender = split.map((s, i) => ({ tenderId: s.id, method: input.tenders[i]!.method, amount: s.amount }));

  // Order of the plan: undo fulfilment line by line, then pay back, then
  // start returns for what could not be cancelled.
  const compensation: CompensationPlanItem[] = [...lineTasks];
  if (totals.total > 0) {
    compensation.push({
      type: 'ISSUE_REFUND',
      mode: compensationModeOf('ISSUE_REFUND'),
      orderLineId: null,
      stage: null,
      quantity: inPlaceTotal,
      amount: totals.total,
    });
  }
  compensation.push(...returnTasks);

  const requiredApprovals: RequiredApproval[] = [...approvalStage.entries()]
    .sort(([a], [b]) => approverLevelRank(a) - approverLevelRank(b))
    .map(([level, { stage, units }]) => ({
      level,
      rule: `STAGE_${stage}`,
      reason: `Cancelling ${units} ${stage} unit(s) requires ${level} approval`,
    }));

  const feasibility: Feasibility =
    inPlaceTotal === 0 ? 'NOT_CANCELLABLE' : blockedTotal > 0 ? 'PARTIALLY_CANCELLABLE' : 'FULLY_CANCELLABLE';

  return {
    ok: true,
    assessment: {
      feasibility,
      blockers,
      requiredApprovals,
      lines,
      inventory,
      compensation,
      refund: { ...totals, byTender },
    },
  };
}
