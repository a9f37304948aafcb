// New and old values of the order fields amendments change (SPEC §6), parsed with the order's own
// field schemas (lib/modules/orders/domain/order-fields.ts) — the limits intake applies — and
// reported at the change's path (`changes[0].newValue.postalCode`).

import {
  ContactSchema,
  DeliveryNoteSchema,
  DeliveryWindowSchema,
  ShippingAddressSchema,
  type Contact,
  type ContactField,
  type DeliveryWindow,
  type ShippingAddress,
  type ShippingAddressField,
} from '../../orders/domain/order-fields.ts';
import { parseWith, type Parsed } from './field-text.ts';

export {
  CONTACT_FIELDS,
  SHIPPING_ADDRESS_FIELDS,
  type Contact,
  type ContactField,
  type DeliveryWindow,
  type OrderFields,
  type ShippingAddress,
  type ShippingAddressField,
} from '../../orders/domain/order-fields.ts';

/** One address field, checked and trimmed (null: an optional field left empty). */
export function parseAddressField(field: ShippingAddressField, raw: unknown, path: string): Parsed<string | null> {
  return parseWith(ShippingAddressSchema.shape[field], raw, path);
}

/** One contact field, checked and trimmed (null: no phone). */
export function parseContactField(field: ContactField, raw: unknown, path: string): Parsed<string | null> {
  return parseWith(ContactSchema.shape[field], raw, path);
}

export function parseShippingAddress(raw: unknown, path: string): Parsed<ShippingAddress> {
  return parseWith(ShippingAddressSchema, raw, path);
}

export function parseContact(raw: unknown, path: string): Parsed<Contact> {
  return parseWith(ContactSchema, raw, path);
}

/** A delivery note; blank or null means no note. */
export function parseDeliveryNote(raw: unknown, path: string): Parsed<string | null> {
  return parseWith(DeliveryNoteSchema, raw, path);
}

/** A requested delivery window {from, to}: ISO instants with a zone, from strictly before to. */
export function parseDeliveryWindow(raw: unknown, path: string): Parsed<DeliveryWindow> {
  return parseWith(DeliveryWindowSchema, raw, path);
}
