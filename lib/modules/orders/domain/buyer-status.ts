// What a buyer reads for a line's status: plain words for where the goods are, never the
// enterprise status code or warehouse stages (sellers and OPS see those: line-status.ts).


const BUYER_WORDS: Record<string, string> = {
  "1000": "Order received",
  "1050": "Partly cancelled",
  "1100": "Preparing",
  "1125": "Preparing",
  "1150": "Preparing, partly cancelled",
  "3000": "Preparing",
  "3025": "Preparing",
  "3050": "Preparing",
  "3200": "Preparing",
  "3225": "Preparing",
  "3250": "Preparing, partly cancelled",
  "3350": "Preparing",
  "3375": "Preparing",
  "3400": "Preparing, partly cancelled",
  "4000": "Shipped",
  "4025": "Partly shipped",
  "4050": "Partly shipped",
  "4500": "Delivered",
  "4525": "Partly delivered",
  "4550": "Delivered, partly cancelled",
  "8000": "Returned",
  "8050": "Partly returned",
  "9000": "Cancelled",
};

/** "3200" (Picked) → "Preparing"; a code this table does not know reads "In progress". */
export function buyerLineStatusWords(code: string): string {
  return BUYER_WORDS[code] ?? "In progress";
}
