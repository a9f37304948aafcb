// ChangeDeliveryWindow: replace (or, with null, remove) the requested delivery window.
// SCHEDULING: once goods are picked the warehouse has planned the shipment around it.

import { parseDeliveryWindow, type DeliveryWindow } from '../order-fields.ts';
import { ok, sameValue, type Parsed } from '../field-text.ts';
import {
  invalid,
  stale,
  type AmendableOrder,
  type ChangeDeliveryWindow,
  type Classification,
  type OrderDraft,
  type RawChange,
  type RuleResult,
} from '../change-command.ts';
import { canonicalOld } from './record-change.ts';

export const CLASSIFICATION: Classification = 'SCHEDULING';

function parseWindowOrNone(raw: unknown, at: string): Parsed<DeliveryWindow | null> {
  return raw === null ? ok(null) : parseDeliveryWindow(raw, at);
}

export function parseChangeDeliveryWindow(raw: RawChange, index: number, path: string): Parsed<ChangeDeliveryWindow> {
  const at = `changes[${index}].newValue`;
  const value = parseWindowOrNone(raw.newValue, at);
  if (!value.ok) return value;
  // Instants compare as instants: 10:00+02:00 is the 08:00Z the order holds.
  const oldValue = canonicalOld(raw.oldValue, (v) => parseWindowOrNone(v, at));
  return { ok: true, value: { kind: 'ChangeDeliveryWindow', index, path, oldValue, newValue: value.value } };
}

export function applyChangeDeliveryWindow(order: AmendableOrder, draft: OrderDraft, cmd: ChangeDeliveryWindow): RuleResult {
  if (!sameValue(cmd.oldValue, order.deliveryWindow)) return stale(cmd.index, order.deliveryWindow, 'delivery window');
  if (sameValue(cmd.newValue, order.deliveryWindow)) {
    return invalid(cmd.index, 'newValue', 'newValue is the current delivery window: the change changes nothing');
  }
  return { ok: true, draft: { ...draft, deliveryWindow: cmd.newValue } };
}
