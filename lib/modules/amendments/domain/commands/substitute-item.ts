// SubstituteItem: replace a line's item (SKU) by another. COMMERCIAL. Applying it ends the old
// line's remaining units and adds a new line with the new SKU at the old line's price (or the
// price a ChangeUnitPrice of the same request names), carrying the remaining units' money.

import { parseWith, type Parsed } from '../field-text.ts';
import { requiredText } from '../../../orders/domain/order-fields.ts';
import {
  invalid,
  stale,
  type AmendableOrder,
  type Classification,
  type OrderDraft,
  type RawChange,
  type RuleResult,
  type SubstituteItem,
} from '../change-command.ts';
import { findLine, lineDraftOf, withLineDraft } from './line-rule.ts';

export const CLASSIFICATION: Classification = 'COMMERCIAL';

/** The same bounds as a SKU at intake (platform contracts' Code). */
const SkuSchema = requiredText(64);

export function parseSubstituteItem(orderLineId: string, raw: RawChange, index: number, path: string): Parsed<SubstituteItem> {
  const value = parseWith(SkuSchema, raw.newValue, `changes[${index}].newValue`);
  if (!value.ok) return value;
  const old = typeof raw.oldValue === 'string' ? raw.oldValue.trim() : (raw.oldValue ?? null);
  return { ok: true, value: { kind: 'SubstituteItem', index, path, orderLineId, oldValue: old, newValue: value.value! } };
}

export function applySubstituteItem(order: AmendableOrder, draft: OrderDraft, cmd: SubstituteItem): RuleResult {
  const found = findLine(order, cmd);
  if (!found.ok) return found;
  const { line } = found;
  if (cmd.oldValue !== line.sku) return stale(cmd.index, line.sku, `SKU of line ${line.lineNumber}`);
  if (cmd.newValue === line.sku) {
    return invalid(cmd.index, 'newValue', `Line ${line.lineNumber} already is ${line.sku}: the change changes nothing`);
  }
  return { ok: true, draft: withLineDraft(draft, line.id, { ...lineDraftOf(draft, line), sku: cmd.newValue }) };
}
