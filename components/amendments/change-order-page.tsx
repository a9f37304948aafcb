import Link from "next/link";
import type { ComponentProps } from "react";
import { loadAmendmentReasons, loadOrder } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { changeableLines, type LinePart } from "@/lib/ui/line-amendment-form";
import { ChangeOrderForm } from "./change-order-form";

type Actions = Pick<ComponentProps<typeof ChangeOrderForm>, "previewAction" | "confirmAction">;

interface Props {
  orderId: string;
  /** This role's order page, and where it cancels items. */
  backHref: string;
  cancelHref: string;
  /** What this role may change of a line. */
  lineParts: readonly LinePart[];
  actions: Actions;
}

/** The "change order" page of a role: items (the parts it may change) and delivery details, with its own actions. */
export async function ChangeOrderPage({ orderId, backHref, cancelHref, lineParts, actions }: Props) {
  const [order, reasons] = await Promise.all([loadOrder(orderId), loadAmendmentReasons()]);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={backHref} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Change order"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Edit what should change, review what that does and costs, then confirm. Nothing changes until you confirm."
      />
      <ChangeOrderForm
        orderId={order.id}
        version={order.version}
        current={{ shippingAddress: order.shippingAddress, contact: order.contact, deliveryNote: order.deliveryNote, deliveryWindow: order.deliveryWindow }}
        currency={order.currency}
        lines={changeableLines(order.lines)}
        lineParts={lineParts}
        cancelHref={cancelHref}
        reasons={reasons}
        backHref={backHref}
        {...actions}
      />
    </>
  );
}
