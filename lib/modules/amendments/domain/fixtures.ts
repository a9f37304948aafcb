// Orders for the amendment tests: small, readable, with bucket counts given per stage.

import { countsFromPartial, type BucketCounts } from '../../orders/domain/buckets.ts';
import type { AmendableLine, AmendableOrder } from './change-command.ts';
import type { AmendmentTender } from './money-impact.ts';

export const ADDRESS = Object.freeze({
  name: 'Ada Buyer',
  line1: '1 Main St',
  line2: null,
  city: 'Springfield',
  region: 'IL',
  postalCode: '12930',
  country: 'US',
});

export const CONTACT = Object.freeze({ name: 'Ada Buyer', email: 'ada@example.test', phone: '+1 555 0100' });

export const WINDOW = Object.freeze({ from: '2030-05-01T08:00:00.000Z', to: '2030-05-01T12:00:00.000Z' });

export function counts(p: Partial<BucketCounts>): BucketCounts {
  return countsFromPartial(p);
}

/** A line of 5 × 20.00 with 10.00 tax (the SPEC §4.5 example), all OPEN unless `c` says otherwise. */
export function line(id: string, over: Partial<AmendableLine> = {}): AmendableLine {
  const quantity = over.quantity ?? 5;
  return {
    id,
    lineNumber: 1,
    sku: 'SKU-MUG',
    quantity,
    unitPrice: 2000,
    taxAmount: 1000,
    shippingAmount: 0,
    discountAmount: 0,
    counts: counts({ OPEN: quantity }),
    ...over,
  };
}

export function order(over: Partial<AmendableOrder> = {}): AmendableOrder {
  return {
    id: 'order-1',
    version: 3,
    shippingAddress: { ...ADDRESS },
    contact: { ...CONTACT },
    deliveryNote: 'Leave at the door',
    deliveryWindow: { ...WINDOW },
    lines: [line('L1')],
    ...over,
  };
}

export const CARD: AmendmentTender = Object.freeze({ id: 'T1', method: 'CARD', amount: 11000, refunded: 0 });
