// Money of an amended line (SPEC §6 impact). A quantity increase is §4.5 in reverse: the added
// units cost the unit price each plus the line's tax share scaled pro rata with round half up,
// so that cancelling them again right away refunds exactly what was charged, and every later
// refund still adds up to what was paid; shipping and discount stay. A price change re-prices the units not yet cancelled or returned. A decrease
// is the cancellation engine's (its refund is not computed here).

import { validateLineMoney, type LineMoney } from '../../../platform/money/money.ts';
import { cumulativeShare, roundHalfUpDiv } from '../../../platform/money/rounding.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { outstanding } from '../../cancellations/domain/select-units.ts';
import type { AmendableLine, LineDraft } from './change-command.ts';

/** The most units a line may hold (as at intake). */
export const MAX_LINE_QUANTITY = 1_000_000;

/** Signed amounts in minor units: positive is charged to the buyer, negative refunded. */
export interface MoneyDelta {
  merchandise: number;
  tax: number;
  shipping: number;
  discount: number;
  /** merchandise + tax + shipping − discount */
  total: number;
}

/**
 * The tax of `added` more units of a line of `quantity` units carrying `tax`:
 * round_half_up(tax × added / quantity), computed as whole per-unit parts plus the rounded
 * remainder so no product leaves the safe integer range.
 */
export function addedTax(tax: number, quantity: number, added: number): number {
  if (added === 0) return 0;
  const whole = Math.floor(tax / quantity) * added;
  const result = whole + roundHalfUpDiv((tax % quantity) * added, quantity);
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(result)) {
    throw new RangeError(`The tax of ${added} more unit(s) exceeds the safe integer range`);
  }
  return result;
}

const big = (n: number) => BigInt(n);
const ceilDiv = (a: bigint, b: bigint) => (a >= BigInt(0) ? (a + b - BigInt(1)) / b : a / b);

/**
 * The line's tax after adding `added` units, when `takenBack` of its `quantity` units were
 * already cancelled or returned. Normally tax + addedTax(…). The refunds of the taken-back
 * units were their cumulative share round_half_up(tax × takenBack / quantity); later refunds
 * are measured on the amended line, so its share at `takenBack` must be that same amount or a
 * cent would appear or vanish. When the pro-rata value misses that (by rounding), the nearest
 * tax that keeps it is used: T' with round_half_up(T' × takenBack / (quantity + added)) = share.
 */
export function increasedTax(tax: number, quantity: number, added: number, takenBack: number): number {
  const ideal = tax + addedTax(tax, quantity, added);
  if (takenBack === 0 || added === 0) return ideal;
  const share = cumulativeShare(tax, takenBack, quantity);
  const q2 = quantity + added;
  if (cumulativeShare(ideal, takenBack, q2) === share) return ideal;
  // T'·k/q2 ∈ [share − ½, share + ½)  ⇔  2·T'·k ∈ [(2·share − 1)·q2, (2·share + 1)·q2)
  const k2 = big(2 * takenBack);
  const lo = ceilDiv((big(2 * share) - BigInt(1)) * big(q2), k2);
  const hi = ceilDiv((big(2 * share) + BigInt(1)) * big(q2), k2) - BigInt(1);
  return Number(big(ideal) < lo ? lo : hi);
}

/** Units of the line already cancelled or returned: the §4.5 cumulative position. */
export function takenBackUnits(line: AmendableLine): number {
  return line.quantity - outstanding(line.counts);
}

/** The line's money after the changes' price and added units (units a decrease cancels stay on it). */
export function amendedLineMoney(line: AmendableLine, draft: LineDraft): LineMoney {
  return {
    quantity: line.quantity + draft.addUnits,
    unitPrice: draft.unitPrice,
    taxAmount: increasedTax(line.taxAmount, line.quantity, draft.addUnits, takenBackUnits(line)),
    shippingAmount: line.shippingAmount,
    discountAmount: line.discountAmount,
  };
}

/**
 * Problems with the amended line's money: an amount above MAX_MONEY, a discount above it, or —
 * adding units to a line with units already taken back — a shipping or discount share of those
 * units that the new quantity would move (shipping and discount stay as they are, so their
 * shares cannot be re-balanced like tax: refunds would no longer add up to what was paid).
 */
export function amendedLineProblems(line: AmendableLine, draft: LineDraft): FieldError[] {
  const problems = validateLineMoney(amendedLineMoney(line, draft));
  const k = takenBackUnits(line);
  if (problems.length > 0 || draft.addUnits === 0 || k === 0) return problems;
  const q2 = line.quantity + draft.addUnits;
  for (const [name, total] of [
    ['shipping', line.shippingAmount],
    ['discount', line.discountAmount],
  ] as const) {
    if (cumulativeShare(total, k, line.quantity) !== cumulativeShare(total, k, q2)) {
      problems.push({
        path: 'quantity',
        message:
          `adding units would move the ${name} share of the ${k} unit(s) already cancelled or returned; ` +
          'add them through a supplemental order',
      });
    }
  }
  return problems;
}

/**
 * What the amendment itself charges (+) or refunds (−) for one line: the price difference on
 * the active units (neither cancelled nor returned) plus the added units at the new price
 * with their tax share.
 */
export function lineMoneyDelta(line: AmendableLine, draft: LineDraft): MoneyDelta {
  const active = outstanding(line.counts);
  const merchandise = (draft.unitPrice - line.unitPrice) * active + draft.unitPrice * draft.addUnits;
  const tax = amendedLineMoney(line, draft).taxAmount - line.taxAmount;
  return { merchandise, tax, shipping: 0, discount: 0, total: merchandise + tax };
}

/**
 * The money of the new line a substitution creates: the units carried over (active, plus added,
 * less those a decrease cancels) with the amended line's remaining tax, shipping and discount —
 * what is left after the cumulative shares of the units taken back (§4.5 positions), so the
 * substitution itself moves money between lines without creating or losing a cent.
 */
export function substitutedLineMoney(line: AmendableLine, draft: LineDraft): LineMoney {
  const amended = amendedLineMoney(line, draft);
  const carried = outstanding(line.counts) + draft.addUnits - draft.cancelUnits;
  const takenBack = amended.quantity - carried;
  const rest = (total: number) => total - cumulativeShare(total, takenBack, amended.quantity);
  return {
    quantity: carried,
    unitPrice: draft.unitPrice,
    taxAmount: rest(amended.taxAmount),
    shippingAmount: rest(amended.shippingAmount),
    discountAmount: rest(amended.discountAmount),
  };
}
