import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatMoney } from "@/lib/platform/money/money";
import { lineCancellability, stagePhrase } from "@/lib/ui/cancellation";

export interface CancelFormLine {
  id: string;
  sku: string;
  itemName: string;
  /** "2 × $20.00" */
  priceText: string;
  /** Most units a request may name (not cancelled or returned yet). */
  outstanding: number;
  /** Of those, not shipped yet. */
  inPlace: number;
  /** Where the outstanding units are, e.g. "2 open, 1 packed". */
  stages: string;
}

/** Each order line as the buyer's cancel form shows it: price, where its units are, how many may be cancelled. */
export function cancelFormLines(order: Pick<OrderViewT, "currency" | "lines">): CancelFormLine[] {
  const money = (n: number) => formatMoney(n, order.currency);
  return order.lines.map((l) => {
    const c = lineCancellability(l.quantities);
    return {
      id: l.id,
      sku: l.sku,
      itemName: l.itemName,
      priceText: `${l.quantity} × ${money(l.unitPrice)}`,
      outstanding: c.outstanding,
      inPlace: c.inPlace,
      stages: [stagePhrase(l.quantities), l.quantities.cancelled ? `${l.quantities.cancelled} cancelled` : "", l.quantities.returned ? `${l.quantities.returned} returned` : ""]
        .filter(Boolean)
        .join(", "),
    };
  });
}
