// The buyer's add-on form as the add-on command's input, and the paths of the command's messages
// as the form's fields. Pure: the page, its action and the tests share it.
import { formNumber, formText } from "../platform/actions/action-result.ts";

/** The form names each item's quantity input `qty:<sku>`. */
export const ADD_ON_QTY_PREFIX = "qty:";

/** Supplemental reasons a buyer may give for adding items (the others are the store's: replacements, goodwill). */
export const BUYER_ADD_ON_REASONS: readonly string[] = ["ADD_ITEMS"];

export interface AddOnFormInput {
  reasonCode: string | undefined;
  lines: { sku: string; quantity: number | string | undefined }[];
  payment: { method: string | undefined; amount: number | string | undefined };
}

/** One line per item with a quantity entered (blank or 0 = not added); the payment the page showed. */
export function addOnFromForm(form: FormData): AddOnFormInput {
  const lines: AddOnFormInput["lines"] = [];
  for (const [key, raw] of form.entries()) {
    if (!key.startsWith(ADD_ON_QTY_PREFIX) || typeof raw !== "string") continue;
    const text = raw.trim();
    if (text === "" || /^0+$/.test(text)) continue;
    lines.push({ sku: key.slice(ADD_ON_QTY_PREFIX.length), quantity: formNumber(form, key) });
  }
  return { reasonCode: formText(form, "reasonCode"), lines, payment: { method: formText(form, "paymentMethod"), amount: formNumber(form, "amount") } };
}

/**
 * `lines[i].quantity` or `.sku` → that item's quantity; other `lines…` → above the items; the
 * payment's messages (the schema's `payment…`, intake's `payments…`) → next to the total.
 */
export function addOnFieldOf(path: string, input: Pick<AddOnFormInput, "lines">): string | undefined {
  const m = /^lines\[(\d+)\]\.(quantity|sku)$/.exec(path);
  if (m) {
    const sku = input.lines[Number(m[1])]?.sku;
    return sku ? `${ADD_ON_QTY_PREFIX}${sku}` : "lines";
  }
  if (path.startsWith("lines")) return "lines";
  if (path.startsWith("payment")) return "amount";
  return path.split(".").pop();
}

/** How an add-on is paid: the order's first tender that needs no points withdrawal (a card when every tender was points). */
export function addOnPaymentMethod(payments: readonly { method: string }[]): string {
  return payments.find((p) => p.method !== "POINTS")?.method ?? "CARD";
}

/** An order takes an add-on unless it is cancelled or is itself a return. */
export function takesAddOn(order: { status: string; orderType: string }): boolean {
  return order.status !== "CANCELLED" && order.orderType !== "RETURN";
}
