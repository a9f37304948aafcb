// Money back for units cancelled from one line (SPEC §4.5). The unit price is
// exact per unit; tax, shipping and discount are shared pro rata by quantity
// from *cumulative* positions, so however a line is cancelled in pieces the
// refunds add up to exactly the full line total — no cent gained or lost.

import { validateLineMoney, type LineMoney } from '../../../platform/money/money.ts';
import { incrementalShare } from '../../../platform/money/rounding.ts';

export interface RefundBreakdown {
  merchandise: number;
  tax: number;
  shipping: number;
  /** Deducted from the refund (the buyer does not get back a discount they never paid). */
  discount: number;
  /** merchandise + tax + shipping − discount */
  total: number;
}

export function zeroRefund(): RefundBreakdown {
  return { merchandise: 0, tax: 0, shipping: 0, discount: 0, total: 0 };
}

function assertNonNegativeInt(name: string, n: number): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(n)}`);
  }
}

/**
 * Refund for cancelling `cancelNow` more units of `line` after
 * `alreadyCancelled` were cancelled (and refunded) by earlier requests.
 *
 * Note: the step total can be slightly negative only in a pathological line
 * whose discount (almost) equals its gross with a zero unit price; the
 * cumulative totals still telescope exactly.
 */
export function lineRefund(line: LineMoney, alreadyCancelled: number, cancelNow: number): RefundBreakdown {
  const problems = validateLineMoney(line);
  if (problems.length > 0) {
    throw new RangeError(`Invalid line money: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  assertNonNegativeInt('alreadyCancelled', alreadyCancelled);
  assertNonNegativeInt('cancelNow', cancelNow);
  const Q = line.quantity;
  if (alreadyCancelled + cancelNow > Q) {
    throw new RangeError(
      `alreadyCancelled + cancelNow (${alreadyCancelled + cancelNow}) must not exceed the line quantity ${Q}`,
    );
  }
  // validateLineMoney guarantees Q × unitPrice is safe, so this product is exact.
  const merchandise = line.unitPrice * cancelNow;
  const tax = incrementalShare(line.taxAmount, alreadyCancelled, cancelNow, Q);
  const shipping = incrementalShare(line.shippingAmount, alreadyCancelled, cancelNow, Q);
  const discount = incrementalShare(line.discountAmount, alreadyCancelled, cancelNow, Q);
  return { merchandise, tax, shipping, discount, total: merchandise + tax + shipping - discount };
}

/** Component-wise sum of refund breakdowns. */
export function sumRefunds(list: readonly RefundBreakdown[]): RefundBreakdown {
  const acc = zeroRefund();
  for (const r of list) {
    acc.merchandise += r.merchandise;
    acc.tax += r.tax;
    acc.shipping += r.shipping;
    acc.discount += r.discount;
    acc.total += r.total;
  }
  for (const [k, v] of Object.entries(acc)) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`Refund ${k} exceeds the supported range`);
  }
  return acc;
}
