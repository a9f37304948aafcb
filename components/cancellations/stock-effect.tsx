import type { Assessment } from "@/lib/modules/cancellations/domain/assess";

const STOCK_WORDS: Readonly<Record<string, string>> = {
  DEALLOCATION: "no longer allocated, back to available stock",
  RELEASE_RESERVATION: "reservation released, back to available stock",
  RETURN_TO_AVAILABLE: "back to available stock",
  WRITE_OFF: "written off as damaged (on hand goes down)",
};

/** What happens to the stock of the cancelled units: restocked or written off. */
export function StockEffect({ inventory }: { inventory: Assessment["inventory"] }) {
  if (inventory.length === 0) return null;
  return (
    <p className="mt-3 text-sm text-slate-700">
      <span className="font-semibold text-slate-900">Stock: </span>
      {inventory.map((i) => `${i.quantity} ${i.stage.toLowerCase()} ${STOCK_WORDS[i.type] ?? i.type}`).join("; ")}.
    </p>
  );
}
