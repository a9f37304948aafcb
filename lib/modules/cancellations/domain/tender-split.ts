// Splitting a refund across the tenders that paid the order (SPEC §4.5).
//
// The split is pro rata to what each tender paid, using the house-monotone
// apportionment over the order's *cumulative* refund: this refund's parts are
// apportion(before + now) − apportion(before). Consequences:
//   - no part is ever negative (a refund never claws back from one card to
//     pay another),
//   - successive partial refunds add up per tender to exactly what one full
//     refund would have given, and once everything is refunded each tender
//     has got back exactly its amount — never more.

import { DomainError } from '../../../platform/errors.ts';
import { apportionIncrement } from '../../../platform/money/apportion.ts';

export interface TenderBalance {
  id: string;
  /** What the tender paid. */
  amount: number;
  /** What has been refunded to it so far. */
  refunded: number;
}

export interface TenderRefund {
  id: string;
  amount: number;
}

function assertNonNegativeInt(name: string, n: number): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(n)}`);
  }
}

/**
 * Split `refundNow` across `tenders`, given the order's cumulative refund
 * `alreadyRefundedTotal` before this one. Returns one entry per tender, in
 * input order (amount may be 0).
 *
 * Throws DomainError('OVER_REFUND') when the refund would exceed what was paid
 * (in total, or what the tenders still hold); RangeError on malformed numbers.
 */
export function splitRefundAcrossTenders(
  tenders: readonly TenderBalance[],
  alreadyRefundedTotal: number,
  refundNow: number,
): TenderRefund[] {
  assertNonNegativeInt('alreadyRefundedTotal', alreadyRefundedTotal);
  assertNonNegativeInt('refundNow', refundNow);
  let paid = 0;
  let headroom = 0;
  tenders.forEach((t, i) => {
    assertNonNegativeInt(`tenders[${i}].amount`, t.amount);
    assertNonNegativeInt(`tenders[${i}].refunded`, t.refunded);
    if (t.refunded > t.amount) {
      throw new RangeError(`tenders[${i}].refunded (${t.refunded}) exceeds its amount (${t.amount})`);
    }
    paid += t.amount;
    headroom += t.amount - t.refunded;
  });
  if (!Number.isSafeInteger(paid)) throw new RangeError('Sum of tender amounts exceeds the safe integer range');

  if (refundNow === 0) return tenders.map((t) => ({ id: t.id, amount: 0 }));

  if (alreadyRefundedTotal + refundNow > paid || refundNow > headroom) {
    const remaining = Math.max(0, Math.min(paid - alreadyRefundedTotal, headroom));
    throw new DomainError(
      'OVER_REFUND',
      `Cannot refund ${refundNow}: only ${remaining} of the ${paid} paid is still refundable`,
      { requested: refundNow, refundable: remaining, paid, alreadyRefunded: alreadyRefundedTotal },
    );
  }

  const parts = apportionIncrement(
    alreadyRefundedTotal,
    refundNow,
    tenders.map((t) => t.amount),
  );

  // If every earlier refund went through this function, refunded_i equals
  // apportion(already)[i] and monotonicity guarantees parts[i] ≤ amount_i −
  // refunded_i, so nothing below changes anything. The cap only bites when the
  // stored per-tender history diverged (e.g. a manual refund to one card);
  // then the excess goes, lowest index first, to tenders that still hold
  // money, keeping the sum exact without over-refunding any tender.
  let excess = 0;
  const capped = parts.map((p, i) => {
    const room = tenders[i]!.amount - tenders[i]!.refunded;
    if (p <= room) return p;
    excess += p - room;
    return room;
  });
  for (let i = 0; i < capped.length && excess > 0; i++) {
    const room = tenders[i]!.amount - tenders[i]!.refunded - capped[i]!;
    const give = Math.min(room, excess);
    capped[i] = capped[i]! + give;
    excess -= give;
  }
  return tenders.map((t, i) => ({ id: t.id, amount: capped[i]! }));
}
