import Link from "next/link";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatDateTime } from "@/lib/ui/format";
import { lineCancellability } from "@/lib/ui/cancellation";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { OrderStatusBadge } from "./status-badge";

/** The buyer's order heading: number, status, when it was placed, and "Cancel items" while anything is left in place. */
export function BuyerOrderHeader({ order }: { order: OrderViewT }) {
  const cancellable = order.lines.some((l) => lineCancellability(l.quantities).inPlace > 0);
  return (
    <PageHeader
      eyebrow={
        <Link href="/orders" className="hover:text-indigo-700 hover:underline">
          ← My orders
        </Link>
      }
      title={`Order ${order.number}`}
      badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
      description={
        <>
          Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
          {order.externalRef && <> · Reference {order.externalRef}</>}
        </>
      }
      actions={
        cancellable ? (
          <Link href={`/orders/${order.id}/cancel`} className={buttonClass("secondary")}>
            Cancel items
          </Link>
        ) : undefined
      }
    />
  );
}
