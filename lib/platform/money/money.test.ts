import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  currencyMinorDigits,
  formatMoney,
  isCurrencyCode,
  isMinorUnits,
  lineTotal,
  orderTotals,
  validateLineMoney,
  validateOrderMoney,
  MAX_MONEY,
  type LineMoney,
} from './money';

const line = (p: Partial<LineMoney> = {}): LineMoney => ({
  quantity: 5,
  unitPrice: 2000,
  taxAmount: 1000,
  shippingAmount: 500,
  discountAmount: 300,
  ...p,
});

// Intl inserts narrow/no-break spaces in some locales; normalise for asserts.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('isMinorUnits', () => {
  it.each([0, 1, 100, Number.MAX_SAFE_INTEGER])('%s is valid', (n) => {
    expect(isMinorUnits(n)).toBe(true);
  });
  it.each([-1, 0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined])(
    '%s is invalid',
    (n) => {
      expect(isMinorUnits(n)).toBe(false);
    },
  );
});

describe('validateLineMoney', () => {
  it('accepts a valid line', () => {
    expect(validateLineMoney(line())).toEqual([]);
  });

  it('accepts zero price, tax, shipping and discount', () => {
    expect(validateLineMoney(line({ unitPrice: 0, taxAmount: 0, shippingAmount: 0, discountAmount: 0 }))).toEqual([]);
  });

  it.each([0, -1, 1.5, NaN])('quantity %s is rejected', (quantity) => {
    expect(validateLineMoney(line({ quantity }))).toEqual([
      { path: 'quantity', message: 'Quantity must be a positive integer' },
    ]);
  });

  it.each(['unitPrice', 'taxAmount', 'shippingAmount', 'discountAmount'] as const)(
    '%s must be a non-negative integer',
    (field) => {
      for (const bad of [-1, 0.5, NaN, Infinity]) {
        const problems = validateLineMoney(line({ [field]: bad }));
        expect(problems).toHaveLength(1);
        expect(problems[0]!.path).toBe(field);
      }
    },
  );

  it('reports every field problem at once', () => {
    const problems = validateLineMoney({
      quantity: 0,
      unitPrice: -1,
      taxAmount: 1.5,
      shippingAmount: NaN,
      discountAmount: -3,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'quantity',
      'unitPrice',
      'taxAmount',
      'shippingAmount',
      'discountAmount',
    ]);
  });

  it('discount equal to the gross amount is allowed', () => {
    // 5*2000 + 1000 + 500 = 11500
    expect(validateLineMoney(line({ discountAmount: 11500 }))).toEqual([]);
  });

  it('discount above the gross amount is rejected', () => {
    expect(validateLineMoney(line({ discountAmount: 11501 }))).toEqual([
      { path: 'discountAmount', message: 'Discount 11501 exceeds the line amount 11500' },
    ]);
  });

  it('rejects a line whose gross overflows the safe range', () => {
    const problems = validateLineMoney(line({ quantity: 3, unitPrice: Number.MAX_SAFE_INTEGER }));
    expect(problems).toHaveLength(1);
  });
});

describe('the money bound (MAX_MONEY = 10^13 minor units)', () => {
  const plain = (over: Partial<LineMoney>) => line({ quantity: 1, unitPrice: 0, taxAmount: 0, shippingAmount: 0, discountAmount: 0, ...over });

  it('is 10^13 and leaves room for sums within the safe integer range', () => {
    expect(MAX_MONEY).toBe(10_000_000_000_000);
    expect(Number.isSafeInteger(MAX_MONEY * 500)).toBe(true);
  });

  it.each(['unitPrice', 'taxAmount', 'shippingAmount', 'discountAmount'] as const)('%s at the bound is accepted, one more is not', (field) => {
    const gross = field === 'discountAmount' ? { unitPrice: MAX_MONEY } : {};
    expect(validateLineMoney(plain({ ...gross, [field]: MAX_MONEY }))).toEqual([]);
    expect(validateLineMoney(plain({ ...gross, [field]: MAX_MONEY + 1 }))).toEqual([{ path: field, message: `${field} must be at most ${MAX_MONEY} minor units` }]);
  });

  it('a line amount past the bound is refused although each part is within it', () => {
    expect(validateLineMoney(plain({ quantity: 4, unitPrice: 2_500_000_000_000 }))).toEqual([]);
    expect(validateLineMoney(plain({ quantity: 4, unitPrice: 2_500_000_000_000, taxAmount: 1 }))).toEqual([
      { path: 'unitPrice', message: `Line amount (quantity × unitPrice + tax + shipping) must be at most ${MAX_MONEY} minor units` },
    ]);
    expect(() => lineTotal(plain({ quantity: 1_000_000, unitPrice: MAX_MONEY }))).toThrow(RangeError);
  });

  it('an order whose lines are each within the bound but whose total is not is refused', () => {
    const half = plain({ unitPrice: MAX_MONEY / 2 });
    expect(validateOrderMoney([half, half])).toEqual([]);
    expect(orderTotals([half, half]).total).toBe(MAX_MONEY);
    expect(validateOrderMoney([half, half, plain({ shippingAmount: 1, discountAmount: 1 })])).toEqual([
      { path: 'lines', message: `The order amount (subtotal + tax + shipping) must be at most ${MAX_MONEY} minor units` },
    ]);
    expect(() => orderTotals([half, half, plain({ taxAmount: 1 })])).toThrow(RangeError);
  });

  it('line problems carry their index and come before the order check', () => {
    expect(validateOrderMoney([plain({ unitPrice: 5 }), plain({ unitPrice: MAX_MONEY + 1 })])).toEqual([
      { path: 'lines[1].unitPrice', message: `unitPrice must be at most ${MAX_MONEY} minor units` },
    ]);
  });
});

