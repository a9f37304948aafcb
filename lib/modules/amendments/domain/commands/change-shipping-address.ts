// ChangeShippingAddress: replace the shipping address, or one field of it. FULFILLMENT_ROUTING:
// units already in the warehouse would go to the wrong place, hence the matrix's replanning.

import {
  parseAddressField,
  parseShippingAddress,
  type ShippingAddress,
  type ShippingAddressField,
} from '../order-fields.ts';
import type { Parsed } from '../field-text.ts';
import type { AmendableOrder, ChangeShippingAddress, Classification, OrderDraft, RawChange, RuleResult } from '../change-command.ts';
import { applyRecordChange, canonicalOld } from './record-change.ts';

export const CLASSIFICATION: Classification = 'FULFILLMENT_ROUTING';

export function parseChangeShippingAddress(
  field: ShippingAddressField | null,
  raw: RawChange,
  index: number,
  path: string,
): Parsed<ChangeShippingAddress> {
  const at = `changes[${index}].newValue`;
  if (field === null) {
    const value = parseShippingAddress(raw.newValue, at);
    if (!value.ok) return value;
    const oldValue = canonicalOld(raw.oldValue, (v) => parseShippingAddress(v, at));
    return { ok: true, value: { kind: 'ChangeShippingAddress', index, path, field, oldValue, newValue: value.value } };
  }
  const value = parseAddressField(field, raw.newValue, at);
  if (!value.ok) return value;
  const oldValue = canonicalOld(raw.oldValue, (v) => parseAddressField(field, v, at));
  return { ok: true, value: { kind: 'ChangeShippingAddress', index, path, field, oldValue, newValue: value.value } };
}

export function applyChangeShippingAddress(order: AmendableOrder, draft: OrderDraft, cmd: ChangeShippingAddress): RuleResult {
  const r = applyRecordChange<ShippingAddress, ShippingAddressField>(order.shippingAddress, draft.shippingAddress, cmd, 'shipping address');
  return r.ok ? { ok: true, draft: { ...draft, shippingAddress: r.next } } : r;
}
