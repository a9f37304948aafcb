// The buyer's return form and the store's receipt form as the return commands' inputs, and the
// paths of the commands' messages as the forms' fields. Pure: the pages and actions share them.
import { formNumber, formText } from "../platform/actions/action-result.ts";
import type { LineQuantities } from "./line-progress.ts";

/** The buyer's form names each line's quantity input `qty:<orderLineId>`. */
export const RETURN_QTY_PREFIX = "qty:";

export interface ReturnFormInput {
  reasonCode: string | undefined;
  reasonText: string | undefined;
  lines: { orderLineId: string; quantity: number | string | undefined }[];
  refundMethod: "ORIGINAL_PAYMENT";
}

/** The return form as `CreateReturn` reads it: one line per quantity entered (blank or 0 = leave the line alone). */
export function returnFromForm(form: FormData): ReturnFormInput {
  const lines: ReturnFormInput["lines"] = [];
  for (const [key, raw] of form.entries()) {
    if (!key.startsWith(RETURN_QTY_PREFIX) || typeof raw !== "string") continue;
    const text = raw.trim();
    if (text === "" || /^0+$/.test(text)) continue;
    lines.push({ orderLineId: key.slice(RETURN_QTY_PREFIX.length), quantity: formNumber(form, key) });
  }
  return { reasonCode: formText(form, "reasonCode"), reasonText: formText(form, "reasonText"), lines, refundMethod: "ORIGINAL_PAYMENT" };
}

/** A message about `lines[i]…` belongs next to that line's quantity; about the lines as a whole, above them. */
export function returnFieldOf(path: string, input: Pick<ReturnFormInput, "lines">): string | undefined {
  const m = /^lines\[(\d+)\]\.(quantity|orderLineId)$/.exec(path);
  if (m) {
    const id = input.lines[Number(m[1])]?.orderLineId;
    return id ? `${RETURN_QTY_PREFIX}${id}` : "lines";
  }
  if (path.startsWith("lines")) return "lines";
  return path.split(".").pop();
}

export interface ReceiptFormInput {
  lines: { orderLineId: string | undefined; quantity: number | string | undefined; disposition: string | undefined }[];
  locationCode: string | undefined;
}

/** One return line's receipt form (hidden line id, quantity, disposition, optional location) as `ReceiveReturn` reads it. */
export function receiptFromForm(form: FormData): ReceiptFormInput {
  const location = formText(form, "locationCode");
  return {
    lines: [{ orderLineId: formText(form, "orderLineId"), quantity: formNumber(form, "quantity"), disposition: formText(form, "disposition") }],
    locationCode: location?.toUpperCase(),
  };
}

/** `lines[0].quantity` → `quantity`, `lines` → `quantity` (the one input that can fix it), `locationCode` stays. */
export function receiptFieldOf(path: string): string | undefined {
  const m = /^lines\[\d+\]\.(quantity|disposition)$/.exec(path);
  if (m) return m[1];
  if (path.startsWith("lines")) return "quantity";
  return path.split(".").pop();
}

/** Units of a line the buyer may ask to return: shipped or delivered (the server also leaves out units another change holds). */
export function returnableOf(q: Pick<LineQuantities, "shipped" | "delivered">): number {
  return q.shipped + q.delivered;
}

/** Units a return line still expects. */
export function stillExpected(line: { quantity: number; received: number }): number {
  return Math.max(0, line.quantity - line.received);
}
