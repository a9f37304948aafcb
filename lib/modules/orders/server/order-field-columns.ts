import type { Prisma } from "../../../platform/db/client.ts";
import type { OrderFields } from "../domain/order-fields.ts";

// The order fields amendments change (SPEC §6) as the order's columns: one column per part, so an
// amendment replaces one field with one conditional update and history shows it field by field.
// An address or contact is there when its name column is; a window when both ends are.

export type OrderFieldColumns = Required<
  Pick<
    Prisma.OrderUncheckedCreateInput,
    | "shipToName"
    | "shipToLine1"
    | "shipToLine2"
    | "shipToCity"
    | "shipToRegion"
    | "shipToPostalCode"
    | "shipToCountry"
    | "contactName"
    | "contactEmail"
    | "contactPhone"
    | "deliveryNote"
    | "deliveryWindowFrom"
    | "deliveryWindowTo"
  >
>;

/** What is stored for the order fields; a part absent (or null) empties its columns. */
export function orderFieldColumns(fields: { [K in keyof OrderFields]?: OrderFields[K] | null }): OrderFieldColumns {
  const a = fields.shippingAddress ?? null;
  const c = fields.contact ?? null;
  const w = fields.deliveryWindow ?? null;
  return {
    shipToName: a?.name ?? null,
    shipToLine1: a?.line1 ?? null,
    shipToLine2: a?.line2 ?? null,
    shipToCity: a?.city ?? null,
    shipToRegion: a?.region ?? null,
    shipToPostalCode: a?.postalCode ?? null,
    shipToCountry: a?.country ?? null,
    contactName: c?.name ?? null,
    contactEmail: c?.email ?? null,
    contactPhone: c?.phone ?? null,
    deliveryNote: fields.deliveryNote ?? null,
    deliveryWindowFrom: w ? new Date(w.from) : null,
    deliveryWindowTo: w ? new Date(w.to) : null,
  };
}

type StoredColumns = { [K in keyof OrderFieldColumns]: K extends `deliveryWindow${string}` ? Date | null : string | null };

/** The order fields of a stored order, canonical as order views return them (absent: null). */
export function orderFieldsOf(o: StoredColumns): OrderFields {
  const hasAddress = o.shipToName !== null && o.shipToLine1 !== null && o.shipToCity !== null && o.shipToPostalCode !== null && o.shipToCountry !== null;
  return {
    shippingAddress: hasAddress
      ? {
          name: o.shipToName!,
          line1: o.shipToLine1!,
          line2: o.shipToLine2,
          city: o.shipToCity!,
          region: o.shipToRegion,
          postalCode: o.shipToPostalCode!,
          country: o.shipToCountry!,
        }
      : null,
    contact: o.contactName !== null && o.contactEmail !== null ? { name: o.contactName, email: o.contactEmail, phone: o.contactPhone } : null,
    deliveryNote: o.deliveryNote,
    deliveryWindow:
      o.deliveryWindowFrom && o.deliveryWindowTo ? { from: o.deliveryWindowFrom.toISOString(), to: o.deliveryWindowTo.toISOString() } : null,
  };
}
