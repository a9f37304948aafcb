// What an order carries that amendments change (SPEC §6): shipping address, contact, delivery
// note and requested delivery window. Intake accepts them, order views show them, amendment
// rules compare and replace them. Canonical form: trimmed text, absent optional parts as null,
// window instants as UTC ISO text — so two equal values are equal as JSON too.

import type { FieldError } from '../../../platform/errors.ts';
import { canonicalInstant, fail, isCountryCode, isEmail, isPhone, ok, parseText, type Parsed, type TextRule } from './field-text.ts';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

export interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

export interface DeliveryWindow {
  /** Canonical UTC ISO instants, from < to. */
  from: string;
  to: string;
}

export const SHIPPING_ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type ShippingAddressField = (typeof SHIPPING_ADDRESS_FIELDS)[number];
export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const ADDRESS_RULES: Readonly<Record<ShippingAddressField, TextRule>> = Object.freeze({
  name: { max: 200, required: true },
  line1: { max: 200, required: true },
  line2: { max: 200, required: false },
  city: { max: 100, required: true },
  region: { max: 100, required: false },
  postalCode: { max: 20, required: true },
  country: { max: 2, required: true },
});

export const CONTACT_RULES: Readonly<Record<ContactField, TextRule>> = Object.freeze({
  name: { max: 200, required: true },
  email: { max: 254, required: true },
  phone: { max: 32, required: false },
});

export const DELIVERY_NOTE_RULE: TextRule = Object.freeze({ max: 1000, required: false, multiline: true });

/** One address field, checked and trimmed (null: an optional field left empty). */
export function parseAddressField(field: ShippingAddressField, raw: unknown, path: string): Parsed<string | null> {
  const text = parseText(raw, path, ADDRESS_RULES[field]);
  if (text.ok && field === 'country' && !isCountryCode(text.value)) {
    return fail(path, 'must be an ISO 3166-1 alpha-2 country code such as US or DE');
  }
  return text;
}

/** One contact field, checked and trimmed (null: no phone). */
export function parseContactField(field: ContactField, raw: unknown, path: string): Parsed<string | null> {
  const text = parseText(raw, path, CONTACT_RULES[field]);
  if (!text.ok || text.value === null) return text;
  if (field === 'email' && !isEmail(text.value)) return fail(path, 'must be an e-mail address');
  if (field === 'phone' && !isPhone(text.value)) return fail(path, 'must be a phone number (digits, spaces, + ( ) . / -)');
  return text;
}

function parseRecord<F extends string>(
  raw: unknown,
  path: string,
  fields: readonly F[],
  parseField: (field: F, value: unknown, path: string) => Parsed<string | null>,
): Parsed<Record<F, string | null>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(path, 'must be an object');
  const errors: FieldError[] = [];
  const out = {} as Record<F, string | null>;
  for (const key of Object.keys(raw)) {
    if (!(fields as readonly string[]).includes(key)) errors.push({ path: `${path}.${key}`, message: 'is not a known field' });
  }
  for (const field of fields) {
    const r = parseField(field, (raw as Record<string, unknown>)[field], `${path}.${field}`);
    if (r.ok) out[field] = r.value;
    else errors.push(...r.errors);
  }
  return errors.length ? { ok: false, errors } : ok(out);
}

export function parseShippingAddress(raw: unknown, path: string): Parsed<ShippingAddress> {
  return parseRecord(raw, path, SHIPPING_ADDRESS_FIELDS, parseAddressField) as Parsed<ShippingAddress>;
}

export function parseContact(raw: unknown, path: string): Parsed<Contact> {
  return parseRecord(raw, path, CONTACT_FIELDS, parseContactField) as Parsed<Contact>;
}

/** A delivery note; blank or null means no note. */
export function parseDeliveryNote(raw: unknown, path: string): Parsed<string | null> {
  return parseText(raw, path, DELIVERY_NOTE_RULE);
}

/** A requested delivery window {from, to}: ISO instants with a zone, from strictly before to. */
export function parseDeliveryWindow(raw: unknown, path: string): Parsed<DeliveryWindow> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(path, 'must be an object {from, to}');
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== 'from' && key !== 'to') errors.push({ path: `${path}.${key}`, message: 'is not a known field' });
  }
  const r = raw as Record<string, unknown>;
  const from = canonicalInstant(r.from);
  const to = canonicalInstant(r.to);
  const instant = 'must be an ISO 8601 date-time with a time zone, e.g. 2025-05-01T08:00:00Z';
  if (from === null) errors.push({ path: `${path}.from`, message: instant });
  if (to === null) errors.push({ path: `${path}.to`, message: instant });
  if (from !== null && to !== null && from >= to) errors.push({ path: `${path}.to`, message: 'must be after from' });
  return errors.length || from === null || to === null ? { ok: false, errors } : ok({ from, to });
}

/** The order's amendable fields, as intake takes them and order views show them. */
export interface OrderFields {
  shippingAddress: ShippingAddress | null;
  contact: Contact | null;
  deliveryNote: string | null;
  deliveryWindow: DeliveryWindow | null;
}
