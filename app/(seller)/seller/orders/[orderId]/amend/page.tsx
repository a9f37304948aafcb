import type { Metadata } from "next";
import { loadOrder } from "@/components/orders/load-order";
import { ChangeOrderPage } from "@/components/amendments/change-order-page";
import { previewAmendmentAction, requestAmendmentAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Change order ${order.number}` };
}

export default async function ChangeOrderRoute({ params }: Props) {
  const { orderId } = await params;
  return (
    <ChangeOrderPage
      orderId={orderId}
      backHref={`/seller/orders/${orderId}`}
      cancelHref={`/seller/orders/${orderId}/fulfil`}
      lineParts={["quantity", "sku", "unitPrice"]}
      actions={{ previewAction: previewAmendmentAction, confirmAction: requestAmendmentAction }}
    />
  );
}
