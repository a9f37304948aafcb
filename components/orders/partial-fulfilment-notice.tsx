import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { lineProgress, shippedPhrase } from "@/lib/ui/line-progress";

/** "Part of your order has shipped": one sentence per line that shipped some, but not all, units. */
export function PartialFulfilmentNotice({ lines }: { lines: OrderViewT["lines"] }) {
  const partial = lines
    .map((line) => ({ line, progress: lineProgress(line.quantity, line.quantities) }))
    .filter((x) => x.progress.partiallyShipped);
  if (!partial.length) return null;
  return (
    <section aria-labelledby="partial-fulfilment" className="mb-6 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sky-950">
      <h2 id="partial-fulfilment" className="text-sm font-semibold">
        Part of your order is on its way
      </h2>
      <ul className="mt-1 space-y-0.5 text-sm">
        {partial.map(({ line, progress }) => {
          const rest = progress.toFulfil - progress.shipped;
          return (
            <li key={line.id}>
              <span className="font-medium">{line.itemName}</span> <span className="font-mono text-xs text-sky-800">({line.sku})</span>:{" "}
              <strong>{shippedPhrase(progress)}</strong>
              <span className="text-sky-800">
                {" "}
                — the remaining {rest} {rest === 1 ? "unit follows" : "units follow"} separately.
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
