import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { returnableOf } from "@/lib/ui/return-form";
import { loadOrder } from "@/components/orders/load-order";
import { loadReturnReasons } from "./load-returns";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { ReturnOrderForm } from "./return-order-form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

type Action = React.ComponentProps<typeof ReturnOrderForm>["previewAction"];

/**
 * The return form of an order, for its buyer or its store: the lines with shipped or delivered
 * units, a reason, the refund preview and the confirmation. `orderHref` is the order's page for
 * the viewer (the way back); `description` speaks to the viewer.
 */
export async function ReturnItemsPage(props: { orderId: string; orderHref: string; description: string; actions: { previewAction: Action; confirmAction: Action } }) {
  const [order, reasons] = await Promise.all([loadOrder(props.orderId), loadReturnReasons()]);
  const lines = order.lines
    .map((l) => ({ id: l.id, sku: l.sku, itemName: l.itemName, priceText: `${l.quantity} × ${formatMoney(l.unitPrice, order.currency)}`, returnable: returnableOf(l.quantities) }))
    .filter((l) => l.returnable > 0);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={props.orderHref} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Return items"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description={props.description}
      />
      {lines.length === 0 || order.orderType === "RETURN" ? (
        <EmptyState
          title="Nothing to return"
          action={
            <Link href={props.orderHref} className={buttonClass("secondary")}>
              Back to the order
            </Link>
          }
        >
          Only shipped or delivered items can be returned.
        </EmptyState>
      ) : (
        <ReturnOrderForm orderId={order.id} backHref={props.orderHref} version={order.version} currency={order.currency} lines={lines} reasons={reasons} {...props.actions} />
      )}
    </>
  );
}
