import Link from "next/link";
import { loadAmendments, loadOrder } from "@/components/orders/load-order";
import { buttonClass } from "@/components/ui/button";
import { lineNamesOf } from "@/lib/ui/amendment-change-text";
import { AmendmentRequestsCard } from "./amendment-requests-card";

/** The order's amendments with the way to request one (this role's "change order" page). */
export async function OrderAmendments({ orderId, amendHref }: { orderId: string; amendHref: string }) {
  const [order, { items }] = await Promise.all([loadOrder(orderId), loadAmendments(orderId)]);
  return (
    <AmendmentRequestsCard
      amendments={items}
      lines={lineNamesOf(order.lines)}
      currency={order.currency}
      action={
        <Link href={amendHref} className={buttonClass("secondary", "sm")}>
          Change order
        </Link>
      }
    />
  );
}
