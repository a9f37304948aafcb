import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDate } from "@/lib/ui/format";
import { BuyerLineStatusBadge } from "./status-badge";
import { BuyerQuantityChips, QuantityBar } from "./quantity-bar";

type Shipments = OrderViewT["lines"][number]["shipments"];

/** Each shipment of a line: "2 shipped with UPS · tracking 1Z999…", the day it left and the day it arrived. */
function LineShipments({ sku, shipments }: { sku: string; shipments: Shipments }) {
  if (!shipments.length) return null;
  return (
    <ul aria-label={`Shipments of ${sku}`} className="mt-2 space-y-1 text-sm text-slate-700">
      {shipments.map((s, i) => (
        <li key={i} className="break-words">
          {s.quantity} shipped
          {s.carrier && <> with {s.carrier}</>}
          {s.trackingNumber ? (
            <>
              {" "}
              · tracking <span className="font-mono break-all">{s.trackingNumber}</span>
            </>
          ) : (
            <span className="text-slate-500"> · no tracking number</span>
          )}
          <span className="block text-xs text-slate-500">
            Shipped <time dateTime={s.shippedAt}>{formatDate(s.shippedAt)}</time>
            {s.deliveredAt ? (
              <>
                {" "}
                · delivered <time dateTime={s.deliveredAt}>{formatDate(s.deliveredAt)}</time>
              </>
            ) : (
              s.delivered > 0 && <> · {s.delivered} delivered so far</>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The buyer's lines: item, price, what was cancelled or refunded, status and where the units are. */
export function BuyerLineList({ order }: { order: Pick<OrderViewT, "currency" | "lines"> }) {
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <ul className="divide-y divide-slate-100">
      {order.lines.map((line) => (
        <li key={line.id} className="py-4 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 className="font-medium text-slate-900">{line.itemName}</h3>
              <p className="text-sm text-slate-600">
                <span className="font-mono text-xs">{line.sku}</span> · {line.quantity} × {money(line.unitPrice)}
              </p>
            </div>
            <div className="text-right">
              <p className="font-semibold tabular-nums">{money(line.lineTotal)}</p>
              {line.quantities.cancelled > 0 && <p className="text-xs text-slate-600">{line.quantities.cancelled} cancelled</p>}
              {line.refunded > 0 && <p className="text-xs text-slate-600">{money(line.refunded)} refunded</p>}
            </div>
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-500">Status</span>
            <BuyerLineStatusBadge code={line.statusCode} />
          </div>
          <QuantityBar quantities={line.quantities} total={line.quantity} className="mt-3" />
          <div className="mt-2">
            <BuyerQuantityChips quantity={line.quantity} quantities={line.quantities} />
          </div>
          <LineShipments sku={line.sku} shipments={line.shipments} />
        </li>
      ))}
    </ul>
  );
}
