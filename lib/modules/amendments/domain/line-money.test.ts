import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTotal } from '../../../platform/money/money.ts';
import { lineRefund } from '../../cancellations/domain/line-refund.ts';
import type { AmendableLine, LineDraft } from './change-command.ts';
import { counts, line } from './fixtures.ts';
import {
  addedTax,
  amendedLineMoney,
  amendedLineProblems,
  increasedTax,
  lineMoneyDelta,
  substitutedLineMoney,
} from './line-money.ts';

const draft = (l: AmendableLine, over: Partial<LineDraft> = {}): LineDraft => ({
  unitPrice: l.unitPrice,
  addUnits: 0,
  cancelUnits: 0,
  sku: l.sku,
  ...over,
});

describe('quantity increase, worked by hand', () => {
  it('5 × 20.00 with 10.00 tax, +2 → 40.00 + 4.00 tax = 44.00 (the API example)', () => {
    const l = line('L1');
    expect(lineMoneyDelta(l, draft(l, { addUnits: 2 }))).toEqual({ merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 });
    expect(amendedLineMoney(l, draft(l, { addUnits: 2 }))).toEqual({
      quantity: 7,
      unitPrice: 2000,
      taxAmount: 1400,
      shippingAmount: 0,
      discountAmount: 0,
    });
  });

  it('3 × 9.99 with 1.00 tax, +1 → tax share round_half_up(100 / 3) = 0.33, total 10.32', () => {
    const l = line('L1', { quantity: 3, unitPrice: 999, taxAmount: 100, counts: counts({ OPEN: 3 }) });
    expect(lineMoneyDelta(l, draft(l, { addUnits: 1 }))).toEqual({ merchandise: 999, tax: 33, shipping: 0, discount: 0, total: 1032 });
    // Cancelling that unit again right away refunds exactly the 10.32: 133 × 1/4 = 33.25 → 33.
    expect(lineRefund(amendedLineMoney(l, draft(l, { addUnits: 1 })), 0, 1).total).toBe(1032);
  });

  it('rounds half up: 2 units with 0.05 tax, +1 → 2.5 → 0.03', () => {
    expect(addedTax(5, 2, 1)).toBe(3);
    expect(addedTax(1, 2, 1)).toBe(1);
    expect(addedTax(1, 3, 1)).toBe(0);
    expect(addedTax(0, 3, 7)).toBe(0);
  });

  it('keeps shipping and discount as they are', () => {
    const l = line('L1', { shippingAmount: 500, discountAmount: 300 });
    const d = lineMoneyDelta(l, draft(l, { addUnits: 1 }));
    expect(d).toEqual({ merchandise: 2000, tax: 200, shipping: 0, discount: 0, total: 2200 });
  });

  it('is exact for the largest amounts (no float, no overflow)', () => {
    const tax = 9_999_999_999_999;
    const got = addedTax(tax, 999_983, 7);
    expect(BigInt(got)).toBe((BigInt(tax) * BigInt(2) * BigInt(7) + BigInt(999_983)) / (BigInt(2) * BigInt(999_983)));
    expect(() => addedTax(tax, 7, 999_993)).toThrow(RangeError);
  });
});

