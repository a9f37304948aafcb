import { describe, expect, it } from 'vitest';
import { lineTotal, type LineMoney } from '../../../platform/money/money.ts';
import { lineRefund, sumRefunds, zeroRefund } from './line-refund.ts';

function rng(seed: number): (maxInclusive: number) => number {
  let s = seed >>> 0;
  return (max) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % (max + 1);
  };
}

function randomPartition(Q: number, rand: (m: number) => number): number[] {
  const parts: number[] = [];
  let left = Q;
  while (left > 0) {
    const p = Math.min(left, rand(left)); // may be 0: empty steps must be harmless
    parts.push(p);
    left -= p;
  }
  return parts;
}

describe('lineRefund', () => {
  it('SPEC example: 5 × 20.00 with 10.00 tax, cancel 2 → 44.00', () => {
    const line: LineMoney = { quantity: 5, unitPrice: 2000, taxAmount: 1000, shippingAmount: 0, discountAmount: 0 };
    expect(lineRefund(line, 0, 2)).toEqual({ merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 });
    expect(lineRefund(line, 2, 3)).toEqual({ merchandise: 6000, tax: 600, shipping: 0, discount: 0, total: 6600 });
  });

  it('odd 3-unit line cancelled one at a time sums exactly to cancelling all at once', () => {
    const line: LineMoney = { quantity: 3, unitPrice: 999, taxAmount: 100, shippingAmount: 50, discountAmount: 10 };
    const steps = [0, 1, 2].map((k) => lineRefund(line, k, 1));
    expect(steps).toEqual([
      { merchandise: 999, tax: 33, shipping: 17, discount: 3, total: 1046 },
      { merchandise: 999, tax: 34, shipping: 16, discount: 4, total: 1045 },
      { merchandise: 999, tax: 33, shipping: 17, discount: 3, total: 1046 },
    ]);
    const all = lineRefund(line, 0, 3);
    expect(sumRefunds(steps)).toEqual(all);
    expect(all).toEqual({ merchandise: 2997, tax: 100, shipping: 50, discount: 10, total: 3137 });
    expect(all.total).toBe(lineTotal(line));
  });

  it('cancelling nothing refunds nothing', () => {
    const line: LineMoney = { quantity: 3, unitPrice: 999, taxAmount: 100, shippingAmount: 50, discountAmount: 10 };
    expect(lineRefund(line, 1, 0)).toEqual(zeroRefund());
  });

  it('property: any partition of Q sums component-wise to the full line', () => {
    const rand = rng(99);
    for (let i = 0; i < 1500; i++) {
      const quantity = 1 + rand(i % 4 === 0 ? 500 : 9);
      const unitPrice = rand(100_000);
      const taxAmount = rand(50_000);
      const shippingAmount = rand(3) === 0 ? 0 : rand(5_000);
      const gross = quantity * unitPrice + taxAmount + shippingAmount;
      const discountAmount = rand(2) === 0 ? 0 : rand(Math.min(gross, 1_000_000));
      const line: LineMoney = { quantity, unitPrice, taxAmount, shippingAmount, discountAmount };
      const parts: ReturnType<typeof lineRefund>[] = [];
      let already = 0;
      for (const step of randomPartition(quantity, rand)) {
        const r = lineRefund(line, already, step);
        expect(r.tax).toBeGreaterThanOrEqual(0);
        expect(r.shipping).toBeGreaterThanOrEqual(0);
        expect(r.discount).toBeGreaterThanOrEqual(0);
        expect(r.total).toBe(r.merchandise + r.tax + r.shipping - r.discount);
        parts.push(r);
        already += step;
      }
      const sum = sumRefunds(parts);
      expect(sum).toEqual(lineRefund(line, 0, quantity));
      expect(sum).toEqual({
        merchandise: quantity * unitPrice,
        tax: taxAmount,
        shipping: shippingAmount,
        discount: discountAmount,
        total: lineTotal(line),
      });
    }
  });

  it.each([
    [-1, 1],
    [0, -1],
    [1.5, 1],
    [0, 0.5],
    [3, 3],
    [0, 6],
  ])('throws RangeError for already=%s now=%s on a 5-unit line', (a, n) => {
    const line: LineMoney = { quantity: 5, unitPrice: 2000, taxAmount: 1000, shippingAmount: 0, discountAmount: 0 };
    expect(() => lineRefund(line, a, n)).toThrow(RangeError);
  });

  it('throws RangeError on invalid line money', () => {
    const money = { unitPrice: 1, taxAmount: 0, shippingAmount: 0 };
    expect(() => lineRefund({ ...money, quantity: 0, discountAmount: 0 }, 0, 0)).toThrow(RangeError);
    expect(() => lineRefund({ ...money, quantity: 1, discountAmount: 5 }, 0, 1)).toThrow(RangeError);
  });
});

describe('sumRefunds', () => {
  it('sums component-wise; empty list is zero', () => {
    expect(sumRefunds([])).toEqual(zeroRefund());
    expect(
      sumRefunds([
        { merchandise: 1, tax: 2, shipping: 3, discount: 4, total: 2 },
        { merchandise: 10, tax: 20, shipping: 30, discount: 40, total: 20 },
      ]),
    ).toEqual({ merchandise: 11, tax: 22, shipping: 33, discount: 44, total: 22 });
  });
});
