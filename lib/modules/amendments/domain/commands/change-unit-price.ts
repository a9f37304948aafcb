// ChangeUnitPrice: re-price a line. COMMERCIAL. The difference applies to the units not yet
// cancelled or returned (those were refunded at the old price); the line's tax, shipping and
// discount are stored amounts shared by quantity, so a price change leaves them as they are.

import { MAX_MONEY } from '../../../../platform/money/money.ts';
import type { Parsed } from '../field-text.ts';
import {
  invalid,
  stale,
  type AmendableOrder,
  type ChangeUnitPrice,
  type Classification,
  type OrderDraft,
  type RawChange,
  type RuleResult,
} from '../change-command.ts';
import { findLine, lineDraftOf, wholeNumberProblem, withLineDraft } from './line-rule.ts';

export const CLASSIFICATION: Classification = 'COMMERCIAL';

export function parseChangeUnitPrice(orderLineId: string, raw: RawChange, index: number, path: string): Parsed<ChangeUnitPrice> {
  const problem = wholeNumberProblem(raw.newValue, 0, MAX_MONEY, 'newValue (minor units)');
  if (problem) return { ok: false, errors: [{ path: `changes[${index}].newValue`, message: problem }] };
  return {
    ok: true,
    value: { kind: 'ChangeUnitPrice', index, path, orderLineId, oldValue: raw.oldValue ?? null, newValue: raw.newValue as number },
  };
}

export function applyChangeUnitPrice(order: AmendableOrder, draft: OrderDraft, cmd: ChangeUnitPrice): RuleResult {
  const found = findLine(order, cmd);
  if (!found.ok) return found;
  const { line } = found;
  if (cmd.oldValue !== line.unitPrice) return stale(cmd.index, line.unitPrice, `unit price of line ${line.lineNumber}`);
  if (cmd.newValue === line.unitPrice) {
    return invalid(cmd.index, 'newValue', `Line ${line.lineNumber} already costs ${line.unitPrice}: the change changes nothing`);
  }
  return { ok: true, draft: withLineDraft(draft, line.id, { ...lineDraftOf(draft, line), unitPrice: cmd.newValue }) };
}
