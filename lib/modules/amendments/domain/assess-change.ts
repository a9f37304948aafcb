// One change, assessed: its phase (SPEC §6), its cell in the safety matrix, what that means
// (approval level, blocker, replanning), and the order values it read for the fingerprint.

import type { ApproverLevel } from '../../../platform/auth/levels.ts';
import { selectUnits } from '../../cancellations/domain/select-units.ts';
import type { StagePolicyTable } from '../../cancellations/domain/stage-policy.ts';
import {
  isLineCommand,
  type AmendableLine,
  type AmendableOrder,
  type ChangeCommand,
  type Classification,
  type CommandKind,
  type QuantityDirection,
} from './change-command.ts';
import { CLASSIFICATION_OF } from './commands/index.ts';
import { activeQuantity } from './commands/line-rule.ts';
import { isFinished, linePhase, orderPhase, phaseOfStages, type Phase } from './phase.ts';
import { replanningFor, type ReplanningTask } from './replanning.ts';
import { approvalLevelOf, safetyOf, type SafetyCell, type SafetyMatrix, type SafetyResult } from './safety-matrix.ts';

export interface ChangeAssessment {
  index: number;
  path: string;
  op: 'REPLACE';
  /** The value the order held (equal to the request's oldValue, or the rules would have refused). */
  oldValue: unknown;
  newValue: unknown;
  command: CommandKind;
  /** Only for ChangeLineQuantity. */
  direction: QuantityDirection | null;
  orderLineId: string | null;
  classification: Classification;
  phase: Phase;
  safety: SafetyResult;
  cell: SafetyCell;
  approvalLevel: ApproverLevel | null;
  blocker: string | null;
}

export interface AssessedChange {
  change: ChangeAssessment;
  replanning: ReplanningTask[];
  /** Order values this change's assessment read (for the fingerprint). */
  reads: { fields: Record<string, unknown>; lines: AmendableLine[] };
}

const PHASE_TEXT: Readonly<Record<Phase, string>> = {
  BEFORE_RELEASE: 'not yet released',
  RELEASED: 'released to the warehouse',
  IN_WAREHOUSE: 'picked or packed',
  SHIPPED: 'shipped',
};

function blockerText(cmd: ChangeCommand, direction: QuantityDirection | null, phase: Phase, finished: boolean, what: string): string {
  if (finished) return `${cmd.kind} is refused: ${what} has no units left (all cancelled or returned)`;
  if (direction === 'INCREASE') return `${cmd.kind} is refused: ${what} is ${PHASE_TEXT[phase]}; add units through a supplemental order`;
  if (direction === 'DECREASE') return `${cmd.kind} is refused: the units it would take are ${PHASE_TEXT[phase]} and come back only through a return`;
  return `${cmd.kind} is refused: ${what} is ${PHASE_TEXT[phase]}`;
}

interface Scope {
  lines: AmendableLine[];
  phase: Phase;
  finished: boolean;
  direction: QuantityDirection | null;
  what: string;
  oldValue: unknown;
}

function lineScope(line: AmendableLine, cmd: ChangeCommand, stagePolicy: StagePolicyTable): Scope {
  const what = `line ${line.lineNumber}`;
  const finished = isFinished([line.counts]);
  const base = { lines: [line], finished, what };
  if (cmd.kind === 'ChangeLineQuantity') {
    const current = activeQuantity(line.counts);
    if (cmd.newValue > current) return { ...base, phase: linePhase(line.counts), direction: 'INCREASE', oldValue: current };
    // A decrease touches the units the cancellation would take: least progressed first.
    const sel = selectUnits(line.counts, current - cmd.newValue, stagePolicy);
    if (!sel.ok) throw new Error(`Unexpected selection failure: ${sel.error.message}`);
    const phase = phaseOfStages({ ...sel.takeByStage, ...sel.blockedByStage });
    return { ...base, phase, direction: 'DECREASE', oldValue: current };
  }
  const oldValue = cmd.kind === 'SubstituteItem' ? line.sku : line.unitPrice;
  return { ...base, phase: linePhase(line.counts), direction: null, oldValue };
}

function orderScope(order: AmendableOrder, cmd: ChangeCommand): Scope {
  const counts = order.lines.map((l) => l.counts);
  const record = (r: object | null, field: string | null) =>
    field === null ? r : r === null ? null : (r as Record<string, unknown>)[field];
  const oldValue =
    cmd.kind === 'ChangeShippingAddress'
      ? record(order.shippingAddress, cmd.field)
      : cmd.kind === 'ChangeContact'
        ? record(order.contact, cmd.field)
        : cmd.kind === 'ChangeDeliveryNote'
          ? order.deliveryNote
          : order.deliveryWindow;
  return { lines: [...order.lines], phase: orderPhase(counts), finished: isFinished(counts), direction: null, what: 'the order', oldValue };
}

const FIELD_OF: Partial<Record<CommandKind, keyof AmendableOrder>> = {
  ChangeShippingAddress: 'shippingAddress',
  ChangeContact: 'contact',
  ChangeDeliveryNote: 'deliveryNote',
  ChangeDeliveryWindow: 'deliveryWindow',
};

export function assessChange(
  order: AmendableOrder,
  cmd: ChangeCommand,
  matrix: SafetyMatrix,
  stagePolicy: StagePolicyTable,
): AssessedChange {
  const line = isLineCommand(cmd) ? order.lines.find((l) => l.id === cmd.orderLineId) : undefined;
  // The rules have run: a line command names a line of the order.
  if (isLineCommand(cmd) && !line) throw new Error(`Line ${cmd.orderLineId} vanished after the rules ran`);
  const scope = line ? lineScope(line, cmd, stagePolicy) : orderScope(order, cmd);
  const subject = cmd.kind === 'ChangeLineQuantity' ? { kind: cmd.kind, direction: scope.direction! } : { kind: cmd.kind };
  const cell = safetyOf(matrix, subject, scope.phase, stagePolicy);
  const blocked = cell.result === 'BLOCKED';
  const field = FIELD_OF[cmd.kind];
  return {
    change: {
      index: cmd.index,
      path: cmd.path,
      op: 'REPLACE',
      oldValue: scope.oldValue,
      newValue: cmd.newValue,
      command: cmd.kind,
      direction: scope.direction,
      orderLineId: line?.id ?? null,
      classification: CLASSIFICATION_OF[cmd.kind],
      phase: scope.phase,
      safety: cell.result,
      cell,
      approvalLevel: approvalLevelOf(cell),
      blocker: blocked ? blockerText(cmd, scope.direction, scope.phase, scope.finished, scope.what) : null,
    },
    replanning: blocked ? [] : replanningFor(cmd.kind, cmd.index, cell, scope.lines),
    reads: { fields: field ? { [field]: order[field] } : {}, lines: scope.lines },
  };
}
