import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { humanizeEnum } from "@/lib/ui/format";
import { Card } from "@/components/ui/card";
import { OrderStatusBadge } from "./status-badge";

/** The stores that sell the order's lines, each with its sub-order's status (nothing for an order without sub-orders). */
export function OrderSellersCard({ subOrders }: { subOrders: OrderViewT["subOrders"] }) {
  if (subOrders.length === 0) return null;
  return (
    <Card title={subOrders.length === 1 ? "Seller" : "Sellers"} titleId="sellers">
      <ul className="space-y-2 text-sm">
        {subOrders.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-2">
            <span>{s.storeName}</span>
            <OrderStatusBadge status={s.status} label={humanizeEnum(s.status)} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
