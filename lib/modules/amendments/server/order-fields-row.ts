import type { OrderFields } from "../domain/order-fields.ts";

/** The order's amendable fields as its row stores them (null columns mean "not given"). */
export interface OrderFieldColumns {
  shipToName?: string | null;
  shipToLine1?: string | null;
  shipToLine2?: string | null;
  shipToCity?: string | null;
  shipToRegion?: string | null;
  shipToPostalCode?: string | null;
  shipToCountry?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  deliveryNote?: string | null;
  deliveryWindowFrom?: Date | null;
  deliveryWindowTo?: Date | null;
}

export function orderFieldsOf(row: OrderFieldColumns): OrderFields {
  const address = row.shipToName != null && row.shipToLine1 != null
    ? {
        name: row.shipToName,
        line1: row.shipToLine1,
        line2: row.shipToLine2 ?? null,
        city: row.shipToCity ?? "",
        region: row.shipToRegion ?? null,
        postalCode: row.shipToPostalCode ?? "",
        country: row.shipToCountry ?? "",
      }
    : null;
  const contact = row.contactName != null || row.contactEmail != null || row.contactPhone != null
    ? { name: row.contactName ?? null, email: row.contactEmail ?? null, phone: row.contactPhone ?? null }
    : null;
  const window = row.deliveryWindowFrom && row.deliveryWindowTo
    ? { from: row.deliveryWindowFrom.toISOString(), to: row.deliveryWindowTo.toISOString() }
    : null;
  return { shippingAddress: address, contact, deliveryNote: row.deliveryNote ?? null, deliveryWindow: window } as OrderFields;
}

/** The columns that store the given fields (every column written, so a removed value becomes null). */
export function orderFieldColumns(fields: OrderFields): Required<OrderFieldColumns> {
  const a = fields.shippingAddress;
  const c = fields.contact;
  const w = fields.deliveryWindow;
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
    deliveryNote: fields.deliveryNote,
    deliveryWindowFrom: w ? new Date(w.from) : null,
    deliveryWindowTo: w ? new Date(w.to) : null,
  };
}
