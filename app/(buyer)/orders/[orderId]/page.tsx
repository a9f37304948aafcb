import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { formatMoney } from "@/lib/platform/money/money";
import { requestStatusLabel } from "@/lib/ui/cancellation";
import { loadCancellations, loadOrder, loadOrderNotes, loadReasonCodes, requestActor } from "@/components/orders/load-order";
import { BuyerOrderHeader } from "@/components/orders/buyer-order-header";
import { BuyerLineList } from "@/components/orders/buyer-line-list";
import { OrderSellersCard } from "@/components/orders/order-sellers-card";
import { OrderTotals, PaymentsList } from "@/components/orders/order-money";
import { PartialFulfilmentNotice } from "@/components/orders/partial-fulfilment-notice";
import { NotesList } from "@/components/orders/notes-list";
import { DeliveryDetails } from "@/components/orders/delivery-details";
import { OrderAmendments } from "@/components/amendments/order-amendments";
import { AmendmentConfirmation } from "@/components/amendments/amendment-confirmation";
import { BuyerCancellationRequests } from "@/components/cancellations/buyer-cancellation-requests";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { firstParam } from "@/lib/ui/paging";
import type { CancellationViewT } from "@/lib/modules/cancellations/contracts/cancellations";
import { cancelReturnAction, withdrawCancellationAction } from "./actions";
import { loadOrderPointsRefunds } from "@/components/points/load-points";
import { PointsRefundList } from "@/components/points/points-refunds";
import { OrderReturns } from "@/components/returns/order-returns";
import { RelatedOrdersCard } from "@/components/returns/related-orders-card";
import { OrderAssetsCard } from "@/components/orders/order-assets-card";
import { AddOnConfirmation } from "@/components/supplemental/add-on-confirmation";
import { buttonClass } from "@/components/ui/button";
import { takesAddOn } from "@/lib/ui/add-on-form";

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Order ${order.number}` };
}

export default async function BuyerOrderPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const query = await searchParams;
  const justRequested = firstParam(query.cancellation);
  const [order, { items: requests }, reasons, actor] = await Promise.all([loadOrder(orderId), loadCancellations(orderId), loadReasonCodes(), requestActor()]);
  const pointsRefunds = await loadOrderPointsRefunds(order);
  const confirmed = justRequested ? requests.find((r) => r.number === justRequested) : undefined;

  return (
    <>
      <BuyerOrderHeader order={order} />
      {confirmed && <RequestConfirmation request={confirmed} money={(n) => formatMoney(n, order.currency)} />}
      <AmendmentConfirmation orderId={order.id} number={firstParam(query.amendment)} />
      <AddOnConfirmation orderId={order.id} number={firstParam(query.addOn)} orderHref={(id) => `/orders/${id}`} />
      <PartialFulfilmentNotice lines={order.lines} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {/* A RETURN order's items are its return's lines, shown by OrderReturns. */}
          {order.orderType !== "RETURN" && <ItemsCard order={order} />}
          <BuyerCancellationRequests
            orderId={order.id}
            currency={order.currency}
            requests={requests}
            reasons={reasons}
            buyerEmail={actor.email}
            withdrawAction={withdrawCancellationAction}
          />
          <OrderReturns orderId={order.id} returnItemsHref={`/orders/${order.id}/return`} justRequested={firstParam(query.return)} cancelAction={cancelReturnAction} />
          {order.orderType !== "RETURN" && <OrderAmendments orderId={order.id} amendHref={`/orders/${order.id}/amend`} />}
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
          <OrderAssetsCard orderId={order.id} orderHref={(id) => `/orders/${id}`} />
          <RelatedOrdersCard orderId={order.id} orderHref={(o) => `/orders/${o.orderId}`} />
          <OrderSellersCard subOrders={order.subOrders} />
        </div>
      </div>
    </>
  );
}

/** The order's items, with the way to order more of them while the order takes an add-on. */
function ItemsCard({ order }: { order: Awaited<ReturnType<typeof loadOrder>> }) {
  return (
    <Card
      title="Items"
      titleId="items"
      actions={
        takesAddOn(order) ? (
          <Link href={`/orders/${order.id}/add-on`} className={buttonClass("secondary", "sm")}>
            Add items
          </Link>
        ) : undefined
      }
    >
      <BuyerLineList order={order} />
    </Card>
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
