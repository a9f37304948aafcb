// ChangeLineQuantity: set a line's active quantity (units neither cancelled nor returned).
// COMMERCIAL. An increase adds OPEN units and is charged (unit price plus the line's tax share);
// a decrease is carried out by the cancellation engine, so its refund follows SPEC §4.5 exactly.

import { MAX_LINE_QUANTITY } from '../line-money.ts';
import type { Parsed } from '../field-text.ts';
import {
  invalid,
  stale,
  type AmendableOrder,
  type ChangeLineQuantity,
  type Classification,
  type OrderDraft,
  type QuantityDirection,
  type RawChange,
  type RuleResult,
} from '../change-command.ts';
import { activeQuantity, findLine, lineDraftOf, wholeNumberProblem, withLineDraft } from './line-rule.ts';

export const CLASSIFICATION: Classification = 'COMMERCIAL';

export function parseChangeLineQuantity(orderLineId: string, raw: RawChange, index: number, path: string): Parsed<ChangeLineQuantity> {
  // A line keeps at least one unit: every unit of a line is removed by a cancellation request.
  const problem =
    raw.newValue === 0 ? 'newValue must be at least 1: to remove every unit of the line, request a cancellation' : wholeNumberProblem(raw.newValue, 1, MAX_LINE_QUANTITY, 'newValue');
  if (problem) return { ok: false, errors: [{ path: `changes[${index}].newValue`, message: problem }] };
  return {
    ok: true,
    value: { kind: 'ChangeLineQuantity', index, path, orderLineId, oldValue: raw.oldValue ?? null, newValue: raw.newValue as number },
  };
}

/** INCREASE or DECREASE, from the quantity the line holds now. */
export function quantityDirection(cmd: ChangeLineQuantity, current: number): QuantityDirection {
  return cmd.newValue > current ? 'INCREASE' : 'DECREASE';
}

export function applyChangeLineQuantity(order: AmendableOrder, draft: OrderDraft, cmd: ChangeLineQuantity): RuleResult {
  const found = findLine(order, cmd);
  if (!found.ok) return found;
  const { line } = found;
  const current = activeQuantity(line.counts);
  if (cmd.oldValue !== current) return stale(cmd.index, current, `quantity of line ${line.lineNumber}`);
  if (cmd.newValue === current) {
    return invalid(cmd.index, 'newValue', `Line ${line.lineNumber} already has ${current} unit(s): the change changes nothing`);
  }
  const base = lineDraftOf(draft, line);
  if (cmd.newValue > current) {
    const added = cmd.newValue - current;
    if (line.quantity + added > MAX_LINE_QUANTITY) {
      return invalid(cmd.index, 'newValue', `Line ${line.lineNumber} would hold more than ${MAX_LINE_QUANTITY} units`);
    }
    return { ok: true, draft: withLineDraft(draft, line.id, { ...base, addUnits: added }) };
  }
  return { ok: true, draft: withLineDraft(draft, line.id, { ...base, cancelUnits: current - cmd.newValue }) };
}
