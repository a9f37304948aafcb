import type { Metadata } from "next";
import { Suspense } from "react";
import { HISTORY_PAGE_SIZE, loadOrder, loadOrderHistory, requestActor } from "@/components/orders/load-order";
import { SellerOrderHeader } from "@/components/orders/seller-order-header";
import { SellerLineList } from "@/components/orders/seller-line-list";
import { SellerShipmentsCard } from "@/components/orders/seller-shipments-card";
import { DeliveryDetails } from "@/components/orders/delivery-details";
import { OrderAmendments } from "@/components/amendments/order-amendments";
import { AmendmentConfirmation } from "@/components/amendments/amendment-confirmation";
import { firstParam } from "@/lib/ui/paging";
import { SellerOrderFactsCard, SellerOrderTotalsCard, SellerPaymentsCard } from "@/components/orders/seller-order-cards";
import { SellerNotesCard } from "@/components/orders/seller-notes-card";
import { HistoryTimeline } from "@/components/orders/history-timeline";
import { SellerCancellationsCard } from "@/components/cancellations/seller-cancellations-card";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { OrderFalloutNotice } from "@/components/fallout/order-fallout-notice";
import { OrderReturns } from "@/components/returns/order-returns";
import { RelatedOrdersCard } from "@/components/returns/related-orders-card";
import { addOrderNoteAction } from "./actions";

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await loadOrder((await params).orderId);
  return { title: `Order ${order.number}` };
}

export default async function SellerOrderPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const search = await searchParams;
  const justAmended = firstParam(search.amendment);
  const query = { return: firstParam(search.return) };
  const [order, actor] = await Promise.all([loadOrder(orderId), requestActor()]);
  // A RETURN order has no store part: only OPS, who reads every order, can open one here.
  const opens = (o: { orderType: string }) => o.orderType !== "RETURN" || actor.roles.has("OPS");

  return (
    <>
      <SellerOrderHeader order={order} />
      <OrderFalloutNotice orderId={order.id} />
      <AmendmentConfirmation orderId={order.id} number={justAmended} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Lines" titleId="lines">
            <SellerLineList order={order} />
          </Card>
          <SellerShipmentsCard shipments={order.shipments} />
          <SellerCancellationsCard orderId={order.id} currency={order.currency} />
          <OrderReturns orderId={order.id} returnItemsHref={`/seller/orders/${order.id}/return`} returnHref={(id) => `/seller/returns/${id}`} justRequested={query.return} />
          <OrderAmendments orderId={order.id} amendHref={`/seller/orders/${order.id}/amend`} />
          <Card title="History" titleId="history">
            <Suspense fallback={<Skeleton className="h-32 w-full" />}>
              <History order={order} />
            </Suspense>
          </Card>
        </div>
        <div className="space-y-6">
          <RelatedOrdersCard orderId={order.id} orderHref={(o) => (opens(o) ? `/seller/orders/${o.orderId}` : null)} />
          <DeliveryDetails order={order} />
          <SellerOrderFactsCard order={order} />
          <SellerOrderTotalsCard order={order} />
          <SellerPaymentsCard order={order} />
          <SellerNotesCard order={order} addNoteAction={addOrderNoteAction} />
        </div>
      </div>
    </>
  );
}

async function History({ order }: { order: Awaited<ReturnType<typeof loadOrder>> }) {
  const page = await loadOrderHistory(order.id);
  return <HistoryTimeline orderId={order.id} version={order.version} initial={page} pageSize={HISTORY_PAGE_SIZE} lines={order.lines} currency={order.currency} />;
}
