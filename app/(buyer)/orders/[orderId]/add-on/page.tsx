import type { Metadata } from "next";
import Link from "next/link";
import { addOnItems } from "@/lib/modules/supplemental/domain/add-on";
import { addOnPaymentMethod, takesAddOn } from "@/lib/ui/add-on-form";
import { loadOrder } from "@/components/orders/load-order";
import { loadAddOnReasons } from "@/components/supplemental/load-supplemental";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { AddOnOrderForm } from "@/components/supplemental/add-on-order-form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { createAddOnAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Add items to order ${order.number}` };
}

export default async function AddOnPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons] = await Promise.all([loadOrder(orderId), loadAddOnReasons()]);
  const items = addOnItems(order.lines).map(({ sku, itemName, category, storeCode, shipFromLocationCode, quantity, unitPrice, taxAmount }) => ({ sku, itemName, category, storeCode, shipFromLocationCode, quantity, unitPrice, taxAmount }));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orders/${order.id}`} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Add items"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Order more of this order's items at the price you paid. They come as a new order of their own, linked to this one."
      />
      {!takesAddOn(order) || items.length === 0 ? (
        <EmptyState
          title="Nothing can be added"
          action={
            <Link href={`/orders/${order.id}`} className={buttonClass("secondary")}>
              Back to the order
            </Link>
          }
        >
          A cancelled order or a return takes no more items.
        </EmptyState>
      ) : (
        <AddOnOrderForm orderId={order.id} version={order.version} currency={order.currency} items={items} reasons={reasons} paymentMethod={addOnPaymentMethod(order.payments)} action={createAddOnAction} />
      )}
    </>
  );
}
