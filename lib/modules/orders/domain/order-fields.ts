// What an order carries that amendments change (SPEC §6): shipping address, contact, delivery
// note and requested delivery window — the one definition of their limits and shapes. Intake
// parses with these schemas, order views return their canonical output, amendment rules parse
// new values with them. Canonical form: trimmed text, absent optional parts as null, window
// instants as UTC ISO text — so two equal values are equal as JSON too.

import { z } from 'zod';
import { canonicalInstant, isCountryCode, isEmail, isPhone } from './field-checks.ts';

const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
// Line breaks and tabs allowed; other control characters (PostgreSQL cannot store NUL) are not.
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const text = (max: number, multiline: boolean) =>
  z
    .string({ error: (issue) => (issue.input == null ? 'is required' : 'must be a string') })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, multiline ? 'must not contain control characters' : 'must be a single line of text');

/** Trimmed, non-blank text of at most `max` characters. */
export const requiredText = (max: number, { multiline = false } = {}) => text(max, multiline).min(1, 'is required');

/** Trimmed text of at most `max` characters; absent, null or blank is null. */
export const optionalText = (max: number, { multiline = false } = {}) =>
  text(max, multiline)
    .nullish()
    .transform((s) => s || null);

// A shape check says nothing new about text already too long or blank.
const onlyIfValidSoFar = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

const objectErrors = (what: string) => ({
  error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? 'is not a known field' : `must be an object ${what}`),
});

export const SHIPPING_ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type ShippingAddressField = (typeof SHIPPING_ADDRESS_FIELDS)[number];
export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const ShippingAddressSchema = z
  .strictObject(
    {
      name: requiredText(200),
      line1: requiredText(200),
      line2: optionalText(200),
      city: requiredText(100),
      region: optionalText(100),
      postalCode: requiredText(20),
      country: requiredText(2)
        .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code such as US or DE', when: onlyIfValidSoFar })
        .meta({ description: 'ISO 3166-1 alpha-2, upper case', example: 'US' }),
    } satisfies Record<ShippingAddressField, z.ZodType>,
    objectErrors('{name, line1, line2, city, region, postalCode, country}'),
  )
  .meta({ id: 'ShippingAddress' });
export type ShippingAddress = z.output<typeof ShippingAddressSchema>;

export const ContactSchema = z
  .strictObject(
    {
      name: requiredText(200),
      email: requiredText(254).refine(isEmail, { message: 'must be an e-mail address', when: onlyIfValidSoFar }),
      phone: optionalText(32).refine((s) => s === null || isPhone(s), 'must be a phone number (digits, spaces, + ( ) . / -)'),
    } satisfies Record<ContactField, z.ZodType>,
    objectErrors('{name, email, phone}'),
  )
  .meta({ id: 'Contact' });
export type Contact = z.output<typeof ContactSchema>;

export const DeliveryNoteSchema = optionalText(1000, { multiline: true }).describe('Note for the carrier; blank or null means none');

const Instant = z
  .string({ error: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-05-01T08:00:00Z' })
  .meta({ format: 'date-time' })
  .refine((s) => canonicalInstant(s) !== null, 'must be an ISO 8601 date-time with a time zone, e.g. 2025-05-01T08:00:00Z')
  .transform((s) => canonicalInstant(s)!);

/** A requested delivery window: instants with a zone, from strictly before to; stored as UTC. */
export const DeliveryWindowSchema = z
  .strictObject({ from: Instant, to: Instant }, objectErrors('{from, to}'))
  .refine((w) => w.from < w.to, { message: 'must be after from', path: ['to'] })
  .meta({ id: 'DeliveryWindow' });
export type DeliveryWindow = z.output<typeof DeliveryWindowSchema>;

/** The optional order fields of intake (API "Orders"); null or absent means none. */
export const OrderFieldsInput = z.object({
  shippingAddress: ShippingAddressSchema.nullish(),
  contact: ContactSchema.nullish(),
  deliveryNote: DeliveryNoteSchema.optional(),
  deliveryWindow: DeliveryWindowSchema.nullish(),
});
export type OrderFieldsInputT = z.output<typeof OrderFieldsInput>;

const nullableText = z.string().nullable();

/** The order fields as order views return them: canonical, every absent part null. */
export const OrderFieldsView = z.object({
  shippingAddress: z
    .object({ name: z.string(), line1: z.string(), line2: nullableText, city: z.string(), region: nullableText, postalCode: z.string(), country: z.string() })
    .nullable()
    .describe('Where the order goes; null when the order has none'),
  contact: z.object({ name: z.string(), email: z.string(), phone: nullableText }).nullable().describe('Whom the carrier contacts; null when none'),
  deliveryNote: nullableText.describe('Note for the carrier; null when none'),
  deliveryWindow: z
    .object({ from: z.string().meta({ format: 'date-time' }), to: z.string().meta({ format: 'date-time' }) })
    .nullable()
    .describe('Requested delivery window, UTC instants; null when none'),
});

/** The order's amendable fields, as order views show them and amendment rules compare them. */
export type OrderFields = z.output<typeof OrderFieldsView>;
