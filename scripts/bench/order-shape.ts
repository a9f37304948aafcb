// The order every run takes in and the money that follows from it. Shared by the API workload,
// its verification and the driver floor so all of them mean the same order.
//
// One line of 10 units at 10.00, tax 20.00 for the line (20 %), shipping 5.00, paid by CARD:
// total 125.00, below the 500.00 order-value rule; a one-unit cancel of an allocated unit stays
// below the 10-unit quantity rule and ALLOCATED needs no approval (SPEC §4.2, §5), so it executes
// at once and answers COMPLETED.
export const ITEM_NAME = "Bench mug";
export const CATEGORY = "KITCHEN";
export const STORE_CODE = "acme";
export const LOCATION_CODE = "DC-EAST";
export const BUYER_EMAIL = "buyer@demo.test";
export const ACTOR_EMAIL = "integration@demo.test";
export const REASON_CODE = "CUSTOMER_CHANGED_MIND";
export const AMENDMENT_REASON_CODE = "CUSTOMER_REQUEST";
export const CURRENCY = "USD";

export const LINE_QUANTITY = 10;
export const UNIT_PRICE = 1000;
export const LINE_TAX = 2000;
export const LINE_SHIPPING = 500;
export const ORDER_TOTAL = LINE_QUANTITY * UNIT_PRICE + LINE_TAX + LINE_SHIPPING;

/** Units booked per SKU: every allocation of the run, with room to spare. */
export const STOCK_RECEIPT = 1_000_000;

/** round_half_up(a / b) for non-negative integers, exactly (no floating point). */
export function roundHalfUpDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  return 2 * (a - q * b) >= b ? q + 1 : q;
}

/**
 * What the buyer has got back once `k` units of the line are cancelled, however many requests it
 * took (SPEC §4.5): k unit prices plus the cumulative round-half-up shares of tax and shipping.
 */
export function refundAfter(k: number): { merchandise: number; tax: number; shipping: number; total: number } {
  const merchandise = k * UNIT_PRICE;
  const tax = roundHalfUpDiv(LINE_TAX * k, LINE_QUANTITY);
  const shipping = roundHalfUpDiv(LINE_SHIPPING * k, LINE_QUANTITY);
  return { merchandise, tax, shipping, total: merchandise + tax + shipping };
}

/** The refund of the request that cancels unit number k + 1 (after k cancelled before it). */
export function oneUnitRefund(k: number): { merchandise: number; tax: number; shipping: number; total: number } {
  const before = refundAfter(k);
  const after = refundAfter(k + 1);
  return {
    merchandise: after.merchandise - before.merchandise,
    tax: after.tax - before.tax,
    shipping: after.shipping - before.shipping,
    total: after.total - before.total,
  };
}
