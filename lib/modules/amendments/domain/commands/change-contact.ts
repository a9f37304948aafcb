// ChangeContact: replace the buyer's contact (name, email, phone), or one field of it.
// ADMINISTRATIVE: nothing in fulfilment depends on it, so it may change at any phase.

import {
  parseContactField,
  parseContact,
  type Contact,
  type ContactField,
} from '../order-fields.ts';
import type { Parsed } from '../field-text.ts';
import type { AmendableOrder, ChangeContact, Classification, OrderDraft, RawChange, RuleResult } from '../change-command.ts';
import { applyRecordChange, canonicalOld } from './record-change.ts';

export const CLASSIFICATION: Classification = 'ADMINISTRATIVE';

export function parseChangeContact(
  field: ContactField | null,
  raw: RawChange,
  index: number,
  path: string,
): Parsed<ChangeContact> {
  const at = `changes[${index}].newValue`;
  if (field === null) {
    const value = parseContact(raw.newValue, at);
    if (!value.ok) return value;
    const oldValue = canonicalOld(raw.oldValue, (v) => parseContact(v, at));
    return { ok: true, value: { kind: 'ChangeContact', index, path, field, oldValue, newValue: value.value } };
  }
  const value = parseContactField(field, raw.newValue, at);
  if (!value.ok) return value;
  const oldValue = canonicalOld(raw.oldValue, (v) => parseContactField(field, v, at));
  return { ok: true, value: { kind: 'ChangeContact', index, path, field, oldValue, newValue: value.value } };
}

export function applyChangeContact(order: AmendableOrder, draft: OrderDraft, cmd: ChangeContact): RuleResult {
  const r = applyRecordChange<Contact, ContactField>(order.contact, draft.contact, cmd, 'contact');
  return r.ok ? { ok: true, draft: { ...draft, contact: r.next } } : r;
}
