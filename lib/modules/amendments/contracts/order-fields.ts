import { z } from "zod";
import { canonicalInstant, isCountryCode, isEmail, isPhone, type TextRule } from "../domain/field-text.ts";
import { ADDRESS_RULES, CONTACT_RULES, DELIVERY_NOTE_RULE } from "../domain/order-fields.ts";

// The order fields amendments change, as intake takes them and order views return them. Built
// from the domain's limits and checks (lib/modules/amendments/domain/order-fields.ts), which the
// amendment rules use for new values, so both accept exactly the same values.

const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

function line(rule: TextRule) {
  const pattern = rule.multiline ? MULTI_LINE : SINGLE_LINE;
  return z.string().trim().max(rule.max).regex(pattern, rule.multiline ? "must not contain control characters" : "must be a single line of text");
}
const required = (rule: TextRule) => line(rule).min(1, "is required");
const optional = (rule: TextRule) => line(rule).nullable().optional();

export const ShippingAddressSchema = z
  .object({
    name: required(ADDRESS_RULES.name),
    line1: required(ADDRESS_RULES.line1),
    line2: optional(ADDRESS_RULES.line2),
    city: required(ADDRESS_RULES.city),
    region: optional(ADDRESS_RULES.region),
    postalCode: required(ADDRESS_RULES.postalCode),
    country: z.string().trim().refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code such as US or DE").meta({ example: "US" }),
  })
  .strict()
  .meta({ id: "ShippingAddress" });

export const ContactSchema = z
  .object({
    name: required(CONTACT_RULES.name),
    email: required(CONTACT_RULES.email).refine(isEmail, "must be an e-mail address"),
    phone: line(CONTACT_RULES.phone)
      .refine((s) => s === "" || isPhone(s), "must be a phone number (digits, spaces, + ( ) . / -)")
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: "Contact" });

export const DeliveryNoteSchema = optional(DELIVERY_NOTE_RULE).describe("Note for the carrier; blank or null means none");

const Instant = z
  .string()
  .refine((s) => canonicalInstant(s) !== null, "must be an ISO 8601 date-time with a time zone, e.g. 2025-05-01T08:00:00Z")
  .meta({ format: "date-time" });

export const DeliveryWindowSchema = z
  .object({ from: Instant, to: Instant })
  .strict()
  .refine((w) => canonicalInstant(w.from)! < canonicalInstant(w.to)!, { message: "must be after from", path: ["to"] })
  .meta({ id: "DeliveryWindow" });

/** The optional order fields of intake (API "Orders"). */
export const OrderFieldsInput = z.object({
  shippingAddress: ShippingAddressSchema.optional(),
  contact: ContactSchema.optional(),
  deliveryNote: DeliveryNoteSchema,
  deliveryWindow: DeliveryWindowSchema.optional(),
});
export type OrderFieldsInputT = z.infer<typeof OrderFieldsInput>;

/** The order fields as order views return them (canonical: absent parts are null). */
export const OrderFieldsView = z.object({
  shippingAddress: z
    .object({ name: z.string(), line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string().nullable(), postalCode: z.string(), country: z.string() })
    .nullable(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  deliveryNote: z.string().nullable(),
  deliveryWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
});
