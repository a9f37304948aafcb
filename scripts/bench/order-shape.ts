// The one order every run takes in, and the quantities and money that follow from it. Shared by
// the API workload and the driver floor so both write the same thing.
export const SKU = "SKU-MUG";
export const ITEM_NAME = "Stoneware mug";
export const CATEGORY = "KITCHEN";
export const STORE_CODE = "acme";
export const LOCATION_CODE = "DC-EAST";
export const BUYER_EMAIL = "buyer@demo.test";
export const ACTOR_EMAIL = "integration@demo.test";
export const REASON_CODE = "CUSTOMER_CHANGED_MIND";
export const CURRENCY = "USD";

export const LINE_QUANTITY = 6;
export const UNIT_PRICE = 1999;
export const LINE_TAX = 600;
export const ORDER_TOTAL = LINE_QUANTITY * UNIT_PRICE + LINE_TAX;

export const ALLOCATE_QUANTITY = 4;
/** First cancellation: comes out of OPEN (6 − 4 = 2 open), no approval. */
export const CANCEL_OPEN_QUANTITY = 1;
/** Second cancellation: the last open unit plus one allocated unit, no approval. */
export const CANCEL_MIXED_QUANTITY = 2;

/** Receipt booked once per database, enough for every allocation of the run. */
export const STOCK_RECEIPT = 1_000_000;

/** Refund of `quantity` units of the line: merchandise plus the proportional share of tax. */
export function refundFor(quantity: number): { merchandise: number; tax: number; total: number } {
  const merchandise = quantity * UNIT_PRICE;
  const tax = Math.round((LINE_TAX * quantity) / LINE_QUANTITY);
  return { merchandise, tax, total: merchandise + tax };
}
