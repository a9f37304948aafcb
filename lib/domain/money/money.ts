// All amounts are integers in the currency's minor unit (cents, yen, ...).
// Floats never enter the arithmetic; they appear only at the display edge.

import type { FieldError } from '../errors';

export interface LineMoney {
  quantity: number;
  unitPrice: number;
  taxAmount: number;
  shippingAmount: number;
  discountAmount: number;
}

export interface OrderTotals {
  subtotal: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
}

export function isMinorUnits(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

const AMOUNT_FIELDS = ['unitPrice', 'taxAmount', 'shippingAmount', 'discountAmount'] as const;

export function validateLineMoney(line: LineMoney): FieldError[] {
  const problems: FieldError[] = [];
  const q = line.quantity;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q <= 0) {
    problems.push({ path: 'quantity', message: 'Quantity must be a positive integer' });
  }
  for (const f of AMOUNT_FIELDS) {
    if (!isMinorUnits(line[f])) {
      problems.push({ path: f, message: `${f} must be a non-negative integer amount in minor units` });
    }
  }
  if (problems.length > 0) return problems;

  const gross = line.quantity * line.unitPrice + line.taxAmount + line.shippingAmount;
  if (!Number.isSafeInteger(gross)) {
    problems.push({ path: 'unitPrice', message: 'Line amount exceeds the supported range' });
  } else if (line.discountAmount > gross) {
    problems.push({
      path: 'discountAmount',
      message: `Discount ${line.discountAmount} exceeds the line amount ${gross}`,
    });
  }
  return problems;
}

/** quantity × unitPrice + tax + shipping − discount. Throws on invalid money. */
export function lineTotal(line: LineMoney): number {
  const problems = validateLineMoney(line);
  if (problems.length > 0) {
    // Refusing to compute keeps a bad line from silently producing a negative
    // or fractional total that would then be persisted or charged.
    throw new RangeError(`Invalid line money: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return line.quantity * line.unitPrice + line.taxAmount + line.shippingAmount - line.discountAmount;
}

export function orderTotals(lines: readonly LineMoney[]): OrderTotals {
  const t: OrderTotals = { subtotal: 0, tax: 0, shipping: 0, discount: 0, total: 0 };
  for (const line of lines) {
    t.total += lineTotal(line);
    t.subtotal += line.quantity * line.unitPrice;
    t.tax += line.taxAmount;
    t.shipping += line.shippingAmount;
    t.discount += line.discountAmount;
  }
  for (const [k, v] of Object.entries(t)) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`Order ${k} exceeds the supported range`);
  }
  return t;
}

// Derived from Intl rather than hard-coded so new ISO codes are picked up
// with the runtime's ICU data.
export const CURRENCY_CODES: readonly string[] = Object.freeze(Intl.supportedValuesOf('currency'));
const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCY_CODES);

export function isCurrencyCode(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Z]{3}$/.test(s) && CURRENCY_SET.has(s);
}

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code ${String(currency)}`);
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
}

/** Minor-unit exponent Intl uses for the currency: JPY 0, USD 2, KWD 3. */
export function currencyMinorDigits(currency: string): number {
  return currencyFormatter(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) {
    throw new RangeError(`Amount must be an integer in minor units, got ${String(minor)}`);
  }
  const nf = currencyFormatter(currency, locale);
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  // Division is the only float step; the formatter rounds to `digits`, which
  // recovers the exact decimal for every safe integer input up to ~7e15.
  return nf.format(minor / 10 ** digits);
}
