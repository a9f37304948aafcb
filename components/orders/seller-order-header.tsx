import Link from "next/link";
import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { formatDateTime } from "@/lib/ui/format";
import { availableSteps } from "@/lib/ui/fulfilment";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { OrderStatusBadge } from "./status-badge";

/** The seller's order heading: number, status, buyer, and "Fulfil lines" (the primary action while any line can move). */
export function SellerOrderHeader({ order }: { order: OrderViewT }) {
  const workable = order.lines.some((l) => availableSteps(l.quantities).length > 0);
  return (
    <PageHeader
      eyebrow={
        <Link href="/seller/orders" className="hover:text-indigo-700 hover:underline">
          ← Store orders
        </Link>
      }
      title={`Order ${order.number}`}
      badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
      description={
        <>
          Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time> by {order.buyerEmail}
        </>
      }
      actions={
        <Link
          href={`/seller/orders/${order.id}/fulfil`}
          className={buttonClass(workable ? "primary" : "secondary")}
        >
          Fulfil lines
        </Link>
      }
    />
  );
}
