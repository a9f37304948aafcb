// An add-on order's lines (SPEC §7 ADD_ON): more units of items the order already holds, priced as
// the order priced them. Pure: the add-on command and the buyer's form (its running total) share it.
import { validationFailed, type FieldError } from "../../../platform/errors.ts";
import { cumulativeShare } from "../../../platform/money/rounding.ts";

/** A line of the order an add-on takes an item's terms from. */
export interface AddOnSource {
  sku: string;
  itemName: string;
  category: string;
  storeCode: string;
  shipFromLocationCode: string;
  quantity: number;
  unitPrice: number;
  taxAmount: number;
}

export interface AddOnLine {
  sku: string;
  itemName: string;
  category: string;
  storeCode: string;
  shipFromLocationCode: string;
  quantity: number;
  unitPrice: number;
  taxAmount: number;
  shippingAmount: number;
  discountAmount: number;
}

/** The items an add-on may order: each SKU of the order once, with the terms of its first line. */
export function addOnItems<T extends AddOnSource>(lines: readonly T[]): T[] {
  const seen = new Set<string>();
  return lines.filter((l) => l.quantity > 0 && !seen.has(l.sku) && seen.add(l.sku));
}

/**
 * The add-on's lines and total: per unit the price paid plus the line's tax per unit (its tax over
 * its units, rounded half up); shipping and discount are not charged again. Intake checks the
 * money's bounds as for any order. A SKU the
 * order does not hold, or one named twice, is a field error (nothing is priced).
 */
export function priceAddOn(order: readonly AddOnSource[], chosen: readonly { sku: string; quantity: number }[]): { lines: AddOnLine[]; total: number } {
  const items = new Map(addOnItems(order).map((l) => [l.sku, l]));
  const problems: FieldError[] = [];
  const named = new Set<string>();
  const lines = chosen.flatMap((c, i): AddOnLine[] => {
    const item = items.get(c.sku);
    if (!item) problems.push({ path: `lines[${i}].sku`, message: `${c.sku} is not an item of this order` });
    else if (named.has(c.sku)) problems.push({ path: `lines[${i}].sku`, message: `${c.sku} is named twice` });
    named.add(c.sku);
    if (!item) return [];
    const taxAmount = cumulativeShare(item.taxAmount, 1, item.quantity) * c.quantity;
    const { sku, itemName, category, storeCode, shipFromLocationCode, unitPrice } = item;
    return [{ sku, itemName, category, storeCode, shipFromLocationCode, quantity: c.quantity, unitPrice, taxAmount, shippingAmount: 0, discountAmount: 0 }];
  });
  if (problems.length) throw validationFailed(problems, "The add-on names items this order does not hold");
  return { lines, total: lines.reduce((sum, l) => sum + l.quantity * l.unitPrice + l.taxAmount, 0) };
}
