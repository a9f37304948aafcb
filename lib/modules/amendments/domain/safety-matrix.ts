// The amendment safety matrix (SPEC §6) as policy data: for each command and phase, whether the
// change applies as is, needs an approval (at a level), needs fulfilment replanning, needs a
// MANAGER review, or is refused. OPS edits it (contracts: SafetyMatrixSchema); every function
// takes the matrix as a parameter. A quantity decrease has no row: it is a cancellation, so the
// cancellation stage policy (SPEC §4.2) decides it.

import { approverLevelRank, type ApproverLevel } from '../../../platform/auth/levels.ts';
import { DEFAULT_STAGE_POLICY, type StagePolicyTable } from '../../cancellations/domain/stage-policy.ts';
import type { CommandKind, QuantityDirection } from './change-command.ts';
import { PHASES, STAGES_OF_PHASE, type Phase } from './phase.ts';

export const SAFETY_RESULTS = ['ALLOWED', 'REQUIRES_APPROVAL', 'REQUIRES_REPLANNING', 'MANUAL_REVIEW', 'BLOCKED'] as const;
export type SafetyResult = (typeof SAFETY_RESULTS)[number];

export type SafetyCell =
  | { result: 'ALLOWED' }
  | { result: 'REQUIRES_APPROVAL'; level: ApproverLevel }
  | { result: 'REQUIRES_REPLANNING' }
  | { result: 'MANUAL_REVIEW' }
  | { result: 'BLOCKED' };

export const MATRIX_ROWS = [
  'ChangeContact',
  'ChangeDeliveryNote',
  'ChangeDeliveryWindow',
  'ChangeShippingAddress',
  'ChangeLineQuantityIncrease',
  'SubstituteItem',
  'ChangeUnitPrice',
] as const;
export type MatrixRow = (typeof MATRIX_ROWS)[number];

export type SafetyMatrix = Readonly<Record<MatrixRow, Readonly<Record<Phase, SafetyCell>>>>;

/** MANUAL_REVIEW is a sign-off at this level before the change applies (then it replans). */
export const MANUAL_REVIEW_LEVEL: ApproverLevel = 'MANAGER';

const ALLOWED: SafetyCell = Object.freeze({ result: 'ALLOWED' });
const REPLAN: SafetyCell = Object.freeze({ result: 'REQUIRES_REPLANNING' });
const REVIEW: SafetyCell = Object.freeze({ result: 'MANUAL_REVIEW' });
const BLOCKED: SafetyCell = Object.freeze({ result: 'BLOCKED' });
const approval = (level: ApproverLevel): SafetyCell => Object.freeze({ result: 'REQUIRES_APPROVAL', level });

const row = (b: SafetyCell, r: SafetyCell, w: SafetyCell, s: SafetyCell) =>
  Object.freeze({ BEFORE_RELEASE: b, RELEASED: r, IN_WAREHOUSE: w, SHIPPED: s });

// SPEC §6, column by column: BEFORE_RELEASE, RELEASED, IN_WAREHOUSE, SHIPPED.
export const DEFAULT_SAFETY_MATRIX: SafetyMatrix = Object.freeze({
  ChangeContact: row(ALLOWED, ALLOWED, ALLOWED, ALLOWED),
  ChangeDeliveryNote: row(ALLOWED, ALLOWED, ALLOWED, BLOCKED),
  ChangeDeliveryWindow: row(ALLOWED, ALLOWED, REPLAN, BLOCKED),
  ChangeShippingAddress: row(ALLOWED, REPLAN, REVIEW, BLOCKED),
  ChangeLineQuantityIncrease: row(ALLOWED, approval('SUPERVISOR'), approval('SUPERVISOR'), BLOCKED),
  SubstituteItem: row(ALLOWED, REPLAN, BLOCKED, BLOCKED),
  ChangeUnitPrice: row(approval('MANAGER'), BLOCKED, BLOCKED, BLOCKED),
});

/** What the matrix is asked about: a command, and for a quantity change its direction. */
export type SafetySubject =
  | { kind: Exclude<CommandKind, 'ChangeLineQuantity'> }
  | { kind: 'ChangeLineQuantity'; direction: QuantityDirection };

/**
 * A quantity decrease at a phase, by the cancellation stage policy: BLOCKED when a stage of the
 * phase cannot be cancelled in place (shipped goods come back through a return), else the
 * highest approval any of its stages asks for, else ALLOWED.
 */
export function decreaseSafety(policy: StagePolicyTable, phase: Phase): SafetyCell {
  const stages = STAGES_OF_PHASE[phase].map((s) => policy[s]);
  if (stages.some((p) => !p.cancelInPlace)) return BLOCKED;
  const level = stages
    .map((p) => p.approval)
    .reduce<ApproverLevel | null>((a, b) => (approverLevelRank(b) > approverLevelRank(a) ? b : a), null);
  return level ? approval(level) : ALLOWED;
}

/** The matrix cell for a subject at a phase (a decrease: the cancellation stage policy's). */
export function safetyOf(
  matrix: SafetyMatrix,
  subject: SafetySubject,
  phase: Phase,
  stagePolicy: StagePolicyTable = DEFAULT_STAGE_POLICY,
): SafetyCell {
  if (!(PHASES as readonly string[]).includes(phase)) throw new RangeError(`Unknown phase ${String(phase)}`);
  if (subject.kind === 'ChangeLineQuantity') {
    if (subject.direction === 'DECREASE') return decreaseSafety(stagePolicy, phase);
    return matrix.ChangeLineQuantityIncrease[phase];
  }
  return matrix[subject.kind][phase];
}

/** The sign-off a cell asks for: its level, MANAGER for a manual review, else none. */
export function approvalLevelOf(cell: SafetyCell): ApproverLevel | null {
  if (cell.result === 'REQUIRES_APPROVAL') return cell.level;
  return cell.result === 'MANUAL_REVIEW' ? MANUAL_REVIEW_LEVEL : null;
}
