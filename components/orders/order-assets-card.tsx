import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge, type Tone } from "@/components/ui/badge";
import { loadOrder, loadOrderAssets } from "./load-order";

const STATUS: Record<string, { label: string; tone: Tone }> = {
  ACTIVE: { label: "Active", tone: "green" },
  IN_FLIGHT: { label: "Being changed", tone: "amber" },
  RETURNED: { label: "Returned", tone: "gray" },
  REPLACED: { label: "Replaced", tone: "gray" },
};

/**
 * "Your assets": what the order's delivered units of asset-tracked items became, each with its
 * identifier, item and status (an active asset another order is changing shows as being changed,
 * linked to that order). Nothing when the order has none.
 */
export async function OrderAssetsCard({ orderId, orderHref }: { orderId: string; orderHref: (id: string) => string }) {
  const [order, { items }] = await Promise.all([loadOrder(orderId), loadOrderAssets(orderId)]);
  if (!items.length) return null;
  const itemName = new Map(order.lines.map((l) => [l.id, l.itemName]));
  return (
    <Card title="Your assets" titleId="assets">
      <ul aria-label="Assets" className="divide-y divide-slate-100 text-sm">
        {items.map((a) => {
          const status = STATUS[a.status === "ACTIVE" && a.inFlightOrderId ? "IN_FLIGHT" : a.status] ?? { label: a.status, tone: "gray" as Tone };
          return (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2 first:pt-0 last:pb-0">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{itemName.get(a.orderLineId) ?? a.sku}</p>
                <p className="text-xs text-slate-600">
                  <span className="font-mono">{a.sku}</span> · asset <span className="font-mono break-all">{a.id}</span>
                </p>
                {a.inFlightOrderId && a.status === "ACTIVE" && (
                  <Link href={orderHref(a.inFlightOrderId)} className="text-xs text-indigo-700 hover:underline">
                    See the order changing it
                  </Link>
                )}
              </div>
              <Badge tone={status.tone}>{status.label}</Badge>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
