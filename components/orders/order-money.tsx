import { formatMoney } from "@/lib/platform/money/money";
import { humanizeEnum } from "@/lib/ui/format";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { DescriptionList } from "@/components/ui/description-list";

export function OrderTotals({ order }: { order: Pick<OrderViewT, "totals" | "currency"> }) {
  const m = (n: number) => formatMoney(n, order.currency);
  const t = order.totals;
  return (
    <DescriptionList
      items={[
        { label: "Items", value: m(t.subtotal) },
        { label: "Tax", value: m(t.tax) },
        { label: "Shipping", value: m(t.shipping) },
        ...(t.discount > 0 ? [{ label: "Discount", value: `−${m(t.discount)}` }] : []),
        { label: "Total", value: m(t.total), strong: true },
        ...(t.refunded > 0 ? [{ label: "Refunded", value: m(t.refunded) }] : []),
      ]}
    />
  );
}

export function PaymentsList({ order }: { order: Pick<OrderViewT, "payments" | "currency"> }) {
  if (!order.payments.length) return <p className="text-sm text-slate-600">No payments recorded.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {order.payments.map((p) => (
        <li key={p.id} className="flex items-baseline justify-between gap-4 py-1.5">
          <span className="text-slate-700">{humanizeEnum(p.method)}</span>
          <span className="text-right tabular-nums">
            {formatMoney(p.amount, order.currency)}
            {p.refunded > 0 && <span className="block text-xs text-slate-500">{formatMoney(p.refunded, order.currency)} refunded</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
