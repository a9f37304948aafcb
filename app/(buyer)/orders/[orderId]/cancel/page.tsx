import type { Metadata } from "next";
import Link from "next/link";
import { loadCancellations, loadOrder, loadReasonCodes } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { CancelOrderForm } from "@/components/cancellations/cancel-order-form";
import { cancelFormLines } from "@/components/cancellations/cancel-form-lines";
import { NothingToCancel, WaitingForApprovalAlert } from "@/components/cancellations/cancel-order-notices";
import { PageHeader } from "@/components/ui/page-header";
import { previewCancellationAction, requestCancellationAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Cancel items of order ${order.number}` };
}

export default async function CancelOrderPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons, { items: requests }] = await Promise.all([loadOrder(orderId), loadReasonCodes(), loadCancellations(orderId)]);
  const lines = cancelFormLines(order);
  const anything = lines.some((l) => l.inPlace > 0);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/orders/${order.id}`} className="hover:text-indigo-700 hover:underline">
            ← Order {order.number}
          </Link>
        }
        title="Cancel items"
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description="Choose what to cancel, preview the refund, then confirm. Nothing changes until you confirm."
      />
      {!anything ? (
        <NothingToCancel orderId={order.id} />
      ) : (
        <>
          <WaitingForApprovalAlert requests={requests} />
          <CancelOrderForm
            orderId={order.id}
            version={order.version}
            currency={order.currency}
            lines={lines}
            reasons={reasons}
            previewAction={previewCancellationAction}
            confirmAction={requestCancellationAction}
          />
        </>
      )}
    </>
  );
}
