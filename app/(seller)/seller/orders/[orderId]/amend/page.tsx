import type { Metadata } from "next";
import { loadOrder } from "@/components/orders/load-order";
import { ChangeDeliveryPage } from "@/components/amendments/change-delivery-page";
import { previewAmendmentAction, requestAmendmentAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Change delivery details of order ${order.number}` };
}

export default async function ChangeDeliveryRoute({ params }: Props) {
  const { orderId } = await params;
  return <ChangeDeliveryPage orderId={orderId} backHref={`/seller/orders/${orderId}`} actions={{ previewAction: previewAmendmentAction, confirmAction: requestAmendmentAction }} />;
}
