import { describe, expect, it } from 'vitest';
import { TENDER_METHODS, isTenderMethod, validatePayments } from './payments';

describe('TENDER_METHODS', () => {
  it('lists the supported tenders', () => {
    expect(TENDER_METHODS).toEqual(['CARD', 'GIFT_CARD', 'STORE_CREDIT', 'POINTS']);
  });

  it('isTenderMethod', () => {
    for (const m of TENDER_METHODS) expect(isTenderMethod(m)).toBe(true);
    expect(isTenderMethod('card')).toBe(false);
    expect(isTenderMethod('CASH')).toBe(false);
    expect(isTenderMethod(undefined)).toBe(false);
  });
});

describe('validatePayments', () => {
  it('accepts a single tender equal to the total', () => {
    expect(validatePayments([{ method: 'CARD', amount: 12279 }], 12279)).toEqual([]);
  });

  it('accepts split tenders that sum to the total', () => {
    expect(
      validatePayments(
        [
          { method: 'CARD', amount: 10000 },
          { method: 'GIFT_CARD', amount: 2000 },
          { method: 'POINTS', amount: 279 },
        ],
        12279,
      ),
    ).toEqual([]);
  });

  it('requires at least one tender', () => {
    expect(validatePayments([], 100)).toEqual([{ path: 'payments', message: 'At least one tender is required' }]);
    expect(validatePayments([], 0)).toEqual([]);
  });

  it('sum mismatch names both numbers', () => {
    const problems = validatePayments(
      [
        { method: 'CARD', amount: 100 },
        { method: 'STORE_CREDIT', amount: 50 },
      ],
      200,
    );
    expect(problems).toEqual([{ path: 'payments', message: 'Payments total 150 does not equal order total 200' }]);
  });

  it('overpayment is also a mismatch', () => {
    const [p] = validatePayments([{ method: 'CARD', amount: 201 }], 200);
    expect(p?.message).toContain('201');
    expect(p?.message).toContain('200');
  });

  it.each([0, -1, 1.5, NaN, Infinity])('amount %s is rejected', (amount) => {
    const problems = validatePayments(
      [
        { method: 'CARD', amount: 100 },
        { method: 'CARD', amount },
      ],
      100,
    );
    // The sum check is skipped when an amount is unusable.
    expect(problems).toEqual([{ path: 'payments[1].amount', message: 'Tender amount must be a positive integer' }]);
  });

  it('unknown method is rejected but the sum is still checked', () => {
    const problems = validatePayments([{ method: 'CASH', amount: 50 }], 100);
    expect(problems.map((p) => p.path)).toEqual(['payments[0].method', 'payments']);
  });

  it('reports problems for every tender', () => {
    const problems = validatePayments(
      [
        { method: 'BITCOIN', amount: 0 },
        { method: 'CARD', amount: 10 },
        { method: 'points', amount: -5 },
      ],
      10,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'payments[0].method',
      'payments[0].amount',
      'payments[2].method',
      'payments[2].amount',
    ]);
  });

  it.each([-1, 1.5, NaN])('throws for an invalid orderTotal %s', (total) => {
    expect(() => validatePayments([{ method: 'CARD', amount: 1 }], total)).toThrow(RangeError);
  });

  it('a zero total can never be satisfied by positive tenders', () => {
    expect(validatePayments([{ method: 'CARD', amount: 1 }], 0)).toHaveLength(1);
  });
});
