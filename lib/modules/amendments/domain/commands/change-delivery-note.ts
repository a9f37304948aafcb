// ChangeDeliveryNote: replace (or, with null or blank text, remove) the note for the carrier.
// ADMINISTRATIVE; the matrix refuses it once goods have left (nobody would read it).

import { parseDeliveryNote } from '../order-fields.ts';
import { sameValue, type Parsed } from '../field-text.ts';
import {
  invalid,
  stale,
  type AmendableOrder,
  type ChangeDeliveryNote,
  type Classification,
  type OrderDraft,
  type RawChange,
  type RuleResult,
} from '../change-command.ts';
import { canonicalOld } from './record-change.ts';

export const CLASSIFICATION: Classification = 'ADMINISTRATIVE';

export function parseChangeDeliveryNote(raw: RawChange, index: number, path: string): Parsed<ChangeDeliveryNote> {
  const at = `changes[${index}].newValue`;
  const value = parseDeliveryNote(raw.newValue, at);
  if (!value.ok) return value;
  const oldValue = canonicalOld(raw.oldValue, (v) => parseDeliveryNote(v, at));
  return { ok: true, value: { kind: 'ChangeDeliveryNote', index, path, oldValue, newValue: value.value } };
}

export function applyChangeDeliveryNote(order: AmendableOrder, draft: OrderDraft, cmd: ChangeDeliveryNote): RuleResult {
  if (!sameValue(cmd.oldValue, order.deliveryNote)) return stale(cmd.index, order.deliveryNote, 'delivery note');
  if (cmd.newValue === order.deliveryNote) {
    return invalid(cmd.index, 'newValue', 'newValue is the current delivery note: the change changes nothing');
  }
  return { ok: true, draft: { ...draft, deliveryNote: cmd.newValue } };
}
