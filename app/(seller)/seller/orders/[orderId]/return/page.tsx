import type { Metadata } from "next";
import { loadOrder } from "@/components/orders/load-order";
import { ReturnItemsPage } from "@/components/returns/return-items-page";
import { previewReturnAction, requestReturnAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Return items of order ${order.number}` };
}

export default async function SellerReturnItemsRoute({ params }: Props) {
  const { orderId } = await params;
  return (
    <ReturnItemsPage
      orderId={orderId}
      orderHref={`/seller/orders/${orderId}`}
      description="Start a return for the buyer: choose the units coming back, preview the refund, then confirm. The refund is paid as the items are received."
      actions={{ previewAction: previewReturnAction, confirmAction: requestReturnAction }}
    />
  );
}
