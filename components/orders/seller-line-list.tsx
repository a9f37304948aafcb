import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatMoney } from "@/lib/platform/money/money";
import { LineStatusBadge } from "./status-badge";
import { BucketChips, QuantityBar } from "./quantity-bar";

/** The seller's lines with every bucket that holds units and the derived status + code. */
export function SellerLineList({ order, children }: { order: OrderViewT; children?: (line: OrderViewT["lines"][number]) => React.ReactNode }) {
  const money = (n: number) => formatMoney(n, order.currency);
  if (!order.lines.length) return <p className="text-sm text-slate-600">None of this order&apos;s lines belong to your stores.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {order.lines.map((line) => (
        <li key={line.id} className="py-4 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 className="font-medium text-slate-900">
                <span className="text-slate-500">Line {line.lineNumber} · </span>
                {line.itemName} <span className="font-mono text-xs font-normal text-slate-600">{line.sku}</span>
              </h3>
              <p className="text-sm text-slate-600">
                {line.quantity} × {money(line.unitPrice)} · store {line.storeCode} · ships from {line.shipFromLocationCode}
              </p>
            </div>
            <div className="flex items-center gap-3 sm:flex-col sm:items-end sm:gap-1">
              <LineStatusBadge label={line.statusLabel} code={line.statusCode} />
              <span className="text-sm font-semibold tabular-nums">{money(line.lineTotal)}</span>
            </div>
          </div>
          <QuantityBar quantities={line.quantities} total={line.quantity} className="mt-3" />
          <div className="mt-2">
            <BucketChips quantities={line.quantities} />
          </div>
          {children && <div className="mt-4 rounded-md border border-slate-200 bg-slate-50/70 p-3">{children(line)}</div>}
        </li>
      ))}
    </ul>
  );
}
