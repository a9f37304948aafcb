// What a history entry says, rendered when it is read: amounts come from the entry's data in the
// order's currency. Entries written before amounts were formatted carry "19224 USD" in their stored
// text; those amounts are rewritten too. Actions without a renderer keep their stored description.
import { formatMoney } from "../../../platform/money/money.ts";

export interface HistoryText {
  action: string;
  description: string;
  data: unknown;
}

type Data = Record<string, unknown>;
type Render = (data: Data, currency: string) => string | null;

const amount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);
const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

const RENDERERS: Record<string, Render> = {
  REFUND_PROCESSED: (d, c) => (amount(d.refundedNow) ? `Refunded ${formatMoney(d.refundedNow, c)} to the original payment` : null),
  RETURN_COMPLETED: (d, c) => (text(d.number) && amount(d.refunded) ? `Return ${d.number} completed: ${formatMoney(d.refunded, c)} refunded` : null),
};

/** Raw minor units followed by the order's currency code ("19224 USD") → "$192.24". */
export function formatStoredAmounts(description: string, currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency)) return description;
  return description.replace(new RegExp(`(?<![\\d.,])(-?\\d+) ${currency}\\b`, "g"), (whole, minor: string) => {
    const n = Number(minor);
    return Number.isSafeInteger(n) ? formatMoney(n, currency) : whole;
  });
}

/** The entry's text with every amount in the order's currency. */
export function historyDescription(entry: HistoryText, currency: string): string {
  const data = entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? (entry.data as Data) : null;
  const rendered = data ? RENDERERS[entry.action]?.(data, currency) : null;
  return rendered ?? formatStoredAmounts(entry.description, currency);
}
