import type { Metadata } from "next";
import Link from "next/link";
import { loadAmendmentReasons, loadOrder } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { DeliveryChangeForm } from "@/components/amendments/delivery-change-form";
import { PageHeader } from "@/components/ui/page-header";
import { previewAmendmentAction, requestAmendmentAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Change delivery details of order ${order.number}` };
}

export default async function ChangeDeliveryPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons] = await Promise.all([loadOrder(orderId), loadAmendmentReasons()]);
  const back = `/seller/orders/${order.id}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={back} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Change delivery details"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Edit what should change, review what that does, then confirm. Nothing changes until you confirm."
      />
      <DeliveryChangeForm
        orderId={order.id}
        version={order.version}
        current={{ shippingAddress: order.shippingAddress, contact: order.contact, deliveryNote: order.deliveryNote, deliveryWindow: order.deliveryWindow }}
        reasons={reasons}
        backHref={back}
        previewAction={previewAmendmentAction}
        confirmAction={requestAmendmentAction}
      />
    </>
  );
}
