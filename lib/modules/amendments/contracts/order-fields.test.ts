import { describe, expect, it } from "vitest";
import { parseContact, parseDeliveryWindow, parseShippingAddress } from "../domain/order-fields.ts";
import { ContactSchema, DeliveryNoteSchema, DeliveryWindowSchema, OrderFieldsInput, ShippingAddressSchema } from "./order-fields.ts";

const ADDRESS = { name: "Ada", line1: "1 Main St", city: "Springfield", postalCode: "12930", country: "US" };

// The zod schemas and the domain parsers must accept and refuse the same values.
const addresses: unknown[] = [
  ADDRESS,
  { ...ADDRESS, line2: "Apt 4", region: "IL" },
  { ...ADDRESS, line2: null },
  { ...ADDRESS, country: "UK" },
  { ...ADDRESS, country: "us" },
  { ...ADDRESS, name: " " },
  { ...ADDRESS, city: "x".repeat(101) },
  { ...ADDRESS, line1: "a\nb" },
  { ...ADDRESS, zip: "1" },
  { name: "Ada" },
];
const contacts: unknown[] = [
  { name: "Ada", email: "ada@example.test" },
  { name: "Ada", email: "ada@example.test", phone: "+1 555 0100" },
  { name: "Ada", email: "ada@example.test", phone: null },
  { name: "Ada", email: "nope" },
  { name: "Ada", email: "ada@example.test", phone: "call me" },
  { email: "ada@example.test" },
];
const windows: unknown[] = [
  { from: "2030-05-01T08:00:00Z", to: "2030-05-01T12:00:00+02:00" },
  { from: "2030-05-01T08:00Z", to: "2030-05-01T09:00Z" },
  { from: "2030-05-01T12:00:00Z", to: "2030-05-01T08:00:00Z" },
  { from: "2030-05-01T08:00:00", to: "2030-05-01T12:00:00Z" },
  { from: "2030-02-30T08:00:00Z", to: "2030-03-01T12:00:00Z" },
  { from: "2030-05-01T08:00:00Z" },
];

describe("order field schemas agree with the domain parsers", () => {
  it.each(addresses.map((a) => [JSON.stringify(a), a]))("address %s", (_, a) => {
    expect(ShippingAddressSchema.safeParse(a).success).toBe(parseShippingAddress(a, "a").ok);
  });
  it.each(contacts.map((c) => [JSON.stringify(c), c]))("contact %s", (_, c) => {
    expect(ContactSchema.safeParse(c).success).toBe(parseContact(c, "c").ok);
  });
  it.each(windows.map((w) => [JSON.stringify(w), w]))("window %s", (_, w) => {
    expect(DeliveryWindowSchema.safeParse(w).success).toBe(parseDeliveryWindow(w, "w").ok);
  });
  it("samples cover both answers", () => {
    expect(addresses.filter((a) => parseShippingAddress(a, "a").ok)).toHaveLength(3);
    expect(windows.filter((w) => parseDeliveryWindow(w, "w").ok)).toHaveLength(2);
  });
});

describe("OrderFieldsInput", () => {
  it("takes every field as optional, as intake does", () => {
    expect(OrderFieldsInput.parse({})).toEqual({});
    const full = { shippingAddress: ADDRESS, contact: { name: "Ada", email: "a@b.co" }, deliveryNote: " Ring ", deliveryWindow: windows[0] };
    expect(OrderFieldsInput.parse(full)).toEqual({ ...full, deliveryNote: "Ring" });
  });
  it("reports the field path of a bad value", () => {
    const r = OrderFieldsInput.safeParse({ shippingAddress: { ...ADDRESS, country: "XX" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["shippingAddress", "country"]);
    expect(DeliveryNoteSchema.safeParse("x".repeat(1001)).success).toBe(false);
  });
});
