import Link from "next/link";
import { humanizeEnum } from "@/lib/ui/format";
import { relationPhrase, relationTree } from "@/lib/ui/related-orders";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { loadOrder } from "@/components/orders/load-order";
import { loadRelatedOrders } from "./load-returns";

/**
 * The orders linked to this one (returns, supplemental orders, …) as an indented tree from the
 * root order, each with its type, relation, direction and status. `orderHref` links an order the
 * viewer can open (null: shown without a link).
 */
export async function RelatedOrdersCard({ orderId, orderHref }: { orderId: string; orderHref: (o: { orderId: string; orderType: string }) => string | null }) {
  const [order, { items }] = await Promise.all([loadOrder(orderId), loadRelatedOrders(orderId)]);
  if (!items.length) return null;
  const rows = relationTree(order.id, items);
  const numberOf = (id: string) => (id === order.id ? order.number : (items.find((x) => x.orderId === id)?.number ?? ""));
  return (
    <Card title="Related orders" titleId="related-orders">
      <ul aria-label="Related orders" className="space-y-2 text-sm">
        {rows.map((row) => {
          const i = row.item;
          const href = i ? orderHref(i) : null;
          const number = i ? i.number : order.number;
          return (
            <li key={row.orderId} style={{ paddingLeft: `${Math.min(row.depth, 6) * 1.25}rem` }} className={row.depth ? "border-l-2 border-slate-200" : undefined}>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 pl-2">
                {href ? (
                  <Link href={href} className="font-medium text-indigo-700 hover:underline">
                    {number}
                  </Link>
                ) : (
                  <span className="font-medium">{number}</span>
                )}
                {row.current && <span className="text-xs text-slate-500">(this order)</span>}
                <Badge>{humanizeEnum(i?.orderType ?? order.orderType)}</Badge>
                {i && <Badge tone="gray">{humanizeEnum(i.status)}</Badge>}
              </div>
              {i && (
                <p className="pl-2 text-xs text-slate-500">
                  {i.direction === "INCOMING" ? `${relationPhrase(i.relation)} ${numberOf(i.viaOrderId)} · incoming` : `${numberOf(i.viaOrderId)} ${relationPhrase(i.relation).toLowerCase()} it · outgoing`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
