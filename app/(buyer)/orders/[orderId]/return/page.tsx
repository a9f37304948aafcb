import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { returnableOf } from "@/lib/ui/return-form";
import { loadOrder } from "@/components/orders/load-order";
import { loadReturnReasons } from "@/components/returns/load-returns";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { ReturnOrderForm } from "@/components/returns/return-order-form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { previewReturnAction, requestReturnAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Return items of order ${order.number}` };
}

export default async function ReturnItemsPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons] = await Promise.all([loadOrder(orderId), loadReturnReasons()]);
  const lines = order.lines
    .map((l) => ({ id: l.id, sku: l.sku, itemName: l.itemName, priceText: `${l.quantity} × ${formatMoney(l.unitPrice, order.currency)}`, returnable: returnableOf(l.quantities) }))
    .filter((l) => l.returnable > 0);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orders/${order.id}`} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Return items"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Choose what to send back, preview the refund, then confirm. The refund is paid as the store receives the items."
      />
      {lines.length === 0 || order.orderType === "RETURN" ? (
        <EmptyState
          title="Nothing to return"
          action={
            <Link href={`/orders/${order.id}`} className={buttonClass("secondary")}>
              Back to the order
            </Link>
          }
        >
          Only shipped or delivered items can be returned.
        </EmptyState>
      ) : (
        <ReturnOrderForm orderId={order.id} version={order.version} currency={order.currency} lines={lines} reasons={reasons} previewAction={previewReturnAction} confirmAction={requestReturnAction} />
      )}
    </>
  );
}