describe('lineTotal', () => {
  it('quantity × unitPrice + tax + shipping − discount', () => {
    expect(lineTotal(line())).toBe(10000 + 1000 + 500 - 300);
  });

  it('can be zero', () => {
    expect(lineTotal(line({ discountAmount: 11500 }))).toBe(0);
  });

  it('throws on invalid money rather than returning garbage', () => {
    expect(() => lineTotal(line({ discountAmount: 20000 }))).toThrow(RangeError);
    expect(() => lineTotal(line({ quantity: 1.5 }))).toThrow(/quantity/);
  });
});

describe('orderTotals', () => {
  it('empty order is all zero', () => {
    expect(orderTotals([])).toEqual({ subtotal: 0, tax: 0, shipping: 0, discount: 0, total: 0 });
  });

  it('sums components and total = subtotal + tax + shipping − discount', () => {
    const t = orderTotals([
      line(),
      line({ quantity: 1, unitPrice: 999, taxAmount: 80, shippingAmount: 0, discountAmount: 0 }),
    ]);
    expect(t).toEqual({ subtotal: 10999, tax: 1080, shipping: 500, discount: 300, total: 12279 });
    expect(t.total).toBe(t.subtotal + t.tax + t.shipping - t.discount);
  });

  it('throws if any line is invalid', () => {
    expect(() => orderTotals([line(), line({ unitPrice: -5 })])).toThrow(RangeError);
  });

  it('throws if the order total overflows', () => {
    const big = line({ quantity: 1, unitPrice: 2 ** 52, taxAmount: 0, shippingAmount: 0, discountAmount: 0 });
    expect(() => orderTotals([big, big, big])).toThrow(RangeError);
  });
});

describe('currency codes', () => {
  it('CURRENCY_CODES comes from Intl and contains the usual suspects', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(100);
    for (const c of ['USD', 'EUR', 'JPY', 'GBP', 'KWD']) expect(CURRENCY_CODES).toContain(c);
    expect(Object.isFrozen(CURRENCY_CODES)).toBe(true);
  });

  it.each(['USD', 'EUR', 'JPY', 'GBP', 'CHF', 'KWD'])('%s is a currency code', (c) => {
    expect(isCurrencyCode(c)).toBe(true);
  });

  it.each(['usd', 'US', 'USDD', 'ZZZ', 'QQQ', '', ' USD', 'U$D', 123, null])('%s is not', (c) => {
    expect(isCurrencyCode(c)).toBe(false);
  });

  it('minor digits follow Intl', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
  });

  it('minor digits throw for unknown currency', () => {
    expect(() => currencyMinorDigits('ZZZ')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('USD in cents', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
  });

  it('JPY has no minor digits', () => {
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
  });

  it('KWD has three minor digits', () => {
    expect(norm(formatMoney(1234, 'KWD'))).toBe('KWD 1.234');
  });

  it('negative amounts (refunds) format with a sign', () => {
    expect(formatMoney(-4400, 'USD')).toBe('-$44.00');
  });

  it('respects the locale', () => {
    expect(norm(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
  });

  it('stays exact for large amounts', () => {
    expect(formatMoney(999_999_999_999_99, 'USD')).toBe('$999,999,999,999.99');
    expect(formatMoney(1_000_000_000_000_01, 'USD')).toBe('$1,000,000,000,000.01');
  });

  it('rejects non-integer minor amounts and unknown currencies', () => {
    expect(() => formatMoney(1.5, 'USD')).toThrow(RangeError);
    expect(() => formatMoney(NaN, 'USD')).toThrow(RangeError);
    expect(() => formatMoney(100, 'ZZZ')).toThrow(RangeError);
    expect(() => formatMoney(100, 'usd')).toThrow(RangeError);
  });
});
