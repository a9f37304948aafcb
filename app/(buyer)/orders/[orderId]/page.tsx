import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { formatMoney } from "@/lib/platform/money/money";
import { formatDateTime, humanizeEnum } from "@/lib/ui/format";
import { lineCancellability, requestStatusLabel, isRequestedBy } from "@/lib/ui/cancellation";
import { loadCancellations, loadOrder, loadOrderNotes, loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { LineStatusBadge, OrderStatusBadge } from "@/components/orders/status-badge";
import { BuyerQuantityChips, QuantityBar } from "@/components/orders/quantity-bar";
import { OrderTotals, PaymentsList } from "@/components/orders/order-money";
import { PartialFulfilmentNotice } from "@/components/orders/partial-fulfilment-notice";
import { NotesList } from "@/components/orders/notes-list";
import { DeliveryDetails } from "@/components/orders/delivery-details";
import { CancellationRequestList } from "@/components/cancellations/cancellation-request-list";
import { WithdrawRequestForm } from "@/components/cancellations/withdraw-request-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { buttonClass } from "@/components/ui/button";
import { firstParam } from "@/lib/ui/paging";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { withdrawCancellationAction } from "./actions";
import { loadOrderPointsRefunds } from "@/components/points/load-points";
import { PointsRefundList } from "@/components/points/points-refunds";

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Order ${order.number}` };
}

export default async function BuyerOrderPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const justRequested = firstParam((await searchParams).cancellation);
  const [order, { items: requests }, reasons, actor] = await Promise.all([loadOrder(orderId), loadCancellations(orderId), loadReasonCodes(), requestActor()]);
  const pointsRefunds = await loadOrderPointsRefunds(order);
  const money = (n: number) => formatMoney(n, order.currency);
  const cancellable = order.lines.some((l) => lineCancellability(l.quantities).inPlace > 0);
  const reasonLabels = Object.fromEntries(reasons.map((r) => [r.code, r.label]));
  const confirmed = justRequested ? requests.find((r) => r.number === justRequested) : undefined;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orders" className="hover:text-indigo-700 hover:underline">
            ← My orders
          </Link>
        }
        title={`Order ${order.number}`}
        badge={<OrderStatusBadge status={order.status} label={order.statusLabel} />}
        description={
          <>
            Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
            {order.externalRef && <> · Reference {order.externalRef}</>}
          </>
        }
        actions={
          cancellable ? (
            <Link href={`/orders/${order.id}/cancel`} className={buttonClass("secondary")}>
              Cancel items
            </Link>
          ) : undefined
        }
      />
      {confirmed && <RequestConfirmation request={confirmed} money={money} />}
      <PartialFulfilmentNotice lines={order.lines} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Items" titleId="items">
            <ul className="divide-y divide-slate-100">
              {order.lines.map((line) => (
                <li key={line.id} className="py-4 first:pt-0 last:pb-0">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h3 className="font-medium text-slate-900">{line.itemName}</h3>
                      <p className="text-sm text-slate-600">
                        <span className="font-mono text-xs">{line.sku}</span> · {line.quantity} × {money(line.unitPrice)}
                      </p>
                    </div>
                    <div className="text-right">
                      <p className="font-semibold tabular-nums">{money(line.lineTotal)}</p>
                      {line.quantities.cancelled > 0 && <p className="text-xs text-slate-600">{line.quantities.cancelled} cancelled</p>}
                      {line.refunded > 0 && <p className="text-xs text-slate-600">{money(line.refunded)} refunded</p>}
                    </div>
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    <span className="text-xs text-slate-500">Status</span>
                    <LineStatusBadge label={line.statusLabel} code={line.statusCode} />
                  </div>
                  <QuantityBar quantities={line.quantities} total={line.quantity} className="mt-3" />
                  <div className="mt-2">
                    <BuyerQuantityChips quantity={line.quantity} quantities={line.quantities} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
          {requests.length > 0 && (
            <Card title="Cancellation requests" titleId="cancellations">
              <CancellationRequestList
                requests={requests}
                currency={order.currency}
                reasonLabels={reasonLabels}
                actions={(r) =>
                  r.status === "PENDING_APPROVAL" && isRequestedBy(r.requestedBy, actor.email) ? (
                    <WithdrawRequestForm orderId={order.id} requestId={r.id} number={r.number} action={withdrawCancellationAction} />
                  ) : null
                }
              />
            </Card>
          )}
          <Card title="Messages from the seller" titleId="messages">
            <Suspense fallback={<Skeleton className="h-12 w-full" />}>
              <CustomerNotes orderId={order.id} />
            </Suspense>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Summary" titleId="summary">
            <OrderTotals order={order} />
          </Card>
          <Card title="Payment" titleId="payment">
            <PaymentsList order={order} />
          </Card>
          <DeliveryDetails order={order} />
          {pointsRefunds.length > 0 && (
            <Card title="Points refunded" titleId="points-refunded">
              <PointsRefundList refunds={pointsRefunds} currency={order.currency} />
            </Card>
          )}
          {order.subOrders.length > 0 && (
            <Card title={order.subOrders.length === 1 ? "Seller" : "Sellers"} titleId="sellers">
              <ul className="space-y-2 text-sm">
                {order.subOrders.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2">
                    <span>{s.storeName}</span>
                    <OrderStatusBadge status={s.status} label={humanizeEnum(s.status)} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

/** Shown once after the cancel form redirected here: what became of the request just made. */
function RequestConfirmation({ request: r, money }: { request: CancellationViewT; money: (n: number) => string }) {
  const refund = money(r.refund.total);
  if (r.status === "PENDING_APPROVAL") {
    return (
      <Alert tone="info" role="status" className="mb-6" title={`Cancellation ${r.number} requested`}>
        It needs approval before anything is cancelled. If approved, {refund} goes back to how you paid.
      </Alert>
    );
  }
  if (r.status === "COMPLETED" || r.status === "EXECUTING") {
    return (
      <Alert tone="success" role="status" className="mb-6" title={`Cancellation ${r.number} ${r.status === "COMPLETED" ? "completed" : "accepted"}`}>
        {r.refund.total > 0 ? `${refund} goes back to how you paid.` : "Nothing needed to be refunded."}
      </Alert>
    );
  }
  return (
    <Alert tone={r.status === "FAILED" ? "error" : "info"} role="status" className="mb-6" title={`Cancellation ${r.number}: ${requestStatusLabel(r.status).toLowerCase()}`}>
      {r.failureReason ?? "See the cancellation requests below."}
    </Alert>
  );
}

async function CustomerNotes({ orderId }: { orderId: string }) {
  const notes = await loadOrderNotes(orderId);
  return <NotesList notes={notes} showVisibility={false} emptyText="No messages yet." />;
}
