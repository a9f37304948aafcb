import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/platform/money/money";
import { lineCancellability, stagePhrase } from "@/lib/ui/cancellation";
import { loadCancellations, loadOrder, loadReasonCodes } from "@/components/orders/load-order";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { CancelOrderForm, type CancelFormLine } from "@/components/cancellations/cancel-order-form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { previewCancellationAction, requestCancellationAction } from "./actions";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Cancel items of order ${order.number}` };
}

export default async function CancelOrderPage({ params }: Props) {
  const { orderId } = await params;
  const [order, reasons, { items: requests }] = await Promise.all([loadOrder(orderId), loadReasonCodes(), loadCancellations(orderId)]);
  const money = (n: number) => formatMoney(n, order.currency);
  const lines: CancelFormLine[] = order.lines.map((l) => {
    const c = lineCancellability(l.quantities);
    return {
      id: l.id,
      sku: l.sku,
      itemName: l.itemName,
      priceText: `${l.quantity} × ${money(l.unitPrice)}`,
      outstanding: c.outstanding,
      inPlace: c.inPlace,
      stages: [stagePhrase(l.quantities), l.quantities.cancelled ? `${l.quantities.cancelled} cancelled` : "", l.quantities.returned ? `${l.quantities.returned} returned` : ""]
        .filter(Boolean)
        .join(", "),
    };
  });
  const anything = lines.some((l) => l.inPlace > 0);
  const waiting = requests.filter((r) => r.status === "PENDING_APPROVAL");

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
        <EmptyState
          title="Nothing left to cancel"
          action={
            <Link href={`/orders/${order.id}`} className={buttonClass("secondary")}>
              Back to the order
            </Link>
          }
        >
          Everything on this order has shipped, been cancelled or been returned. Shipped items can be returned once they arrive.
        </EmptyState>
      ) : (
        <>
          {waiting.length > 0 && (
            <Alert tone="info" className="mb-6" title={waiting.length === 1 ? `${waiting[0]!.number} is waiting for approval` : "Requests waiting for approval"}>
              Items in a request that waits for approval cannot be part of another one until it is decided
              {waiting.length > 1 ? ` (${waiting.map((r) => r.number).join(", ")})` : ""}.
            </Alert>
          )}
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
