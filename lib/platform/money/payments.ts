import type { FieldError } from '../errors';

export const TENDER_METHODS = ['CARD', 'GIFT_CARD', 'STORE_CREDIT', 'POINTS'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

export interface PaymentTender {
  // Plain string so unvalidated request bodies can be checked as-is.
  method: string;
  amount: number;
}

export function isTenderMethod(s: unknown): s is TenderMethod {
  return typeof s === 'string' && (TENDER_METHODS as readonly string[]).includes(s);
}

export function validatePayments(payments: readonly PaymentTender[], orderTotal: number): FieldError[] {
  if (typeof orderTotal !== 'number' || !Number.isSafeInteger(orderTotal) || orderTotal < 0) {
    // The total is computed server-side, so a bad one is a programming error,
    // not a user input problem.
    throw new RangeError(`orderTotal must be a non-negative integer, got ${String(orderTotal)}`);
  }
  if (payments.length === 0) {
    // Nothing to pay (a free replacement) needs no tender.
    return orderTotal === 0 ? [] : [{ path: 'payments', message: 'At least one tender is required' }];
  }

  const problems: FieldError[] = [];
  let sum = 0;
  payments.forEach((p, i) => {
    if (!isTenderMethod(p.method)) {
      problems.push({
        path: `payments[${i}].method`,
        message: `Tender method must be one of ${TENDER_METHODS.join(', ')}`,
      });
    }
    if (typeof p.amount !== 'number' || !Number.isSafeInteger(p.amount) || p.amount <= 0) {
      problems.push({ path: `payments[${i}].amount`, message: 'Tender amount must be a positive integer' });
    } else {
      sum += p.amount;
    }
  });

  // Only compare sums when every amount is usable; otherwise the mismatch
  // message would just restate the per-tender problems.
  const amountsValid = !problems.some((p) => p.path.endsWith('.amount'));
  if (amountsValid && sum !== orderTotal) {
    problems.push({
      path: 'payments',
      message: `Payments total ${sum} does not equal order total ${orderTotal}`,
    });
  }
  return problems;
}
