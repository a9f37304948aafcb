// Money of an amended line (SPEC §6 impact). A quantity increase is §4.5 in reverse: the added
// units cost the unit price each plus the line's tax share scaled pro rata with round half up,
// so that cancelling them again right away refunds exactly what was charged; shipping and
// discount stay. A price change re-prices the units not yet cancelled or returned. A decrease
// is the cancellation engine's (its refund is not computed here).

import { validateLineMoney, type LineMoney } from '../../../platform/money/money.ts';
import { cumulativeShare, roundHalfUpDiv } from '../../../platform/money/rounding.ts';
import type { FieldError } from '../../../platform/errors.ts';
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
  const whole = Math.floor(tax / quantity);
  return whole * added + roundHalfUpDiv((tax % quantity) * added, quantity);
}

/** The line's money after the changes' price and added units (units a decrease cancels stay on it). */
export function amendedLineMoney(line: AmendableLine, draft: LineDraft): LineMoney {
  return {
    quantity: line.quantity + draft.addUnits,
    unitPrice: draft.unitPrice,
    taxAmount: line.taxAmount + addedTax(line.taxAmount, line.quantity, draft.addUnits),
    shippingAmount: line.shippingAmount,
    discountAmount: line.discountAmount,
  };
}

/** Problems with the amended line's money (e.g. its amount above MAX_MONEY, a discount above it). */
export function amendedLineProblems(line: AmendableLine, draft: LineDraft): FieldError[] {
  return validateLineMoney(amendedLineMoney(line, draft));
}

/**
 * What the amendment itself charges (+) or refunds (−) for one line: the price difference on
 * the `active` units (neither cancelled nor returned) plus the added units at the new price
 * with their tax share.
 */
export function lineMoneyDelta(line: AmendableLine, draft: LineDraft, active: number): MoneyDelta {
  const merchandise = (draft.unitPrice - line.unitPrice) * active + draft.unitPrice * draft.addUnits;
  const tax = addedTax(line.taxAmount, line.quantity, draft.addUnits);
  return { merchandise, tax, shipping: 0, discount: 0, total: merchandise + tax };
}

/**
 * The money of the new line a substitution creates: the units carried over (active, plus added,
 * less those a decrease cancels) with the amended line's remaining tax, shipping and discount —
 * what is left after the cumulative shares of the units taken back (§4.5 positions), so the
 * substitution itself moves money between lines without creating or losing a cent.
 */
export function substitutedLineMoney(line: AmendableLine, draft: LineDraft, active: number): LineMoney {
  const amended = amendedLineMoney(line, draft);
  const carried = active + draft.addUnits - draft.cancelUnits;
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
