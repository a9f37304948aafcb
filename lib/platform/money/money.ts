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

/**
 * The largest amount taken or derived, in minor units: 10^13 (100,000,000,000.00 in a two-decimal
 * currency). Every amount the API accepts and every total derived from them (line, order, refunds)
 * stays at or below it, so it fits the 64-bit money columns of both engines and, with room for
 * sums of many such values, JavaScript's safe integers.
 */
export const MAX_MONEY = 10_000_000_000_000;

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
    } else if (line[f] > MAX_MONEY) {
      problems.push({ path: f, message: `${f} must be at most ${MAX_MONEY} minor units` });
    }
  }
  if (problems.length > 0) return problems;

  const gross = line.quantity * line.unitPrice + line.taxAmount + line.shippingAmount;
  if (!Number.isSafeInteger(gross) || gross > MAX_MONEY) {
    problems.push({ path: 'unitPrice', message: `Line amount (quantity × unitPrice + tax + shipping) must be at most ${MAX_MONEY} minor units` });
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

/**
 * Field errors for an order's lines (paths `lines[i].<field>`) and, when every line is valid, for
 * its total: the order's gross amount (subtotal + tax + shipping, which bounds every total) must
 * be at most MAX_MONEY (path `lines`).
 */
export function validateOrderMoney(lines: readonly LineMoney[]): FieldError[] {
  const problems: FieldError[] = [];
  lines.forEach((line, i) => validateLineMoney(line).forEach((p) => problems.push({ path: `lines[${i}].${p.path}`, message: p.message })));
  if (problems.length > 0) return problems;
  const gross = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice + l.taxAmount + l.shippingAmount, 0);
  if (gross > MAX_MONEY) {
    problems.push({ path: 'lines', message: `The order amount (subtotal + tax + shipping) must be at most ${MAX_MONEY} minor units` });
  }
  return problems;
}

/** Sums of the lines' money. Throws when a line is invalid or a total exceeds MAX_MONEY. */
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
    if (!Number.isSafeInteger(v) || v > MAX_MONEY) throw new RangeError(`Order ${k} exceeds the supported range`);
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
