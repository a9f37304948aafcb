// The amendment assessment (SPEC §6): before anything changes, per change its command,
// classification, phase, safety and blocker; then the request's feasibility, the approvals
// the matrix asks for, the money, the replanning, and the fingerprint of what was read.
// Pure: the server layer stores it (never when BLOCKED), adds the approval rules' tasks and
// the decreases' refunds, and applies it.

import { approverLevelRank, type ApproverLevel } from '../../../platform/auth/levels.ts';
import { DEFAULT_STAGE_POLICY, type StagePolicyTable } from '../../cancellations/domain/stage-policy.ts';
import type { AmendableOrder, ProblemCode, RawChange, RuleProblem } from './change-command.ts';
import { assessChange, type ChangeAssessment } from './assess-change.ts';
import { fingerprintOf } from './fingerprint.ts';
import { lineImpacts, moneyImpact, type AmendmentTender, type MoneyImpact } from './money-impact.ts';
import type { ReplanningTask } from './replanning.ts';
import { resolveChanges } from './resolve-changes.ts';
import { DEFAULT_SAFETY_MATRIX, type SafetyMatrix, type SafetyResult } from './safety-matrix.ts';

export interface AssessAmendmentInput {
  order: AmendableOrder;
  changes: readonly RawChange[];
  tenders: readonly AmendmentTender[];
  /** The order's cumulative refund so far. */
  orderRefundedTotal: number;
  matrix?: SafetyMatrix;
  stagePolicy?: StagePolicyTable;
}

/** BLOCKED is shown by a preview and refuses a request; it is never stored. */
export type Feasibility = SafetyResult;

export interface Blocker {
  changeIndex: number;
  path: string;
  message: string;
}

export interface RequiredApproval {
  level: ApproverLevel;
  /** What asks for it: `SAFETY_MATRIX` (a cell, or a manual review) or `STAGE_POLICY` (a decrease). */
  rule: string;
  reason: string;
}

export interface AmendmentImpact extends MoneyImpact {
  replanning: ReplanningTask[];
}

export interface AmendmentAssessment {
  orderVersion: number;
  feasibility: Feasibility;
  blockers: Blocker[];
  requiredApprovals: RequiredApproval[];
  changes: ChangeAssessment[];
  impact: AmendmentImpact;
  /** For the approval rules (SPEC §6: "the order value and quantity are those of the change"). */
  facts: { value: number; units: number };
  fingerprint: string;
}

export type AssessAmendmentResult =
  | { ok: true; assessment: AmendmentAssessment }
  | { ok: false; code: ProblemCode; errors: RuleProblem[] };

// The strongest result wins: refused, then a review, then an approval, then replanning.
const FEASIBILITY_ORDER: readonly Feasibility[] = ['BLOCKED', 'MANUAL_REVIEW', 'REQUIRES_APPROVAL', 'REQUIRES_REPLANNING', 'ALLOWED'];

export function feasibilityOf(changes: readonly ChangeAssessment[]): Feasibility {
  return FEASIBILITY_ORDER.find((f) => changes.some((c) => c.safety === f)) ?? 'ALLOWED';
}

/** One approval per level, lowest level first, naming every change that asks for it. */
export function requiredApprovalsOf(changes: readonly ChangeAssessment[]): RequiredApproval[] {
  const byLevel = new Map<ApproverLevel, { rules: Set<string>; reasons: string[] }>();
  for (const c of changes) {
    if (!c.approvalLevel) continue;
    const entry = byLevel.get(c.approvalLevel) ?? { rules: new Set<string>(), reasons: [] };
    entry.rules.add(c.command === 'ChangeLineQuantity' && c.direction === 'DECREASE' ? 'STAGE_POLICY' : 'SAFETY_MATRIX');
    entry.reasons.push(`${c.command}${c.direction ? ` (${c.direction.toLowerCase()})` : ''} at ${c.phase}: ${c.safety}`);
    byLevel.set(c.approvalLevel, entry);
  }
  return [...byLevel.entries()]
    .sort(([a], [b]) => approverLevelRank(a) - approverLevelRank(b))
    .map(([level, { rules, reasons }]) => ({ level, rule: [...rules].sort().join('+'), reason: reasons.join('; ') }));
}

export function assessAmendment(input: AssessAmendmentInput): AssessAmendmentResult {
  const matrix = input.matrix ?? DEFAULT_SAFETY_MATRIX;
  const stagePolicy = input.stagePolicy ?? DEFAULT_STAGE_POLICY;
  const { order } = input;
  const resolved = resolveChanges(order, input.changes);
  if (!resolved.ok) return resolved;

  const assessed = resolved.commands.map((cmd) => assessChange(order, cmd, matrix, stagePolicy));
  const changes = assessed.map((a) => a.change);
  const blockers = changes
    .filter((c) => c.blocker !== null)
    .map((c) => ({ changeIndex: c.index, path: c.path, message: c.blocker! }));
  const lines = lineImpacts(order, resolved.draft);
  const money = moneyImpact(lines, input.tenders, input.orderRefundedTotal);
  const reads = {
    order: order.id,
    fields: Object.fromEntries(assessed.flatMap((a) => Object.entries(a.reads.fields))),
    lines: Object.fromEntries(assessed.flatMap((a) => a.reads.lines.map((l) => [l.id, l]))),
    cells: changes.map((c) => ({ index: c.index, cell: c.cell })),
    changes: resolved.commands.map((c) => ({ path: c.path, newValue: c.newValue })),
    tenders: input.tenders,
    orderRefundedTotal: input.orderRefundedTotal,
  };
  return {
    ok: true,
    assessment: {
      orderVersion: order.version,
      feasibility: feasibilityOf(changes),
      blockers,
      requiredApprovals: requiredApprovalsOf(changes),
      changes,
      impact: { ...money, replanning: assessed.flatMap((a) => a.replanning) },
      facts: {
        value: lines.reduce((sum, l) => sum + Math.abs(l.total), 0),
        units: lines.reduce((sum, l) => sum + Math.abs(l.quantityDelta), 0),
      },
      fingerprint: fingerprintOf(order.version, reads),
    },
  };
}
