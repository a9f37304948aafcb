import Link from "next/link";
import type { ComponentProps } from "react";
import { loadAmendmentReasons, loadOrder } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryChangeForm } from "./delivery-change-form";

type Actions = Pick<ComponentProps<typeof DeliveryChangeForm>, "previewAction" | "confirmAction">;

/** The "change delivery details" page of a role: its order page is `backHref`, its actions are its own. */
export async function ChangeDeliveryPage({ orderId, backHref, actions }: { orderId: string; backHref: string; actions: Actions }) {
  const [order, reasons] = await Promise.all([loadOrder(orderId), loadAmendmentReasons()]);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={backHref} className="hover:text-indigo-700 hover:underline">
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
        backHref={backHref}
        {...actions}
      />
    </>
  );
}
