import type { IntakeOrderInput } from "../../orders/contracts/orders.ts";
import { OrderFieldsInput } from "../../orders/domain/order-fields.ts";

const DAY = 86_400_000;

/**
 * Where each demo order goes, whom the carrier calls, the note for the carrier and the requested
 * delivery window (days after the day the demo data is loaded, UTC). demo-2002 has none, so the
 * pages show an order without delivery details too.
 */
function demoFields(externalRef: string, at: (days: number, hour: number) => string): unknown {
  switch (externalRef) {
    case "demo-1001":
      return {
        shippingAddress: { name: "Bea Buyer", line1: "742 Evergreen Terrace", city: "Springfield", region: "IL", postalCode: "62704", country: "US" },
        contact: { name: "Bea Buyer", email: "buyer@demo.test", phone: "+1 217 555 0142" },
        deliveryNote: "Leave the parcel with the neighbour at no. 744 if nobody answers.",
        deliveryWindow: { from: at(3, 9), to: at(3, 12) },
      };
    case "demo-1002":
      return {
        shippingAddress: { name: "Bea Buyer", line1: "500 Lakeshore Drive", line2: "Apt 12B", city: "Chicago", region: "IL", postalCode: "60611", country: "US" },
        contact: { name: "Bea Buyer", email: "buyer@demo.test", phone: "+1 312 555 0187" },
        deliveryWindow: { from: at(5, 14), to: at(5, 18) },
      };
    case "demo-1003":
      return {
        shippingAddress: { name: "Bea Buyer", line1: "742 Evergreen Terrace", city: "Springfield", region: "IL", postalCode: "62704", country: "US" },
        contact: { name: "Bea Buyer", email: "buyer@demo.test" },
        deliveryNote: "Ring twice; the bell on the left is broken.",
      };
    case "demo-2001":
      return {
        shippingAddress: { name: "Bo's Lighting Co.", line1: "1200 Industrial Pkwy", line2: "Loading dock B", city: "Oakland", region: "CA", postalCode: "94621", country: "US" },
        contact: { name: "Bo Buyer", email: "buyer2@demo.test", phone: "+1 510 555 0123" },
        deliveryNote: "Deliveries on weekdays only; ask for the warehouse lead at the gate.",
        deliveryWindow: { from: at(7, 8), to: at(7, 16) },
      };
    case "demo-points-1":
      return {
        shippingAddress: { name: "Bea Buyer", line1: "742 Evergreen Terrace", city: "Springfield", region: "IL", postalCode: "62704", country: "US" },
        contact: { name: "Bea Buyer", email: "buyer@demo.test", phone: "+1 217 555 0142" },
      };
    default:
      return {};
  }
}

/** A demo order with its shipping address, contact, note and window, checked by the intake schema. */
export function withDemoOrderFields<T extends IntakeOrderInput>(order: T, now = Date.now()): T {
  const midnight = Math.floor(now / DAY) * DAY;
  const at = (days: number, hour: number) => new Date(midnight + days * DAY + hour * 3_600_000).toISOString();
  return { ...order, ...OrderFieldsInput.parse(demoFields(order.externalRef ?? "", at)) };
}