describe('increase on a line with units already taken back', () => {
  it('keeps the tax share of the cancelled units: 4 × 0.01 tax, 2 cancelled, +1 → tax 0.02, not 0.01', () => {
    // round_half_up(1 × 2/4) = 1 cent was refunded; a tax of 1 on 5 units would put the share of
    // the 2 cancelled units at round_half_up(2/5) = 0 and a later refund would pay a cent twice.
    expect(increasedTax(1, 4, 1, 2)).toBe(2);
    expect(increasedTax(1, 4, 1, 0)).toBe(1);
  });

  it('uses the pro-rata value whenever it keeps the share', () => {
    expect(increasedTax(1000, 5, 2, 2)).toBe(1400);
  });

  it('refuses when the shipping or discount share of the taken-back units would move', () => {
    const l = line('L1', { shippingAmount: 500, counts: counts({ OPEN: 3, CANCELLED: 2 }) });
    expect(amendedLineProblems(l, draft(l, { addUnits: 1 }))).toEqual([
      expect.objectContaining({ path: 'quantity', message: expect.stringMatching(/shipping share of the 2 unit/) }),
    ]);
    const even = line('L1', { shippingAmount: 0, discountAmount: 0, counts: counts({ OPEN: 3, CANCELLED: 2 }) });
    expect(amendedLineProblems(even, draft(even, { addUnits: 1 }))).toEqual([]);
  });

  it('property: paid + charged always equals refunded so far + what cancelling the rest would refund', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        (quantity, unitPrice, taxAmount, added, seed) => {
          const k = seed % (quantity + 1);
          const shippingAmount = (seed >> 3) % 3 === 0 ? (seed >> 5) % 2000 : 0;
          const l = line('L1', { quantity, unitPrice, taxAmount, shippingAmount, counts: counts({ OPEN: quantity - k, CANCELLED: k }) });
          const d = draft(l, { addUnits: added });
          fc.pre(amendedLineProblems(l, d).length === 0);
          const amended = amendedLineMoney(l, d);
          const paid = lineTotal(l) + lineMoneyDelta(l, d).total;
          const refunded = lineRefund(l, 0, k).total + lineRefund(amended, k, amended.quantity - k).total;
          expect(refunded).toBe(paid);
        },
      ),
    );
  });
});

describe('property: increase then decrease by the same n gives back the same money', () => {
  it('holds for any valid line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (quantity, unitPrice, taxAmount, n) => {
          const l = line('L1', { quantity, unitPrice, taxAmount, counts: counts({ OPEN: quantity }) });
          const d = draft(l, { addUnits: n });
          const charged = lineMoneyDelta(l, d);
          expect(lineRefund(amendedLineMoney(l, d), 0, n)).toEqual(charged);
        },
      ),
    );
  });
});

describe('price change', () => {
  it('re-prices only the units not cancelled or returned; tax stays', () => {
    const l = line('L1', { counts: counts({ OPEN: 2, CANCELLED: 2, RETURNED: 1 }) });
    expect(lineMoneyDelta(l, draft(l, { unitPrice: 1800 }))).toEqual({ merchandise: -400, tax: 0, shipping: 0, discount: 0, total: -400 });
    expect(lineMoneyDelta(l, draft(l, { unitPrice: 2500 })).total).toBe(1000);
  });

  it('with an increase: old units re-priced, new units at the new price', () => {
    const l = line('L1');
    // 5 × (18.00 − 20.00) + 2 × 18.00 = 26.00, plus 4.00 tax for the 2 units
    expect(lineMoneyDelta(l, draft(l, { unitPrice: 1800, addUnits: 2 }))).toEqual({
      merchandise: 2600,
      tax: 400,
      shipping: 0,
      discount: 0,
      total: 3000,
    });
  });

  it('a price cut below the discount is refused', () => {
    const l = line('L1', { discountAmount: 9000 });
    expect(amendedLineProblems(l, draft(l, { unitPrice: 1000 }))).toEqual([expect.objectContaining({ path: 'discountAmount' })]);
  });
});

describe('substitution', () => {
  it('carries the remaining units with what is left of tax, shipping and discount', () => {
    const l = line('L1', { shippingAmount: 500, discountAmount: 100, counts: counts({ OPEN: 3, CANCELLED: 2 }) });
    expect(substitutedLineMoney(l, draft(l, { sku: 'NEW' }))).toEqual({
      quantity: 3,
      unitPrice: 2000,
      taxAmount: 600,
      shippingAmount: 300,
      discountAmount: 60,
    });
  });

  it('rounds the remainder as §4.5 does: 3 units, 1.00 tax, 1 cancelled → 0.67 left', () => {
    const l = line('L1', { quantity: 3, taxAmount: 100, counts: counts({ OPEN: 2, CANCELLED: 1 }) });
    expect(substitutedLineMoney(l, draft(l, { sku: 'NEW' })).taxAmount).toBe(67);
  });

  it('takes the new price, added units and a decrease into account', () => {
    const l = line('L1');
    expect(substitutedLineMoney(l, draft(l, { sku: 'NEW', unitPrice: 1800, addUnits: 1, cancelUnits: 2 }))).toEqual({
      quantity: 4,
      unitPrice: 1800,
      taxAmount: 800,
      shippingAmount: 0,
      discountAmount: 0,
    });
  });
});
